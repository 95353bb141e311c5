// The change report's rules, one fixture spec pair per class (test/fixtures/changes/<kind>/), the role
// table diff, and a property: additive-only changes are never breaking.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { compareApi, semverOf } from "../scripts/changes/compare.mjs";
import { diffOpenApi } from "../scripts/changes/openapi-diff.mjs";
import { repoRoot } from "./helpers/project.js";

type Change = Awaited<ReturnType<typeof compareApi>>[number];

const fixtures = join(repoRoot, "test", "fixtures", "changes");
const read = (path: string) => readFileSync(join(fixtures, path), "utf8");
const files = (bundle: string, roles: string | null = null) => ({ bundlePath: "generated/fixture/openapi.yaml", bundle, rolesPath: "generated/fixture/roles.ts", roles });

async function pair(name: string): Promise<Change[]> {
  return compareApi("fixture", files(read(`${name}/before.yaml`)), files(read(`${name}/after.yaml`)), "base");
}
const brief = (changes: Change[]) => changes.map((c) => `${c.severity} ${c.kind} ${c.operation ?? "-"}`);

describe("changes: breaking", () => {
  it.each([
    ["operation-removed", "breaking operation-removed GET /items/{id}"],
    ["parameter-removed", "breaking parameter-removed GET /items"],
    ["parameter-became-required", "breaking parameter-became-required GET /items"],
    ["parameter-added-required", "breaking parameter-added-required GET /items"],
    ["request-type-narrowed", "breaking request-type-changed POST /items"],
    ["request-type-narrowed", "breaking request-constraint-narrowed POST /items"],
    ["request-enum-value-removed", "breaking request-enum-value-removed POST /items"],
    ["response-property-removed", "breaking response-property-removed -"],
    ["response-property-became-optional", "breaking response-property-became-optional -"],
    ["response-type-changed", "breaking response-type-changed -"],
    ["field-became-nullable", "breaking field-became-nullable -"],
    ["security-changed", "breaking security-changed GET /items"],
    ["server-removed", "breaking server-removed -"],
  ])("changes: %s is reported as %s", async (name, expected) => {
    const changes = await pair(name);
    expect(brief(changes)).toContain(expected);
    expect(semverOf(changes)).toBe("major");
  });

  it("changes: a removed response field of a shared schema is one entry, not one per operation", async () => {
    const changes = (await pair("response-property-removed")).filter((c) => c.severity === "breaking");
    expect(changes).toEqual([
      {
        severity: "breaking",
        kind: "response-property-removed",
        operation: null,
        location: "#/components/schemas/Item/properties/name",
        message: "Response field `Item.name` was removed (used by 3 operations).",
      },
    ]);
  });

  it("changes: a schema used by one operation is attributed to that operation", async () => {
    const [change] = await pair("request-enum-value-removed");
    expect(change).toMatchObject({ operation: "POST /items", location: "#/components/schemas/NewItem/properties/kind/enum", message: "Request field `NewItem.kind` no longer accepts `b`." });
  });

  it("changes: auth moving to another scheme names both", async () => {
    const changes = await pair("security-changed");
    expect(changes.find((c) => c.kind === "security-changed")?.message).toBe("GET /items's auth changed from basic to bearer.");
  });
});

describe("changes: risky", () => {
  it.each([
    ["response-enum-value-added", "risky response-enum-value-added -"],
    ["error-status-added", "risky error-status-added GET /items"],
  ])("changes: %s is reported as %s", async (name, expected) => {
    const changes = await pair(name);
    expect(brief(changes)).toEqual([expected]);
    expect(semverOf(changes)).toBe("minor");
  });
});

