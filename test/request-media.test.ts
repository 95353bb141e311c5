// The request path for what vendor specs send besides JSON: parameters in every location, bodies by
// media type (multipart, form-urlencoded with Stripe's brackets, binary, text), and responses by
// media type. A loopback server records each request's raw bytes; undici's own multipart parser
// (Response.formData) reads them back as an independent check of the encoding.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encodeBody } from "../src/runtime/body-encoding.js";
import { HttpError, ResponseTooLargeError, ValidationError } from "../src/runtime/errors.js";
import { encodeStyledParams } from "../src/runtime/param-style.js";
import { createRequester, type OperationSpec, type RequestConfig } from "../src/runtime/request.js";
import { noParams } from "../src/runtime/no-params.js";
import { decodeResponse } from "../src/runtime/response-media.js";
import { createTransport } from "../src/runtime/transport.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
type Reply = { status?: number; type?: string; body?: string | Buffer };

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let replies: Reply[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      const { status = 200, type = "application/json", body = "{}" } = replies.shift() ?? {};
      res.writeHead(status, { "content-type": type });
      res.end(req.method === "HEAD" || status === 204 ? undefined : body);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  seen = [];
  replies = [];
});

const config = (extra: Partial<RequestConfig> = {}): RequestConfig => ({
  baseUrl,
  headers: { authorization: "Bearer secret" },
  transport: createTransport({ maxRetries: 1, retry: { baseDelayMs: 1, maxDelayMs: 2 } }),
  redact: (t) => t.replaceAll("secret", "[redacted]"),
  encodeParams: encodeStyledParams,
  encodeBody,
  decodeResponse,
  ...extra,
});
// Untyped here: the typed surface is test/request-media.test-d.ts's concern.
const requester = (extra?: Partial<RequestConfig>) => createRequester<any>(config(extra)) as (op: OperationSpec, input: any, call?: any) => Promise<any>;
const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as Error);
const formOf = (s: Seen) => new Response(new Uint8Array(s.body), { headers: { "content-type": s.headers["content-type"]! } }).formData();

