// Binary schemas in the generated types (scripts/lib/binary-types.mjs): request bodies take what the
// runtime sends, responses are the Blob it returns, JSON bodies, parameters and base64 text keep
// `string`. test/fixtures/any-spec-types.ts (the any-spec fixture's types, for
// test/binary-types.test-d.ts) must stay what generate writes: `npx vitest run test/binary-types.test.ts -u` rewrites it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toTypes } from "../scripts/lib/types.mjs";
import { encodeBody } from "../src/runtime/body-encoding.js";
import { encodeStyledParams } from "../src/runtime/param-style.js";
import { createRequester, type OperationSpec } from "../src/runtime/request.js";
import { decodeResponse } from "../src/runtime/response-media.js";
import { createTransport } from "../src/runtime/transport.js";
import type { paths } from "./fixtures/any-spec-types.js";
import { repoRoot } from "./helpers/project.js";
import { startServer, type FakeServer } from "./helpers/server.js";

// nocheck: the fixture's self-including allOf (Jira) is a circular type; the type tests use its other paths
const HEADER = "// @ts-nocheck toTypes (scripts/lib/types.mjs) of test/fixtures/any-spec/upstream/api.yaml. Rewrite: npx vitest run test/binary-types.test.ts -u\n";
const doc = (paths: unknown, components: unknown = {}) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components });
const BIN = { type: "string", format: "binary" };
const PART = "Blob | ArrayBuffer | ArrayBufferView | string";

describe("binary types", () => {
  it("binary types: the any-spec fixture's types are what generate writes", async () => {
    const spec = parse(readFileSync(join(repoRoot, "test/fixtures/any-spec/upstream/api.yaml"), "utf8"));
    await expect(HEADER + (await toTypes(spec))).toMatchFileSnapshot("fixtures/any-spec-types.ts");
  });

  it("binary types: multipart parts and shared schemas take what multipart.ts sends, a whole body also a stream", async () => {
    const types = await toTypes(
      doc(
        {
          "/up": {
            post: {
              requestBody: {
                content: {
                  "multipart/form-data": { schema: { type: "object", properties: { file: BIN, maybe: { ...BIN, type: ["string", "null"] }, files: { type: "array", items: { type: "string", contentMediaType: "image/png" } } } } },
                  "application/octet-stream": { schema: BIN },
                },
              },
              responses: { 204: { description: "ok" } },
            },
          },
        },
        { schemas: { File: BIN } },
      ),
    );
    expect(types).toContain(`file?: ${PART};`);
    expect(types).toContain(`maybe?: ${PART} | null;`);
    expect(types).toContain(`files?: (${PART})[];`);
    expect(types).toContain(`"application/octet-stream": Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;`);
    expect(types).toContain(`File: ${PART};`);
  });

  it("binary types: a binary response is a Blob; JSON, parameters and base64 text stay string", async () => {
    const types = await toTypes(
      doc({
        "/x": {
          post: {
            parameters: [{ name: "q", in: "query", schema: BIN }],
            requestBody: { content: { "application/json": { schema: { type: "object", properties: { data: BIN } } }, "multipart/form-data": { schema: { type: "object", properties: { b64: { type: "string", contentEncoding: "base64", contentMediaType: "image/png" }, doc: { type: "string", contentMediaType: "application/json" } } } } } },
            responses: { 200: { description: "ok", content: { "application/pdf": { schema: BIN }, "application/json": { schema: { type: "object", properties: { data: BIN } } } } } },
          },
        },
      }),
    );
    expect(types).toContain(`"application/pdf": Blob;`);
    expect(types).toMatch(/q\?: string;/);
    expect(types).toMatch(/b64\?: string;/);
    expect(types).toMatch(/doc\?: string;/);
    expect(types.match(/data\?: string;/g)).toHaveLength(2);
  });
});

describe("binary types at runtime", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      res.writeHead(req.path === "/files" ? 204 : 201, { "content-type": "application/vnd.any+json" });
      res.end(req.path === "/files" ? undefined : JSON.stringify({ a: 1 }));
    });
  });
  afterAll(() => server.close());
  const request = () =>
    createRequester<paths>({ baseUrl: server.url, headers: {}, transport: createTransport({ maxRetries: 0 }), redact: (t) => t, encodeParams: encodeStyledParams, encodeBody, decodeResponse });

  it("binary types: a typed Blob in a multipart part and a typed Uint8Array body arrive as bytes", async () => {
    const createItem = { method: "POST", path: "/items", body: { media: ["multipart/form-data"] }, responseMedia: ["application/vnd.any+json"] } as const satisfies OperationSpec;
    const upload = { method: "POST", path: "/files", body: { media: ["*/*"] }, responseMedia: [] } as const satisfies OperationSpec;
    await request()(createItem, { body: { file: new File(["png bytes"], "a.png", { type: "image/png" }) }, contentType: "multipart/form-data" });
    await request()(upload, { body: new Uint8Array([104, 105]) });
    const [multipart, binary] = server.requests;
    expect(multipart?.body).toMatch(/Content-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image\/png\r\n\r\npng bytes\r\n/);
    expect(binary?.headers["content-type"]).toBe("application/octet-stream");
    expect(binary?.body).toBe("hi");
  });
});
