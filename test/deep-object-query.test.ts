// The encoder of operations whose query parameters are plain or deepObject (every Stripe operation
// with a query): it sends what query-styles.ts (every query style) sends for them, and refuses the
// same values with the same errors, without bundling the other styles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodersOf } from "../scripts/lib/emit-client.mjs";
import { bundleConsumer } from "../scripts/size.mjs";
import { createApiClient } from "../src/runtime/api-client.js";
import { encodeDeepObjectQuery } from "../src/runtime/deep-object-query.js";
import { ValidationError } from "../src/runtime/errors.js";
import { encodeQueryStyles } from "../src/runtime/query-styles.js";
import type { OperationSpec } from "../src/runtime/request.js";
import { json, startServer, type FakeServer } from "./helpers/server.js";

// as Stripe declares GET /v1/customers: expand[] (deepObject, typed), created (deepObject, untyped), limit and starting_after (form)
const listCustomers = {
  method: "GET",
  path: "/v1/customers/{customer}/sources",
  params: {
    path: { customer: { type: "string" } },
    query: {
      expand: { style: "deepObject", explode: true, array: true, type: "string" },
      created: { style: "deepObject", explode: true },
      limit: { type: "integer", minimum: 1, maximum: 100 },
      starting_after: { type: "string" },
      ids: { type: "string", array: true },
      object: { type: "string", required: true },
    },
  },
} as const satisfies OperationSpec;

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [(error as ValidationError).param, (error as Error).message];
  }
  throw new Error("expected a ValidationError");
};

let server: FakeServer;
beforeAll(async () => {
  server = await startServer((req, res) => json(res, 200, { url: req.url }));
});
afterAll(() => server.close());

describe("deep object query", () => {
  it("deep object query: sends what the every-style query encoder sends for plain and deepObject parameters", () => {
    const inputs = [
      { path: { customer: "cus 1é" }, query: { object: "card" } },
      { path: { customer: "c" }, query: { object: "card", expand: ["data.customer", "data.default_source"], created: { gte: 1, lt: "2 00" }, limit: 10, starting_after: "a&b=c", ids: ["x", "y z"] } },
      { path: { customer: "c" }, query: { object: "x", expand: [], created: { nested: { deep: [true, 0] } }, ids: [], limit: undefined, starting_after: null } },
    ];
    for (const params of inputs) expect(encodeDeepObjectQuery(listCustomers, params as never, {})).toEqual(encodeQueryStyles(listCustomers, params as never, {}));
  });

  it("deep object query: refuses the values the every-style encoder refuses, with the same ValidationError", () => {
    const bad = [
      { path: { customer: ".." }, query: { object: "card" } },
      { path: { customer: "c" }, query: {} },
      { path: { customer: "c" }, query: { object: "card", nope: "1" } },
      { path: { customer: "c" }, query: { object: "card", limit: 0 } },
      { path: { customer: "c" }, query: { object: "card", expand: [1] } },
      { path: { customer: "c" }, query: { object: "card", created: 5 } },
      { path: { customer: "c" }, query: { object: "card", created: { a: () => 1 } } },
      { path: { customer: "c" }, query: { object: "card", created: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } } } },
    ];
    for (const params of bad) expect(thrown(() => encodeDeepObjectQuery(listCustomers, params as never, {}))).toEqual(thrown(() => encodeQueryStyles(listCustomers, params as never, {})));
  });

  it("deep object query: generate names it for Stripe-shaped operations only, so they bundle no other query style", () => {
    expect(encodersOf(listCustomers)).toEqual({ encodeParams: "encodeDeepObjectQuery" });
    expect(encodersOf({ ...listCustomers, params: { query: { ids: { style: "pipeDelimited", type: "integer", array: true } } } })).toEqual({ encodeParams: "encodeQueryStyles" });
    expect(encodersOf({ ...listCustomers, params: { query: { filter: { style: "deepObject", allowReserved: true } } } })).toEqual({ encodeParams: "encodeQueryStyles" });
    expect(encodersOf({ ...listCustomers, params: { query: { limit: { type: "integer" } } } })).toEqual({ encodeParams: "encodeParams" });
  });

  it("deep object query: a server reads Stripe's bracketed expand[] and filters as sent", async () => {
    const op = { ...listCustomers, encodeParams: encodeDeepObjectQuery };
    const client = createApiClient<any>({ factory: "createStripeClient", servers: {} }, { baseUrl: server.url, maxRetries: 0 }) as { request: (op: object, input?: object) => Promise<{ url: string }> };
    const { url } = await client.request(op, { params: { path: { customer: "cus_1" }, query: { object: "card", expand: ["data.customer"], created: { gte: 5 }, limit: 3 } } });
    const query = new URL(url, server.url).searchParams;
    expect(new URL(url, server.url).pathname).toBe("/v1/customers/cus_1/sources");
    expect([...query]).toEqual([["object", "card"], ["expand[0]", "data.customer"], ["created[gte]", "5"], ["limit", "3"]]);
  });

  it("deep object query: a bundle that uses it holds no other style's code", async () => {
    const code = `import { encodeDeepObjectQuery } from "./src/runtime/deep-object-query.ts";
export const run = (op, params) => encodeDeepObjectQuery(op, params, {});`;
    const text = new TextDecoder().decode((await bundleConsumer(code)).outputFiles![0]!.contents);
    expect(text).toContain("deepObject");
    for (const unused of ["pipeDelimited", "spaceDelimited", "matrix", "label", "must not nest arrays or objects"]) expect(text).not.toContain(unused);
  });
});
