// The transport reads each body whole and hands back its chunks; the facade decodes them itself and
// the raw clients get them back as a Response. Both must give exactly what fetch delivered, however
// the body was split: these tests compare them with the public Response API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRawSequenceClient, createSequenceClient, MalformedResponseError } from "vendor-api-clients";
import { startServer, user, type FakeServer } from "./helpers/server.js";

const credentials = { clientId: "id-1", clientSecret: "secret-1" };
const encoder = new TextEncoder();

/** A fetch answering with `chunks` as separate stream chunks, so the split is exactly as given. */
const chunkedFetch = (chunks: Uint8Array<ArrayBuffer>[], status = 200) =>
  (async () =>
    new Response(
      new ReadableStream({
        start(controller) {
          for (const c of chunks) controller.enqueue(c);
          controller.close();
        },
      }),
      { status, headers: { "content-type": "application/json" } },
    )) as typeof fetch;

/** The bytes of `text` cut at every given byte offset. */
const cut = (bytes: Uint8Array<ArrayBuffer>, at: number[]) => [0, ...at].map((start, i) => bytes.slice(start, at[i] ?? bytes.length));

// "é" is 2 bytes, "€" 3, "😀" 4 in UTF-8: every cut below lands inside one of them
const body = JSON.stringify({ ...user("u-é€😀"), email: "é€😀@example.test" });
const bytes = encoder.encode(body);
const inside = (char: string, k: number) => encoder.encode(body.slice(0, body.indexOf(char))).length + k;

describe("response body", () => {
  const splits: Record<string, Uint8Array<ArrayBuffer>[]> = {
    "one chunk": [bytes],
    "a 2-byte character split": cut(bytes, [inside("é", 1)]),
    "a 3-byte character split twice": cut(bytes, [inside("€", 1), inside("€", 2)]),
    "a 4-byte character split into single bytes": cut(bytes, [inside("😀", 1), inside("😀", 2), inside("😀", 3)]),
    "every byte its own chunk": cut(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)),
    "a UTF-8 BOM first": [new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf]), bytes],
  };
  for (const [name, chunks] of Object.entries(splits)) {
    it(`response body: the facade reads the same user as Response.json() with ${name}`, async () => {
      const expected = await new Response(new Blob(chunks)).json();
      const sequence = createSequenceClient({ ...credentials, baseUrl: "https://api.example.test", fetch: chunkedFetch(chunks) });
      expect(await sequence.users.get("u1")).toEqual(expected);
    });
  }

  it("response body: bytes that are not UTF-8 are replaced as Response.text() replaces them, and quoted so", async () => {
    const bad = [encoder.encode("not json "), new Uint8Array([0xff, 0xc3]), encoder.encode(" end")];
    const expected = await new Response(new Blob(bad)).text();
    const sequence = createSequenceClient({ ...credentials, baseUrl: "https://api.example.test", fetch: chunkedFetch(bad) });
    const error = await sequence.users.get("u1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as MalformedResponseError).snippet).toBe(expected);
  });
});

describe("response body: raw client", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("response body: the raw client's Response has the status, status text, headers and bytes plain fetch gets", async () => {
    // written in pieces with pauses, so fetch delivers several chunks; not UTF-8 on purpose
    const payload = Buffer.from([...bytes, 0xff, 0x00, 0xfe]);
    server.handle(async (_req, res) => {
      // a fixed Date, so the two responses' headers can be compared whole across a second boundary
      res.sendDate = false;
      res.writeHead(200, "Fine Thanks", { date: "Thu, 03 Dec 2026 12:00:00 GMT", "content-type": "application/octet-stream", "x-request-id": "r-1", "set-cookie": ["a=1", "b=2"] });
      for (let i = 0; i < payload.length; i += 40) {
        res.write(payload.subarray(i, i + 40));
        await new Promise((r) => setTimeout(r, 5));
      }
      res.end();
    });
    const plain = await fetch(`${server.url}/users/u1`);
    const raw = createRawSequenceClient({ ...credentials, baseUrl: server.url, maxRetries: 0 });
    const { response } = await raw.GET("/users/{id}", { params: { path: { id: "u1" } }, parseAs: "stream" });
    expect([response.status, response.statusText]).toEqual([plain.status, plain.statusText]);
    expect([...response.headers]).toEqual([...plain.headers]);
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(await plain.arrayBuffer()));
  });

  it("response body: the raw client's 204 has a null body, as plain fetch's has", async () => {
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const plain = await fetch(`${server.url}/users/u1`, { method: "DELETE" });
    const raw = createRawSequenceClient({ ...credentials, baseUrl: server.url, maxRetries: 0 });
    const { response } = await raw.DELETE("/users/{id}", { params: { path: { id: "u1" } }, parseAs: "stream" });
    expect([response.status, response.body]).toEqual([plain.status, plain.body]);
  });
});