describe("changes: non-breaking", () => {
  it.each([
    ["operation-added", ["non-breaking operation-added DELETE /items/{id}"], "minor"],
    ["parameter-added", ["non-breaking parameter-added GET /items"], "minor"],
    ["response-property-added", ["non-breaking response-property-added -"], "minor"],
    ["doc-changed", ["non-breaking doc-changed GET /items", "non-breaking doc-changed -"], "patch"],
  ])("changes: %s is reported as %j", async (name, expected, semver) => {
    const changes = await pair(name);
    expect(brief(changes)).toEqual(expected);
    expect(semverOf(changes)).toBe(semver);
  });

  it("changes: an added optional parameter says optional", async () => {
    const [change] = await pair("parameter-added");
    expect(change?.message).toBe("Optional query parameter `after` was added to GET /items.");
  });

  it("changes: additive-only changes are never breaking", async () => {
    const changes = await pair("additive-only");
    expect(changes.filter((c) => c.severity !== "non-breaking")).toEqual([]);
    expect(new Set(changes.map((c) => c.kind))).toEqual(
      new Set(["operation-added", "parameter-added", "response-property-added", "request-property-added", "request-enum-value-added", "server-added", "doc-changed", "request-constraint-changed"]),
    );
    expect(semverOf(changes)).toBe("minor");
  });

  it("changes: identical inputs give an empty list and semver none", async () => {
    const text = read("operation-added/before.yaml");
    const changes = await compareApi("fixture", files(text), files(text), "base");
    expect(changes).toEqual([]);
    expect(semverOf(changes)).toBe("none");
  });

  it("changes: random additive edits of the Sequence bundle are never breaking", () => {
    const bundle = yaml.load(readFileSync(join(repoRoot, "generated/sequence/openapi.yaml"), "utf8"), { schema: yaml.CORE_SCHEMA }) as Record<string, any>;
    const schemaNames = Object.keys(bundle.components.schemas);
    const opRefs = Object.entries(bundle.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      ["get", "post", "put", "patch", "delete"].filter((m) => item[m]).map((m) => [path, m] as const),
    );
    const edit = fc.oneof(
      fc.record({ t: fc.constant("op" as const), name: fc.stringMatching(/^[a-z]{1,8}$/) }),
      fc.record({ t: fc.constant("param" as const), op: fc.nat(opRefs.length - 1), name: fc.stringMatching(/^[a-z]{1,8}$/) }),
      fc.record({ t: fc.constant("prop" as const), schema: fc.nat(schemaNames.length - 1), name: fc.stringMatching(/^[a-z]{1,8}$/) }),
      fc.record({ t: fc.constant("doc" as const), op: fc.nat(opRefs.length - 1), text: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const after = structuredClone(bundle);
        for (const e of edits) {
          if (e.t === "op") after.paths[`/new-${e.name}`] ??= { get: { operationId: `new${e.name}`, responses: { 200: { description: "OK" }, 400: { description: "Bad" } } } };
          else if (e.t === "param") {
            const [path, method] = opRefs[e.op]!;
            const params = (after.paths[path][method].parameters ??= []) as { name: string; in: string }[];
            if (!params.some((p) => p.name === `x${e.name}`)) params.push({ name: `x${e.name}`, in: "query", required: false, schema: { type: "string" } } as never);
          } else if (e.t === "prop") {
            const schema = after.components.schemas[schemaNames[e.schema]!];
            if (schema.type === "object" && schema.properties && !(`x${e.name}` in schema.properties)) schema.properties[`x${e.name}`] = { type: "string" };
          } else {
            const [path, method] = opRefs[e.op]!;
            after.paths[path][method].description = e.text;
          }
        }
        const breaking = diffOpenApi(bundle, after).filter((c) => c.severity === "breaking");
        expect(breaking).toEqual([]);
      }),
      { numRuns: 60, seed: 9 },
    );
  });
});

describe("changes: roles", () => {
  it("changes: the role table diff names the role, the resource and the action", async () => {
    const bundle = read("operation-added/before.yaml");
    const changes = await compareApi("fixture", files(bundle, read("roles/before.ts")), files(bundle, read("roles/after.ts")), "base");
    expect(changes.map((c) => [c.severity, c.kind, c.message])).toEqual([
      ["breaking", "role-removed", "Role legacy was removed: it could read on org.customer."],
      ["breaking", "role-permission-removed", "Role viewer loses read on org.customer."],
      ["risky", "role-added", "Role auditor was added: it can read on org.customer; read on org.invoice."],
      ["risky", "role-permission-added", "Role viewer gains send on org.invoice."],
    ]);
    expect(changes.every((c) => c.kind.startsWith("role") && c.operation === null)).toBe(true);
    expect(changes.find((c) => c.kind === "role-permission-added")?.location).toBe('generated/fixture/roles.ts#roles.viewer["org.invoice"]');
  });

  it("changes: a roles.ts that is not a role table is a clear error", async () => {
    const bundle = read("operation-added/before.yaml");
    await expect(compareApi("fixture", files(bundle, read("roles/before.ts")), files(bundle, "export const roles = 3;"), "base")).rejects.toThrow(
      "generated/fixture/roles.ts has no `roles` export of the form { role: { resource: [actions] } }",
    );
  });
});

describe("changes: inputs", () => {
  it("changes: a bundle that cannot be parsed names the file and the side", async () => {
    const good = read("operation-added/before.yaml");
    await expect(compareApi("fixture", files(good), files("openapi: [unclosed"), "base")).rejects.toThrow(/^cannot parse generated\/fixture\/openapi.yaml: /);
    await expect(compareApi("fixture", files("- just\n- a list\n"), files(good), "v1")).rejects.toThrow("cannot parse generated/fixture/openapi.yaml at v1: not an OpenAPI document");
  });

  it("changes: an API on one side only is reported as added or removed", async () => {
    const good = read("operation-added/before.yaml");
    expect(brief(await compareApi("fixture", undefined, files(good), "base"))).toEqual(["non-breaking api-added -"]);
    expect(brief(await compareApi("fixture", files(good), undefined, "base"))).toEqual(["breaking api-removed -"]);
  });
});
