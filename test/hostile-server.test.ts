// A server we do not control: redirects to another origin, echoed credentials, bodies without end,
// deep JSON, bad Retry-After values. Two real loopback origins; every loop is bounded.
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRawSeamClient,
  createSeamClient,
  createSequenceClient,
  NotFoundError,
  RateLimitError,
  RedirectError,
  ResponseTooLargeError,
  ValidationError,
} from "vendor-api-clients";
import { json, startServer, type FakeServer } from "./helpers/server.js";

const SECRET = 'se"cr\\et-%-é-SENTINEL-SEC';
const SEAM_KEY = "seam_test_SENTINEL-SEAM";
const CST = "seam_cst1_SENTINEL-CST";
const USER = { id: "u1", email: "a@example.test", sequenceAccountIds: [], state: "active", roles: [] };

let api: FakeServer;
let other: FakeServer;
beforeAll(async () => {
  api = await startServer();
  other = await startServer((_req, res) => json(res, 200, USER));
});
afterAll(async () => {
  await api.close();
  await other.close();
});

const sequence = () => createSequenceClient({ clientId: "client", clientSecret: SECRET, baseUrl: api.url, maxRetries: 1 });
async function failure(call: () => Promise<unknown>): Promise<Error> {
  try {
    await call();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

describe("hostile server: redirects", () => {
  it.each([301, 302, 307, 308])("hostile server: a %i to another origin is a RedirectError naming its origin, and the other origin gets nothing", async (status) => {
    other.requests.length = 0;
    api.handle((_req, res) => void res.writeHead(status, { location: `${other.url}/steal?token=x` }).end());
    const error = await failure(() => sequence().users.delete("u1"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toContain(`answered ${status} to ${other.url}`);
    expect(error.message).not.toContain("/steal");
    expect((error as RedirectError).location).toBe(other.url);
    expect(other.requests).toEqual([]);
  });

  it("hostile server: Seam's facade and raw client do not follow a 307 with the client session token", async () => {
    other.requests.length = 0;
    api.handle((_req, res) => void res.writeHead(307, { location: `${other.url}/acs/users/delete` }).end());
    const options = { clientSessionToken: CST, endpoint: api.url };
    expect(await failure(() => createSeamClient(options).acs.users.delete({ acs_user_id: "u1" }))).toBeInstanceOf(RedirectError);
    const raw = createRawSeamClient(options);
    expect(await failure(() => raw.POST("/acs/users/delete", { body: { acs_user_id: "u1" } }))).toBeInstanceOf(RedirectError);
    expect(other.requests).toEqual([]);
  });
});

describe("hostile server: echoed credentials", () => {
  it("hostile server: an Authorization echoed into x-request-id is redacted from requestId", async () => {
    api.handle((req, res) => json(res, 404, { error: { type: "not_found", message: "no" } }, { "x-request-id": String(req.headers.authorization) }));
    const error = await failure(() => createSeamClient({ apiKey: SEAM_KEY, endpoint: api.url }).acs.users.delete({ acs_user_id: "u1" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toBe("Bearer [redacted]");
    expect(JSON.stringify(error)).not.toContain("SENTINEL");
  });

  it("hostile server: a secret echoed JSON-escaped in a body is redacted", async () => {
    api.handle((_req, res) => json(res, 400, { error: { type: "bad", message: `got ${SECRET}` } }));
    const error = await failure(() => sequence().users.get("u1"));
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("SENTINEL");
    expect(error.message).toContain("got [redacted]");
  });

  it.each([200, 404])("hostile server: a %i whose escaped secret sits beside JSON too deep to write out shows none of it", async (status) => {
    // \u0073 is the secret's "s": the body cannot be written out again to be redacted, so none of it is shown
    const body = `{"message":"${JSON.stringify(SECRET).slice(1, -1).replace("s", "\\u0073")}","deep":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    api.handle((_req, res) => json(res, status, body));
    const error = await failure(() => sequence().users.get("u1"));
    expect(error.name).toBe(status === 200 ? "MalformedResponseError" : "NotFoundError");
    expect(inspect(error, { depth: 3 })).not.toMatch(/SENTINEL|u0073e/);
  });

  it("hostile server: the raw client's error for a 404 whose escaped token sits beside JSON too deep to write out shows none of it", async () => {
    const body = `{"message":"${SEAM_KEY.replace("s", "\\u0073")}","deep":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    api.handle((_req, res) => json(res, 404, body));
    const { error, response } = await createRawSeamClient({ apiKey: SEAM_KEY, endpoint: api.url, maxRetries: 0 }).POST("/acs/users/delete", { body: { acs_user_id: "u1" } });
    expect(response.status).toBe(404);
    expect(inspect(error)).not.toMatch(/SENTINEL|u0073e/);
  });

  it("hostile server: a secret straddling the 200-character snippet cut leaves nothing behind", async () => {
    api.handle((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(`${"x".repeat(190)}${SECRET}`));
    const error = await failure(() => sequence().users.get("u1"));
    expect(JSON.stringify(error)).not.toContain("SENTINEL");
    expect(JSON.stringify(error)).not.toContain("se\\\"cr");
  });
});

describe("hostile server: bodies", () => {
  it("hostile server: a body past maxResponseBytes stops with ResponseTooLargeError while reading", async () => {
    api.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        // bounded: far past the limit, then the server stops on its own
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent >= 64) res.end();
        else res.once("drain", pump);
      };
      pump();
    });
    const error = await failure(() => createSequenceClient({ clientId: "c", clientSecret: SECRET, baseUrl: api.url, maxResponseBytes: 1024 * 1024 }).users.get("u1"));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toContain("over maxResponseBytes (1048576)");
  });

  it("hostile server: a gzip body is limited after decompression", async () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20));
    api.handle((_req, res) => void res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(bomb));
    const error = await failure(() => createSequenceClient({ clientId: "c", clientSecret: SECRET, baseUrl: api.url, maxResponseBytes: 1024 * 1024 }).users.get("u1"));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it("hostile server: deeply nested JSON on a 404 is a NotFoundError, not a RangeError", async () => {
    const deep = `{"id":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    api.handle((_req, res) => json(res, 404, deep));
    expect(await failure(() => sequence().users.get("u1"))).toBeInstanceOf(NotFoundError);
  });
});

describe("hostile server: Retry-After and plain http", () => {
  it.each(["-1", "1, 2", "soon"])("hostile server: Retry-After %j is ignored and normal backoff applies", async (value) => {
    api.handle((_req, res) => json(res, 429, { error: { type: "rate_limited", message: "slow down" } }, { "retry-after": value }));
    const events: number[] = [];
    const client = createSequenceClient({ clientId: "c", clientSecret: SECRET, baseUrl: api.url, maxRetries: 1, retry: { baseDelayMs: 40, maxDelayMs: 40 }, onRetry: (e) => events.push(e.delayMs) });
    const error = await failure(() => client.users.get("u1"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBeUndefined();
    expect(events).toHaveLength(1);
    expect(events[0]).toBeGreaterThan(0);
  });

  it("hostile server: an http: base URL to a host that is not loopback is refused, naming allowInsecureHttp", () => {
    const error = (() => {
      try {
        createSequenceClient({ clientId: "c", clientSecret: SECRET, baseUrl: "http://api.example.test" });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.message).toContain("allowInsecureHttp: true");
    expect(() => createSeamClient({ apiKey: SEAM_KEY, endpoint: "http://connect.example.test" })).toThrow(/endpoint uses http:/);
    expect(() => createSequenceClient({ clientId: "c", clientSecret: SECRET, baseUrl: "http://api.example.test", allowInsecureHttp: true })).not.toThrow();
    for (const host of ["127.0.0.1:9", "localhost:9", "[::1]:9"]) expect(() => createSequenceClient({ clientId: "c", clientSecret: SECRET, baseUrl: `http://${host}` })).not.toThrow();
  });
});
