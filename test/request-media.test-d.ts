// The request helper's types over non-JSON operations: a `*/*` or text response is typed as its
// schema (not `{ "*/*": … }`), `contentType` takes only the media types the body declares, and a
// number path parameter compiles.
import { describe, expectTypeOf, it } from "vitest";
import type { OperationSpec, RequestInput, Requester, ResponseData } from "../src/request.js";

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