describe("body-encoding", () => {
  const upload: OperationSpec = {
    method: "POST",
    path: "/files",
    body: { required: true, media: ["multipart/form-data"], encoding: { "multipart/form-data": { meta: { contentType: "application/json" }, image: { contentType: "image/png" } } } },
  };

  it("body-encoding: multipart sends File and Blob parts, arrays as repeated parts, objects as JSON parts, with the encoding's content types", async () => {
    const request = requester();
    const file = new File([new Uint8Array([137, 80, 78, 71])], "logo.png", { type: "image/png" });
    await request(upload, { body: { title: "hi", count: 3, tags: ["a", "b"], meta: { k: [1] }, image: file, raw: new Blob(["xyz"]), skip: undefined } });
    const s = seen[0]!;
    expect(s.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=----vac[0-9a-f]{32}$/);
    const form = await formOf(s);
    expect([...form.keys()]).toEqual(["title", "count", "tags", "tags", "meta", "image", "raw"]);
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    expect(form.get("count")).toBe("3");
    const image = form.get("image") as File;
    expect([image.name, image.type, [...new Uint8Array(await image.arrayBuffer())]]).toEqual(["logo.png", "image/png", [137, 80, 78, 71]]);
    const raw = s.body.toString("latin1");
    expect(raw).toContain('Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"k":[1]}\r\n');
    expect(raw).toContain('name="raw"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\nxyz\r\n');
  });

  it("body-encoding: a multipart name or filename with quotes, CR or LF cannot add a header or a part (RFC 7578 §4.2)", async () => {
    const request = requester();
    const hostile = 'x"; name="evil"\r\nContent-Type: text/html\r\n\r\n--boundary\r\n';
    await request(upload, { body: { [hostile]: "v", doc: new File(["d"], hostile) } });
    const escaped = 'x%22; name=%22evil%22%0D%0AContent-Type: text/html%0D%0A%0D%0A--boundary%0D%0A';
    const raw = seen[0]!.body.toString("latin1");
    expect(raw).toContain(`name="${escaped}"\r\n`);
    expect(raw).toContain(`name="doc"; filename="${escaped}"\r\n`);
    expect(raw.match(/Content-Disposition/g)).toHaveLength(2);
    // the platform's parser (undici, the WHATWG algorithm) reads back two parts with the names as given
    const form = await formOf(seen[0]!);
    expect([...form.keys()]).toEqual([hostile, "doc"]);
    expect((form.get("doc") as File).name).toBe(hostile);
  });

  it("body-encoding: a value a multipart part cannot carry is a ValidationError naming the part, and nothing is sent", async () => {
    const request = requester();
    const bad = await errorOf(request(upload, { body: { image: 42 } }));
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).param).toBe("image");
    expect(bad?.message).toMatch(/image must be a Blob, File, ArrayBuffer, typed array or string/);
    expect(((await errorOf(request(upload, { body: { x: Symbol("s") } }))) as ValidationError).param).toBe("x");
    expect(((await errorOf(request(upload, { body: "text" }))) as ValidationError).param).toBe("body");
    expect(seen).toHaveLength(0);
  });

  it("body-encoding: x-www-form-urlencoded nests deepObject properties in brackets as Stripe's spec declares them", async () => {
    const request = requester();
    const op: OperationSpec = {
      method: "POST",
      path: "/v1/checkout/sessions",
      body: {
        media: ["application/x-www-form-urlencoded"],
        encoding: { "application/x-www-form-urlencoded": { metadata: { style: "deepObject", explode: true }, line_items: { style: "deepObject", explode: true }, expand: { style: "deepObject", explode: true }, trial_end: { style: "deepObject", explode: true } } },
      },
    };
    // Stripe also declares deepObject on primitive fields (trial_end), which it takes as plain name=value
    await request(op, { body: { mode: "payment", trial_end: 1700000000, metadata: { order: "a&b=c" }, line_items: [{ price: "price_1", quantity: 2 }], expand: ["customer"], payment_method_types: ["card", "link"] } });
    const s = seen[0]!;
    expect(s.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(s.body.toString())]).toEqual([
      ["mode", "payment"],
      ["trial_end", "1700000000"],
      ["metadata[order]", "a&b=c"],
      ["line_items[0][price]", "price_1"],
      ["line_items[0][quantity]", "2"],
      ["expand[0]", "customer"],
      ["payment_method_types", "card"],
      ["payment_method_types", "link"],
    ]);
    // a nested object without a deepObject encoding has no form: refused, naming the property
    expect(((await errorOf(request(op, { body: { other: { a: { b: 1 } } } }))) as ValidationError).param).toBe("other");
  });

  it("body-encoding: binary bodies go byte for byte from a Blob, ArrayBuffer, typed array or stream; a stream is never retried", async () => {
    const request = requester();
    const op: OperationSpec = { method: "PUT", path: "/blob", body: { required: true, media: ["application/octet-stream"] } };
    const bytes = [0, 1, 2, 255];
    for (const body of [new Blob([new Uint8Array(bytes)]), new Uint8Array(bytes).buffer, new Uint8Array(bytes), new Uint16Array(new Uint8Array(bytes).buffer)]) {
      await request(op, { body });
    }
    expect(seen.map((s) => [...s.body])).toEqual([bytes, bytes, bytes, bytes]);
    expect(seen.every((s) => s.headers["content-type"] === "application/octet-stream")).toBe(true);

    seen = [];
    replies = [{ status: 503 }, { status: 503 }];
    const stream = () => new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array(bytes)), c.close()) });
    expect(await errorOf(request(op, { body: stream() }, { idempotent: true }))).toBeInstanceOf(HttpError);
    expect(seen).toHaveLength(1); // sent once: a stream cannot be replayed
    expect([...seen[0]!.body]).toEqual(bytes);

    seen = [];
    replies = [{ status: 503 }];
    await request(op, { body: new Blob([new Uint8Array(bytes)]) });
    expect(seen.map((s) => [...s.body])).toEqual([bytes, bytes]); // a Blob is replayed whole
    expect(((await errorOf(request(op, { body: 5 }))) as ValidationError).param).toBe("body");
  });

  it("body-encoding: the caller picks one of the declared media types with contentType, JSON by default; text goes as text", async () => {
    const request = requester();
    const op: OperationSpec = { method: "POST", path: "/notes", body: { media: ["application/json", "application/x-www-form-urlencoded", "text/plain"] } };
    await request(op, { body: { a: 1 } });
    await request(op, { body: { a: 1 }, contentType: "application/x-www-form-urlencoded" });
    await request(op, { body: "hello", contentType: "text/plain" });
    expect(seen.map((s) => [s.headers["content-type"], s.body.toString()])).toEqual([
      ["application/json", '{"a":1}'],
      ["application/x-www-form-urlencoded", "a=1"],
      ["text/plain", "hello"],
    ]);
    const error = await errorOf(request(op, { body: "x", contentType: "text/html" }));
    expect((error as ValidationError).param).toBe("contentType");
    expect(error?.message).toMatch(/contentType must be one of application\/json, application\/x-www-form-urlencoded, text\/plain/);
  });
});

