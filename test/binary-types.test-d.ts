// Binary fields through the request helper's types: the any-spec fixture's multipart upload takes a
// Blob (test/fixtures/any-spec-types.ts is what generate writes for it), and a binary response is a
// Blob, an ArrayBuffer when the call asks `parseAs: "arrayBuffer"`.
import { describe, expectTypeOf, it } from "vitest";
import type { OperationSpec, Requester, ResponseData } from "../src/runtime/request.js";
import type { paths } from "./fixtures/any-spec-types.js";

declare const request: Requester<paths>;
const createItem = { method: "POST", path: "/items", body: { media: ["application/x-www-form-urlencoded", "application/json", "multipart/form-data"] } } as const satisfies OperationSpec;
const putItemContent = { method: "PUT", path: "/items/{id}", body: { required: true, media: ["application/octet-stream", "image/png"] }, responseMedia: ["text/plain"] } as const satisfies OperationSpec;

describe("binary types", () => {
  it("binary types: a multipart part takes a Blob, File, ArrayBuffer, typed array or string, not a number", () => {
    request(createItem, { body: { file: new Blob(["x"]) }, contentType: "multipart/form-data" });
    request(createItem, { body: { file: new File(["x"], "a.png") }, contentType: "multipart/form-data" });
    request(createItem, { body: { file: new Uint8Array(2) }, contentType: "multipart/form-data" });
    request(createItem, { body: { file: "text" }, contentType: "multipart/form-data" });
    // @ts-expect-error a number is not a file part
    request(createItem, { body: { file: 1 }, contentType: "multipart/form-data" });
    // @ts-expect-error a ReadableStream is sent only as a whole body, not as a part
    request(createItem, { body: { file: new ReadableStream<Uint8Array>() }, contentType: "multipart/form-data" });
  });

  it("binary types: a whole binary body also takes a stream; base64 text stays a string", () => {
    request(putItemContent, { params: { path: { id: ["a"] } }, body: new ReadableStream<Uint8Array>() });
    request(putItemContent, { params: { path: { id: ["a"] } }, body: new ArrayBuffer(1) });
    // @ts-expect-error a number is not a body
    request(putItemContent, { params: { path: { id: ["a"] } }, body: 1 });
    expectTypeOf<paths["/items/{id}"]["put"]["requestBody"]["content"]["image/png"]>().toEqualTypeOf<string>();
  });

  it("binary types: a binary response is a Blob, an ArrayBuffer with parseAs arrayBuffer", () => {
    type Download = { parameters: {}; responses: { 200: { headers: Record<string, unknown>; content: { "application/pdf": Blob; "application/json": { ok: boolean } } } } };
    expectTypeOf<ResponseData<Download>>().toEqualTypeOf<Blob | { ok: boolean }>();
    expectTypeOf<ResponseData<Download, "arrayBuffer">>().toEqualTypeOf<ArrayBuffer | { ok: boolean }>();
    interface files {
      "/files/{id}": { get: Download & { parameters: { path: { id: string } } } };
    }
    const download = { method: "GET", path: "/files/{id}", responseMedia: ["application/pdf", "application/json"] } as const satisfies OperationSpec;
    const files = null as unknown as Requester<files>;
    expectTypeOf(files(download, { params: { path: { id: "f" } } })).resolves.toEqualTypeOf<Blob | { ok: boolean }>();
    expectTypeOf(files(download, { params: { path: { id: "f" } }, parseAs: "arrayBuffer" })).resolves.toEqualTypeOf<ArrayBuffer | { ok: boolean }>();
  });
});
