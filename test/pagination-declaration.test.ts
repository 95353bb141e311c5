// x-pagination (scripts/lib/pagination-spec.mjs): a scheme declared once at the document root, used
// by operations that name it or matched by `auto: true`, checked against each operation's parameters
// and 2xx schema, and written into its table entry as `paginate`.
import { afterAll, describe, expect, it } from "vitest";
import { clientData } from "../scripts/lib/emit-client.mjs";
import { fixture, Project } from "./helpers/project.js";

const json = (schema: unknown) => ({ "200": { description: "OK", content: { "application/json": { schema } } } });
const query = (...names: string[]) => names.map((name) => ({ name, in: "query", schema: { type: name === "cursor" || name === "starting_after" ? "string" : "integer" } }));

/** A document with the usual listing shapes; `root` is its x-pagination, `uses` each operation's. */
function doc(root: unknown, uses: Record<string, unknown> = {}) {
  const op = (operationId: string, parameters: unknown[], schema: unknown) => ({
    get: { operationId, parameters, responses: json(schema), ...(uses[operationId] !== undefined && { "x-pagination": uses[operationId] }) },
  });
  return {
    openapi: "3.0.3",
    ...(root !== undefined && { "x-pagination": root }),
    paths: {
      "/things": op("listThings", query("cursor", "limit"), { $ref: "#/components/schemas/ThingPage" }),
      "/charges": op("listCharges", query("starting_after", "limit"), {
        type: "object",
        properties: { data: { type: "array", items: { $ref: "#/components/schemas/Charge" } }, has_more: { type: "boolean" } },
      }),
      "/products": op("listProducts", query("page"), {
        allOf: [{ type: "object", properties: { data: { type: "array", items: {} } } }, { type: "object", properties: { meta: { type: "object", properties: { total_pages: { type: "integer" } } } } }],
      }),
      "/orders": op("listOrders", query("offset", "limit"), { type: "object", properties: { results: { type: "array", items: {} }, count: { type: "integer" } } }),
    },
    components: {
      schemas: {
        ThingPage: { type: "object", properties: { items: { type: "array", items: {} }, links: { type: "object", properties: { next: { type: "string", nullable: true } } } } },
        Charge: { type: "object", properties: { id: { type: "string" } } },
      },
    },
  };
}

const schemes = {
  things: { kind: "cursor", param: "cursor", cursor: "links.next", items: "items" },
  stripe: { kind: "cursor", param: "starting_after", lastItem: "id", hasMore: "has_more", items: "data" },
  pages: { kind: "page", param: "page", items: "data", totalPages: "meta.total_pages" },
  offsets: { kind: "offset", param: "offset", limit: "limit", items: "results", total: "count" },
};
const everyUse = { listThings: "things", listCharges: "stripe", listProducts: "pages", listOrders: "offsets" };
const paginateOf = (d: Record<string, any>, options?: { overlay?: string }) =>
  Object.fromEntries(Object.entries(clientData(d, {}, options).operations).map(([k, v]) => [k, (v as { paginate?: unknown }).paginate]));
/** The GenerateError a declaration fails with, formatted as generate prints it. */
const failure = (d: Record<string, any>) => {
  try {
    clientData(d, {}, { overlay: "specs/x/overlay.yaml" });
  } catch (error) {
    return (error as { format(): string }).format();
  }
  throw new Error("clientData accepted the declaration");
};

