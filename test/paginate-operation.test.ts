// paginateOperation (src/runtime/paginate-operation.ts): the declared cursor, page and offset
// schemes against a loopback server, with the guarantees users.list() has: lazy, prefetch, resume
// from a saved position, loop detection, maxPages, toArray({ max }) and abort.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PaginationError, ValidationError } from "../src/runtime/errors.js";
import { paginateOperation } from "../src/runtime/paginate-operation.js";
import { createRequester } from "../src/runtime/request.js";
import { encodeParams } from "../src/runtime/request-params.js";
import { createTransport } from "../src/runtime/transport.js";
import { operations as sequenceOperations } from "../generated/sequence/client.js";
import type { paths as sequencePaths } from "../generated/sequence/types.js";
import { json, startServer, user, type FakeServer } from "./helpers/server.js";

type Item = { id: string };
/** The paths of a small catalog API, as openapi-typescript would write them. */
interface paths {
  "/products": { get: { parameters: { query?: { page?: number; per_page?: number } }; responses: { 200: { content: { "application/json": { data: Item[]; meta: { total_pages?: number } } } } } } };
  "/orders": { get: { parameters: { query?: { offset?: number; limit?: number } }; responses: { 200: { content: { "application/json": { results: Item[]; count?: number } } } } } };
  "/charges": { get: { parameters: { query?: { starting_after?: string; limit?: number } }; responses: { 200: { content: { "application/json": { data: Item[]; has_more: boolean } } } } } };
  "/things": { get: { parameters: { query?: { cursor?: string } }; responses: { 200: { content: { "application/json": { items: Item[]; links: { next?: string | null } } } } } } };
}
const integer = { type: "integer" } as const;
const string = { type: "string" } as const;
// the table entries generate writes for these declarations (test/pagination-declaration.test.ts)
const operations = {
  listProducts: { method: "GET", path: "/products", params: { query: { page: integer, per_page: integer } }, paginate: { kind: "page", param: "page", items: "data", totalPages: "meta.total_pages" } },
  listOrders: { method: "GET", path: "/orders", params: { query: { offset: integer, limit: integer } }, paginate: { kind: "offset", param: "offset", items: "results", total: "count", limit: "limit" } },
  listCharges: { method: "GET", path: "/charges", params: { query: { starting_after: string, limit: integer } }, paginate: { kind: "cursor", param: "starting_after", items: "data", lastItem: "id", hasMore: "has_more" } },
  listThings: { method: "GET", path: "/things", params: { query: { cursor: string } }, paginate: { kind: "cursor", param: "cursor", items: "items", cursor: "links.next" } },
} as const;

let server: FakeServer;
let request: ReturnType<typeof createRequester<paths>>;
const items = (...ids: string[]) => ids.map((id) => ({ id }));
const sent = (name: string) => server.requests.map((r) => r.query.get(name));

