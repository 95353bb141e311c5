// What a generated entry passes to createApiClient (ClientParts): the code for exactly what its spec
// declares, so an API without apiKey schemes, server variables, a version header or Idempotency-Key
// operations bundles none of that code.
import { describe, expect, it } from "vitest";
import { clientParts } from "../scripts/lib/emit-client.mjs";

const data = (api: Record<string, unknown>, servers: Record<string, string> = { default: "https://x.example" }, operations: Record<string, unknown> = {}) =>
  ({ servers, operations, api, headerEnums: {}, warnings: [] }) as never;

describe("client parts", () => {
  it("client parts: an entry passes the code for exactly the scheme kinds its spec declares, none for bearer-style tokens", () => {
    const bearerOnly = clientParts(data({ securitySchemes: { a: { type: "http", scheme: "bearer" }, o: { type: "oauth2" }, i: { type: "openIdConnect" } } }));
    expect(bearerOnly).toEqual({ imports: "", parts: "" });
    const stripe = clientParts(data({ securitySchemes: { basicAuth: { type: "http", scheme: "basic" }, bearerAuth: { type: "http", scheme: "bearer" } } }));
    expect(stripe.imports).toBe('import { httpBasic } from "../../src/runtime/auth-basic.js";\n');
    expect(stripe.parts).toBe(", {\n    schemeKinds: { basic: httpBasic },\n  }");
    const all = clientParts(data({ securitySchemes: { b: { type: "http", scheme: "basic" }, k: { type: "apiKey", in: "query", name: "key" }, m: { type: "mutualTLS" } } }));
    expect(all.parts).toContain("schemeKinds: { basic: httpBasic, apiKey, mutualTLS: mutualTls },");
    for (const module of ["auth-basic", "auth-api-key", "auth-mutual-tls"]) expect(all.imports).toContain(`/src/runtime/${module}.js`);
  });

  it("client parts: server variables, a version header and an operation declaring Idempotency-Key each bring their code", () => {
    const none = clientParts(data({}, { default: "https://x.example" }, { get: { method: "GET", path: "/", params: { header: { "X-Trace": {} } } } }));
    expect(none.parts).toBe("");
    const each = clientParts(data({ versionHeader: { name: "V", values: ["1"] } }, { eu: "https://{region}.x.example" }, { post: { method: "POST", path: "/", params: { header: { "idempotency-key": {} } } } }));
    expect(each.parts).toBe(", {\n    fillVariables: fillServerVariables,\n    versionHeaders,\n    idempotencyKey: addIdempotencyKey,\n  }");
    for (const module of ["server-variables", "version-header", "idempotency-keys"]) expect(each.imports).toContain(`/src/runtime/${module}.js`);
  });
});