describe("x-pagination", () => {
  it("x-pagination: each kind, named by the operation, becomes its table entry's paginate", () => {
    expect(paginateOf(doc(schemes, everyUse))).toEqual({
      listThings: { kind: "cursor", param: "cursor", items: "items", cursor: "links.next" },
      listCharges: { kind: "cursor", param: "starting_after", items: "data", lastItem: "id", hasMore: "has_more" },
      listProducts: { kind: "page", param: "page", items: "data", totalPages: "meta.total_pages" },
      listOrders: { kind: "offset", param: "offset", items: "results", total: "count", limit: "limit" },
    });
  });

  it("x-pagination: without a declaration nothing is paginated (nothing is inferred)", () => {
    expect(paginateOf(doc(undefined))).toEqual({ listThings: undefined, listCharges: undefined, listProducts: undefined, listOrders: undefined });
  });

  it("x-pagination: auto matches every GET that has the parameter; x-pagination: false opts one out; an inline scheme works too", () => {
    const d = doc({ ...schemes, pages: { ...schemes.pages, auto: true }, offsets: { ...schemes.offsets, auto: true } }, { listOrders: false, listThings: schemes.things });
    const got = paginateOf(d);
    expect(got.listProducts).toMatchObject({ kind: "page" });
    expect(got.listOrders).toBeUndefined();
    expect(got.listThings).toMatchObject({ kind: "cursor", cursor: "links.next" });
    expect(got.listCharges).toBeUndefined();
  });

  it("x-pagination: Sequence's overlay declares GET /users's cursor, which users.list() pages by", async () => {
    const { operations } = await import("../generated/sequence/client.js");
    expect(operations.getUsers.paginate).toEqual({ kind: "cursor", param: "after", items: "items", cursor: "pagination.after" });
    expect(Object.values(operations).filter((o) => "paginate" in o)).toHaveLength(1);
  });

  it.each([
    ["a parameter the operation lacks", { ...schemes, things: { ...schemes.things, param: "after" } }, /\[pagination\] GET \/things \(listThings\): the pagination parameter "after" is not a query parameter of this operation/],
    ["an offset limit the operation lacks", { ...schemes, offsets: { ...schemes.offsets, limit: "size" } }, /GET \/orders \(listOrders\): the pagination parameter "size" is not/],
    ["a cursor path not in the 2xx schema", { ...schemes, things: { ...schemes.things, cursor: "links.nxt" } }, /GET \/things \(listThings\): the pagination cursor path "links.nxt" is not in the 2xx response schema/],
    ["an items path not in the 2xx schema", { ...schemes, pages: { ...schemes.pages, items: "items" } }, /GET \/products \(listProducts\): the pagination items path "items" is not in/],
    ["an items path that is not an array", { ...schemes, offsets: { ...schemes.offsets, items: "count" } }, /the pagination items path "count" is not an array/],
    ["a lastItem field the items lack", { ...schemes, stripe: { ...schemes.stripe, lastItem: "uid" } }, /GET \/charges \(listCharges\): the pagination lastItem path "uid" is not in/],
    ["a total path not in the 2xx schema", { ...schemes, pages: { ...schemes.pages, totalPages: "meta.pages" } }, /the pagination totalPages path "meta.pages"/],
    ["an unknown kind", { ...schemes, pages: { ...schemes.pages, kind: "pages" } }, /x-pagination\.pages\.kind is "pages"; use cursor, page or offset/],
    ["a key of another kind (a typo)", { ...schemes, pages: { ...schemes.pages, limit: "limit" } }, /x-pagination\.pages: limit is not a page pagination key/],
    ["a cursor scheme with neither cursor nor lastItem", { ...schemes, things: { kind: "cursor", param: "cursor", items: "items" } }, /x-pagination\.things needs exactly one of cursor .* or lastItem/],
    ["no items path", { ...schemes, things: { kind: "cursor", param: "cursor", cursor: "links.next" } }, /x-pagination\.things\.items is required/],
  ])("x-pagination: %s is a [pagination] error naming the operation or scheme, in the overlay", (_name, root, message) => {
    const text = failure(doc(root, everyUse));
    expect(text).toMatch(/^specs\/x\/overlay\.yaml: \[pagination\] /);
    expect(text).toMatch(message);
  });

  it("x-pagination: an operation naming an undeclared scheme is an error listing the declared ones", () => {
    expect(failure(doc(schemes, { ...everyUse, listOrders: "offset" }))).toMatch(/GET \/orders \(listOrders\): x-pagination names the scheme "offset", but the document root declares "things", "stripe", "pages", "offsets"/);
    expect(failure(doc(undefined, { listOrders: "offsets" }))).toMatch(/declares none \(add x-pagination at the root, in the overlay\)/);
  });

  it("x-pagination: a vendor's own x-pagination shape is an error that says to remove it in the overlay", () => {
    expect(failure(doc(schemes, { ...everyUse, listOrders: { style: "offset", defaultLimit: 20 } }))).toMatch(
      /GET \/orders \(listOrders\): x-pagination\.kind is undefined; use cursor, page or offset \(if the vendor's document uses x-pagination for something else, remove it in the overlay/,
    );
  });

  it("x-pagination: an auto match that does not fit says how to opt the operation out", () => {
    const d = doc({ things: { ...schemes.things, auto: true, param: "limit" } });
    expect(failure(d)).toMatch(/GET \/charges \(listCharges\): the pagination items path "items" is not in the 2xx response schema \(matched by auto: true; set x-pagination: false on the operation to leave it out\)/);
  });
});

describe("x-pagination in generate", () => {
  const projects: Project[] = [];
  afterAll(() => {
    for (const p of projects) p.remove();
  });

  it("generate: a declaration that does not fit its operation fails the run, naming the overlay, the rule, the operation and the parameter", { timeout: 60_000 }, async () => {
    const project = Project.create({ pets: fixture("pets") });
    projects.push(project);
    project.edit(
      "specs/pets/overlay.yaml",
      (t) =>
        `${t}  - target: $\n    update:\n      x-pagination:\n        list: { kind: page, param: page, items: items }\n  - target: $.paths['/pets/{petId}'].get\n    update:\n      x-pagination: list\n`,
    );
    const result = await project.generate();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('specs/pets/overlay.yaml: [pagination] GET /pets/{petId} (getPet): the pagination parameter "page" is not a query parameter of this operation');
  });
});
