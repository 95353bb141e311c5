// The request helper's types over non-JSON operations: a `*/*` or text response is typed as its
// schema (not `{ "*/*": … }`), `contentType` takes only the media types the body declares, and a
// number path parameter compiles.
import { describe, expectTypeOf, it } from "vitest";
import type { OperationSpec, RequestInput, Requester, ResponseData } from "../src/runtime/request.js";
import type { Plainly } from "../src/runtime/request-params.js";

interface paths {
  "/files/{id}": {
    get: {
      parameters: { path: { id: number }; header?: { "If-Match"?: string } };
      responses: { 200: { headers: Record<string, unknown>; content: { "*/*": string } } };
    };
    put: {
      parameters: { path: { id: number } };
      requestBody: { content: { "application/json": { name: string }; "multipart/form-data": { file: Blob } } };
      responses: { 200: { headers: Record<string, unknown>; content: { "text/csv": string; "application/json": { ok: boolean } } } };
    };
  };
}
type GetFile = paths["/files/{id}"]["get"];
type PutFile = paths["/files/{id}"]["put"];
declare const request: Requester<paths>;
const getFile = { method: "GET", path: "/files/{id}", responseMedia: ["*/*"] } as const satisfies OperationSpec;
const putFile = { method: "PUT", path: "/files/{id}", body: { media: ["application/json", "multipart/form-data"] }, responseMedia: ["text/csv", "application/json"] } as const satisfies OperationSpec;

describe("types: request media", () => {
  it("types: a */* response is its schema, several media a union of their schemas", () => {
    expectTypeOf<ResponseData<GetFile>>().toEqualTypeOf<string>();
    expectTypeOf<ResponseData<PutFile>>().toEqualTypeOf<string | { ok: boolean }>();
    expectTypeOf(request(getFile, { params: { path: { id: 1 }, header: { "If-Match": "e" } } })).resolves.toEqualTypeOf<string>();
  });

  it("types: contentType is one of the body's declared media types", () => {
    request(putFile, { params: { path: { id: 1 } }, body: { file: new Blob() }, contentType: "multipart/form-data" });
    request(putFile, { params: { path: { id: 1 } }, body: { name: "a" } });
    // @ts-expect-error text/plain is not declared
    request(putFile, { params: { path: { id: 1 } }, body: { name: "a" }, contentType: "text/plain" });
    // @ts-expect-error the path parameter is a number
    request(putFile, { params: { path: { id: "1" } }, body: { name: "a" } });
    expectTypeOf<RequestInput<PutFile>["parseAs"]>().toEqualTypeOf<"blob" | "arrayBuffer" | undefined>();
  });
});

describe("request-params types", () => {
  it("request-params: PlainOperations admits default styles, string path ids and JSON, and refuses what the plain request path would send wrong", () => {
    type Ok = Plainly<{ a: { method: "GET"; path: "/u/{id}"; params: { path: { id: { type: "string" } }; query: { limit: { type: "integer" } } }; body: { media: ["application/json"] } } }>;
    expectTypeOf<Ok["a"]["method"]>().toEqualTypeOf<"GET">();
    // @ts-expect-error a text body needs encodeBody
    type TextBody = Plainly<{ a: { method: "POST"; path: "/a"; body: { media: ["text/plain"] } } }>;
    // @ts-expect-error a styled query parameter needs encodeStyledParams
    type Styled = Plainly<{ a: { method: "GET"; path: "/a"; params: { query: { f: { type: "string"; style: "deepObject" } } } } }>;
    // @ts-expect-error a number path id needs encodeStyledParams
    type NumberId = Plainly<{ a: { method: "GET"; path: "/a/{id}"; params: { path: { id: { type: "integer" } } } } }>;
    // @ts-expect-error a text response needs decodeResponse
    type Text = Plainly<{ a: { method: "GET"; path: "/a"; responseMedia: ["text/plain"] } }>;
  });
});