describe("request", () => {
  it("request: declared header parameters go per call; the client's own are refused saying why; parameters of every location reach the server", async () => {
    const request = requester();
    const op: OperationSpec = {
      method: "GET",
      path: "/items/{id}",
      params: { path: { id: { type: "integer" } }, query: { filter: { style: "deepObject", explode: true } }, header: { "Idempotency-Key": {} }, cookie: { session: {} } },
    };
    await request(op, { params: { path: { id: 7 }, query: { filter: { a: "b" } }, header: { "Idempotency-Key": "k-1" }, cookie: { session: "s" } } });
    expect(seen[0]!.url).toBe("/items/7?filter%5Ba%5D=b");
    expect(seen[0]!.headers).toMatchObject({ "idempotency-key": "k-1", cookie: "session=s", authorization: "Bearer secret" });
    const owned = await errorOf(request(op, { params: { path: { id: 7 }, header: { Authorization: "Bearer other" } } }));
    expect(owned).toBeInstanceOf(ValidationError);
    expect(owned?.message).toMatch(/Authorization is set by the client/);
    expect(((await errorOf(request(op, { params: { path: { id: 7 }, header: { "Idempotency-Key": "a\r\nb" } } }))) as ValidationError).param).toBe("Idempotency-Key");
    expect(seen).toHaveLength(1);
  });

  it("request: with no-params and without the optional encoders, an operation with parameters is refused naming the option, before anything is sent", async () => {
    // a non-JSON body without encodeBody is a compile error instead (PlainOperations, test/request-media.test-d.ts)
    const bare = requester({ encodeParams: noParams, encodeBody: undefined, decodeResponse: undefined });
    expect(await errorOf(bare({ method: "GET", path: "/a/{id}" }, { params: { path: { id: "x" } } }))).toHaveProperty("message", expect.stringMatching(/needs encodeParams/));
    expect(seen).toHaveLength(0);
    // without decodeResponse a response is read as JSON: text is refused, never passed off as data
    replies = [{ type: "text/plain", body: "plain" }];
    expect(await errorOf(bare({ method: "GET", path: "/a", responseMedia: ["text/plain"] }, {}))).toHaveProperty("name", "MalformedResponseError");
  });
});

describe("response-media", () => {
  const get = (responseMedia: string[], method = "GET"): OperationSpec => ({ method, path: "/r", responseMedia });

  it("response-media: text comes back as a string, binary as a Blob or, with parseAs, an ArrayBuffer", async () => {
    const request = requester();
    replies = [{ type: "text/csv; charset=utf-8", body: "a,b\n1,2" }, { type: "image/png", body: Buffer.from([1, 2, 3]) }, { type: "image/png", body: Buffer.from([1, 2, 3]) }];
    expect(await request(get(["text/csv"]), {})).toBe("a,b\n1,2");
    const blob = (await request(get(["image/png"]), {})) as Blob;
    expect([blob instanceof Blob, blob.type, [...new Uint8Array(await blob.arrayBuffer())]]).toEqual([true, "image/png", [1, 2, 3]]);
    const buffer = (await request(get(["image/png"]), { parseAs: "arrayBuffer" })) as ArrayBuffer;
    expect([buffer instanceof ArrayBuffer, [...new Uint8Array(buffer)]]).toEqual([true, [1, 2, 3]]);
  });

  it("response-media: */* is read by the Content-Type that arrived; *+json is parsed and checked", async () => {
    const request = requester();
    replies = [{ type: "application/json", body: '{"a":1}' }, { type: "application/octet-stream", body: "zz" }, { type: "application/vnd.github+json", body: "[1]" }];
    expect(await request(get(["*/*"]), {})).toEqual({ a: 1 });
    expect(await request(get(["*/*"]), {})).toBeInstanceOf(Blob);
    const checked: OperationSpec = { ...get(["application/vnd.github+json"]), response: { type: ["object"] } };
    expect(await errorOf(request(checked, {}))).toHaveProperty("name", "MalformedResponseError");
  });

  it("response-media: 204, HEAD and operations without 2xx content resolve to undefined; errors stay typed", async () => {
    const request = requester();
    replies = [{ status: 204 }, {}, { body: "" }, { status: 404, type: "text/plain", body: "gone, secret" }];
    expect(await request(get(["application/json"]), {})).toBeUndefined();
    expect(await request(get(["application/json"], "HEAD"), {})).toBeUndefined();
    expect(await request(get([]), {})).toBeUndefined();
    const error = await errorOf(request(get(["text/plain"]), {}));
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).body).toBe("gone, [redacted]");
  });

  it("response-media: maxResponseBytes caps text and binary bodies too", async () => {
    const request = requester({ transport: createTransport({ maxResponseBytes: 10 }) });
    for (const type of ["text/plain", "application/octet-stream"]) {
      replies = [{ type, body: "x".repeat(11) }];
      expect(await errorOf(request(get([type]), {}))).toBeInstanceOf(ResponseTooLargeError);
    }
  });
});