beforeAll(async () => {
  server = await startServer();
  request = createRequester<paths>({ baseUrl: server.url, headers: {}, transport: createTransport({ maxRetries: 0 }), redact: (t) => t, encodeParams });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

/** 7 products, 3 a page; `pages` false leaves meta.total_pages out, so only the empty page ends. */
function productPages({ totalPages = true, perPage = 3 } = {}) {
  const all = items("a", "b", "c", "d", "e", "f", "g");
  server.handle((req, res) => {
    const page = Number(req.query.get("page") ?? 1);
    json(res, 200, { data: all.slice((page - 1) * perPage, page * perPage), meta: totalPages ? { total_pages: Math.ceil(all.length / perPage) } : {} });
  });
}

describe("paginateOperation: page", () => {
  it("paginateOperation: page is lazy, walks page numbers from 1 and stops after total_pages", async () => {
    productPages();
    const list = paginateOperation(request, operations.listProducts, { params: { query: { per_page: 3 } } });
    expect(server.requests).toHaveLength(0);
    expect((await list.toArray()).map((p) => p.id)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect(sent("page")).toEqual([null, "2", "3"]);
    expect(sent("per_page")).toEqual(["3", "3", "3"]);
    expect(list.next).toBeNull();
  });

  it("paginateOperation: page without a page count stops at the first empty page", async () => {
    productPages({ totalPages: false });
    expect(await paginateOperation(request, operations.listProducts, { params: {} }).toArray()).toHaveLength(7);
    expect(sent("page")).toEqual([null, "2", "3", "4"]);
  });

  it("paginateOperation: page resumes from a saved next, and maxPages keeps it", async () => {
    productPages();
    const first = paginateOperation(request, operations.listProducts, { params: {} }, { maxPages: 1 });
    expect((await first.toArray()).map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(first.next).toBe(2);
    server.requests.length = 0;
    const rest = paginateOperation(request, operations.listProducts, { params: {} }, { from: first.next });
    expect((await rest.toArray()).map((p) => p.id)).toEqual(["d", "e", "f", "g"]);
    expect(sent("page")).toEqual(["2", "3"]);
    server.requests.length = 0;
    expect(await paginateOperation(request, operations.listProducts, { params: {} }, { from: rest.next }).toArray()).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("paginateOperation: page refuses a server that ignores the page number, before yielding the repeat", async () => {
    server.handle((_req, res) => json(res, 200, { data: items("a", "b"), meta: {} }));
    const list = paginateOperation(request, operations.listProducts, { params: {} });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const p of list) seen.push(p.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ method: "GET", path: "/products", message: expect.stringContaining("the same page again for page=2") });
    expect(seen).toEqual(["a", "b"]);
    expect(list.next).toBe(2);
  });

  it("paginateOperation: page can be iterated again from the start", async () => {
    productPages();
    const list = paginateOperation(request, operations.listProducts, { params: {} });
    expect(await list.toArray()).toHaveLength(7);
    expect(await list.toArray()).toHaveLength(7);
  });

  it("paginateOperation: a saved position that is not a page number is a ValidationError naming from", () => {
    expect(() => paginateOperation(request, operations.listProducts, { params: {} }, { from: "2" })).toThrow(ValidationError);
    expect(() => paginateOperation(request, operations.listProducts, { params: {} }, { from: -1 })).toThrow(/from must be an integer/);
  });
});

/** 5 orders; the server pages by offset and limit and says the count. */
function orderPages({ count = true } = {}) {
  const all = items("a", "b", "c", "d", "e");
  server.handle((req, res) => {
    const offset = Number(req.query.get("offset") ?? 0);
    const limit = Number(req.query.get("limit") ?? 2);
    json(res, 200, { results: all.slice(offset, offset + limit), ...(count && { count: all.length }) });
  });
}

describe("paginateOperation: offset", () => {
  it("paginateOperation: offset advances by the items received and stops at the count", async () => {
    orderPages();
    const list = paginateOperation(request, operations.listOrders, { params: {} });
    expect((await list.toArray()).map((o) => o.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(sent("offset")).toEqual([null, "2", "4"]);
    expect(list.totalResultSize).toBe(5);
    expect(list.next).toBeNull();
  });

  it("paginateOperation: offset without a count stops at a page shorter than the limit asked for", async () => {
    orderPages({ count: false });
    expect(await paginateOperation(request, operations.listOrders, { params: { query: { limit: 2 } } }).toArray()).toHaveLength(5);
    expect(sent("offset")).toEqual([null, "2", "4"]);
  });

  it("paginateOperation: offset starts at the input's offset, prefetches the next page, and toArray({ max }) stops requesting", async () => {
    orderPages();
    const list = paginateOperation(request, operations.listOrders, { params: { query: { offset: 1, limit: 1 } } }, { prefetch: true });
    const pages = list.pages();
    expect((await pages.next()).value).toEqual({ results: items("b"), count: 5 });
    await new Promise((r) => setTimeout(r, 50));
    expect(sent("offset")).toEqual(["1", "2"]); // the next page is already on its way
    await pages.return?.(undefined);
    server.requests.length = 0;
    expect((await paginateOperation(request, operations.listOrders, { params: { query: { limit: 1 } } }).toArray({ max: 2 })).map((o) => o.id)).toEqual(["a", "b"]);
    expect(server.requests).toHaveLength(2);
  });

  it("paginateOperation: offset trusts the count over a page shorter than the limit (a server that caps the page size)", async () => {
    const all = items("a", "b", "c", "d", "e");
    server.handle((req, res) => {
      const offset = Number(req.query.get("offset") ?? 0);
      json(res, 200, { results: all.slice(offset, offset + 2), count: all.length }); // caps at 2 whatever the limit
    });
    expect(await paginateOperation(request, operations.listOrders, { params: { query: { limit: 50 } } }).toArray()).toHaveLength(5);
  });

  it("paginateOperation: offset refuses a server that ignores the offset", async () => {
    server.handle((_req, res) => json(res, 200, { results: items("a"), count: 9 }));
    await expect(paginateOperation(request, operations.listOrders, { params: {} }).toArray()).rejects.toThrow(PaginationError);
    expect(server.requests).toHaveLength(2);
  });

  it("paginateOperation: offset stops when aborted, with the abort's reason", async () => {
    orderPages();
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const o of paginateOperation(request, operations.listOrders, { params: {} }, { signal: controller.signal })) {
          seen.push(o.id);
          if (o.id === "c") controller.abort(new Error("enough"));
        }
      })(),
    ).rejects.toThrow("enough");
    expect(seen).toEqual(["a", "b", "c"]);
  });
});

describe("paginateOperation: cursor", () => {
  it("paginateOperation: Stripe-style starting_after ← the last item's id, until has_more is false", async () => {
    const all = items("a", "b", "c", "d", "e");
    server.handle((req, res) => {
      const after = req.query.get("starting_after");
      const from = after ? all.findIndex((c) => c.id === after) + 1 : 0;
      json(res, 200, { data: all.slice(from, from + 2), has_more: from + 2 < all.length });
    });
    const list = paginateOperation(request, operations.listCharges, { params: { query: { limit: 2 } } }, { maxPages: 2 });
    expect((await list.toArray()).map((c) => c.id)).toEqual(["a", "b", "c", "d"]);
    expect(list.next).toBe("d");
    server.requests.length = 0;
    const rest = paginateOperation(request, operations.listCharges, { params: { query: { limit: 2 } } }, { from: list.next });
    expect((await rest.toArray()).map((c) => c.id)).toEqual(["e"]);
    expect(sent("starting_after")).toEqual(["d"]);
    expect(rest.next).toBeNull();
  });

  it("paginateOperation: a cursor path settles to null at the end, and a repeated cursor throws", async () => {
    const book: Record<string, { items: Item[]; links: { next?: string } }> = { "": { items: items("a"), links: { next: "x" } }, x: { items: items("b"), links: {} } };
    server.handle((req, res) => json(res, 200, book[req.query.get("cursor") ?? ""]));
    const pages = [];
    for await (const page of paginateOperation(request, operations.listThings, { params: {} }).pages()) pages.push(page);
    expect(pages.map((p) => p.links.next)).toEqual(["x", null]);

    book.x = { items: items("b"), links: { next: "x" } };
    const error = await paginateOperation(request, operations.listThings, { params: {} }).toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain("repeated a cursor");
  });

  it("paginateOperation: drives Sequence's GET /users from its declared x-pagination", async () => {
    server.handle((req, res) => {
      const after = req.query.get("after");
      json(res, 200, after ? { items: [user("b")], pagination: { after: null, totalResultSize: 2 } } : { items: [user("a")], pagination: { after: "n1", totalResultSize: 2 } });
    });
    const sequenceRequest = createRequester<sequencePaths>({ baseUrl: server.url, headers: {}, transport: createTransport({ maxRetries: 0 }), redact: (t) => t, encodeParams });
    const list = paginateOperation(sequenceRequest, sequenceOperations.getUsers, { params: { query: { limit: 1 } } });
    expect((await list.toArray()).map((u) => u.email)).toEqual(["a@example.test", "b@example.test"]);
    expect(sent("after")).toEqual([null, "n1"]);
  });
});
