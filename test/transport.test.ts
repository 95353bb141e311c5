// Policy-level checks of the transport on its own: backoff maths, Retry-After, which calls are
// replayed, and that timers and abort listeners are released. End-to-end cases are in faults.test.ts.
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, test } from "vitest";
import { backoffDelay, retryDelay } from "../src/runtime/backoff.js";
import { createServer, type Server } from "node:http";
import { ConnectionError, ResponseTooLargeError, TimeoutError, ValidationError } from "../src/runtime/errors.js";
import { defaultRetryPolicy, type RetryPolicy } from "../src/runtime/retry-policy.js";
import { rawFetch } from "../src/runtime/raw-fetch.js";
import { createTransport as createReceiving, type CallOptions, type RetryEvent, type TransportOptions } from "../src/runtime/transport.js";
import type { FakeServer } from "vendor-api-clients/testing";
import { basicAuth, script, startFake } from "./helpers/fake.js";

/** The transport as the raw clients use it: a Request in, what it received as a Response out (src/runtime/raw-fetch.ts). */
const createTransport = (options?: TransportOptions) => {
  const transport = createReceiving(options);
  return (request: Request, call?: CallOptions) => rawFetch(transport, call)(request);
};

const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...defaultRetryPolicy, ...overrides });
const fast = { retry: { baseDelayMs: 10, maxDelayMs: 40, jitter: 0 } };

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A GET the fake's Sequence API accepts. */
const sequenceRequest = (path: string, init: RequestInit = {}) =>
  new Request(`${server!.url}${path}`, { ...init, headers: { authorization: basicAuth(server!) } });
/** A Seam delete of an ACS user the fake holds (so the API's own answer is a 200). */
const seamDeleteBody = () => JSON.stringify({ acs_user_id: server!.seam.acsUsers()[0]!.acs_user_id });
const seamPost = (body = seamDeleteBody()) =>
  new Request(`${server!.url}/acs/users/delete`, {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${server!.credentials.seam.apiKey}`, "content-type": "application/json" },
  });

describe("backoff", () => {
  test("backoff: doubles from 0.5 s and is capped at 8 s", () => {
    const noJitter = policy({ jitter: 0 });
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  test("backoff: jitter takes off at most a quarter of the delay", () => {
    expect(backoffDelay(1, policy({ random: () => 0 }))).toBe(1000);
    expect(backoffDelay(1, policy({ random: () => 0.999999 }))).toBeCloseTo(750, 0);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(3, defaultRetryPolicy);
      expect(delay).toBeGreaterThan(3000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });

  test("backoff: Retry-After in seconds or as an HTTP date is honoured up to 60 s", () => {
    const p = policy({ jitter: 0 });
    expect(retryDelay(0, p, "0")).toBe(0);
    expect(retryDelay(0, p, "7")).toBe(7000);
    expect(retryDelay(0, p, "60")).toBe(60_000);
    expect(retryDelay(0, p, "61")).toBeUndefined();
    const inTen = new Date(Date.now() + 10_500).toUTCString();
    expect(retryDelay(0, p, inTen)).toBeGreaterThan(8_000);
    expect(retryDelay(0, p, inTen)).toBeLessThanOrEqual(10_500);
    expect(retryDelay(0, p, new Date(Date.now() + 3_600_000).toUTCString())).toBeUndefined();
    // absent or unreadable: plain backoff
    expect(retryDelay(2, p, null)).toBe(2000);
    expect(retryDelay(2, p, "soon")).toBe(2000);
    // only an IMF-fixdate counts: not the obsolete RFC 850 form, nor one whose weekday is wrong
    const soon = new Date(Date.now() + 5_000);
    expect(retryDelay(2, p, soon.toUTCString().replace(/^\w{3}/, (day) => (day === "Mon" ? "Tue" : "Mon")))).toBe(2000);
    expect(retryDelay(2, p, "Sunday, 06-Nov-94 08:49:37 GMT")).toBe(2000);
  });

  test("backoff: the Retry-After cap can be changed", () => {
    expect(retryDelay(0, policy({ maxRetryAfterMs: 120_000 }), "90")).toBe(90_000);
    expect(retryDelay(0, policy({ maxRetryAfterMs: 5_000 }), "6")).toBeUndefined();
  });

  test("retry-policy: defaults retry 408, 429 and 5xx, not other 4xx", () => {
    const retried = [400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504, 599].filter(defaultRetryPolicy.retryOn);
    expect(retried).toEqual([408, 429, 500, 501, 502, 503, 504, 599]);
    expect(defaultRetryPolicy.methods).toEqual(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
  });
});

describe("transport", () => {
  test("transport: POST is not replayed by default, whatever the failure", async () => {
    server = await startFake();
    const transport = createTransport(fast);
    script(server, { status: 503 });
    const response = await transport(seamPost());
    expect(response.status).toBe(503);
    script(server, { reset: true });
    await expect(transport(seamPost())).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(2);
  });

  test("transport: POST marked idempotent is replayed with the same body", async () => {
    server = await startFake();
    const transport = createTransport(fast);
    script(server, { reset: true }, { status: 500 });
    const body = seamDeleteBody();
    const response = await transport(seamPost(body), { idempotent: true });
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => JSON.stringify(r.body))).toEqual([body, body, body]);
  });

  test("transport: GET marked not idempotent is not replayed", async () => {
    server = await startFake({ users: 1 });
    const transport = createTransport(fast);
    script(server, { status: 503 });
    const response = await transport(sequenceRequest("/users/user-000000"), { idempotent: false });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  test("transport: per-call options override the client's", async () => {
    server = await startFake({ users: 1 });
    const transport = createTransport({ ...fast, maxRetries: 0 });
    script(server, { status: 503 }, { status: 503 }, { status: 503 });
    const response = await transport(sequenceRequest("/users/user-000000"), { maxRetries: 3 });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(4);
  });

  test("transport: custom statuses and methods", async () => {
    server = await startFake({ users: 1 });
    const transport = createTransport({ retry: { ...fast.retry, retryOn: (s) => s === 409 } });
    script(server, { status: 409 }, { status: 503 });
    const response = await transport(sequenceRequest("/users/user-000000"));
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(2);
  });

  test("transport: onRetry hears each retry, with status or error and the delay", async () => {
    server = await startFake({ users: 1 });
    const events: RetryEvent[] = [];
    const transport = createTransport({ ...fast, onRetry: (e) => events.push(e) });
    script(server, { status: 429, retryAfter: 0 }, { reset: true });
    const response = await transport(sequenceRequest("/users/user-000000"));
    expect(response.status).toBe(200);
    expect(events.map(({ retry, delayMs, status, error }) => ({ retry, delayMs, status, error: error?.name }))).toEqual([
      { retry: 1, delayMs: 0, status: 429, error: undefined },
      { retry: 2, delayMs: 20, status: undefined, error: "ConnectionError" },
    ]);
    expect(events[0]).toMatchObject({ method: "GET", path: "/users/user-000000" });
  });

  test("transport: errors name the call's path when given, else the URL path", async () => {
    server = await startFake();
    const transport = createTransport({ maxRetries: 0 });
    script(server, { reset: true }, { reset: true });
    await expect(transport(new Request(`${server.url}/api/users/x?after=abc`))).rejects.toThrow(/^GET \/api\/users\/x failed: no response/);
    await expect(transport(new Request(`${server.url}/api/users/x`), { path: "/users/x" })).rejects.toThrow(/^GET \/users\/x failed/);
  });

  test("transport: a refused connection is a ConnectionError with its code", async () => {
    server = await startFake();
    const url = server.url;
    await server.close();
    server = undefined;
    const transport = createTransport({ ...fast, maxRetries: 1 });
    await expect(transport(new Request(`${url}/users`))).rejects.toThrow(/failed: no response \(ECONNREFUSED\)$/);
  });

  test("transport: the attempt timeout covers the body, which is read before the call returns", async () => {
    server = await startFake({ users: 1 });
    const transport = createTransport({ timeoutMs: 150, maxRetries: 0 });
    script(server, { slowBodyMs: 2_000 });
    await expect(transport(sequenceRequest("/users/user-000000"))).rejects.toBeInstanceOf(TimeoutError);
    // the body is already in memory: reading it after the timer's time changes nothing
    const fine = await transport(sequenceRequest("/users/user-000000"));
    await new Promise((resolve) => setTimeout(resolve, 250));
    const text = await fine.text();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(JSON.parse(text).id).toBe("user-000000");
  });

  test("transport: no abort listener is left on the caller's signal", async () => {
    server = await startFake({ users: 1 });
    const transport = createTransport(fast);
    const controller = new AbortController();
    script(server, { status: 503 }, { reset: true });
    for (let i = 0; i < 30; i++) {
      const response = await transport(sequenceRequest("/users/user-000000"), { signal: controller.signal });
      await response.json();
    }
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(server.requests).toHaveLength(32);
  });

  test("transport: a bodiless answer releases the attempt at once", async () => {
    const transport = createTransport({ fetch: async () => new Response(null, { status: 204 }) });
    const controller = new AbortController();
    const response = await transport(new Request("http://127.0.0.1:9/x", { method: "DELETE" }), { signal: controller.signal });
    expect(response.status).toBe(204);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("transport: body read inside the attempt", () => {
  test("transport: a 2xx body that breaks off is retried like a lost connection", async () => {
    server = await startFake({ users: 1 });
    const transport = createTransport(fast);
    script(server, { cutBody: true });
    const response = await transport(sequenceRequest("/users/user-000000"));
    expect((await response.json()).id).toBe("user-000000");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(server.requests).toHaveLength(2);
  });

  test("transport: a stalled body times out and is retried", async () => {
    server = await startFake({ users: 1 });
    const transport = createTransport({ ...fast, timeoutMs: 150 });
    script(server, { slowBodyMs: 2_000 });
    const start = performance.now();
    const response = await transport(sequenceRequest("/users/user-000000"));
    expect((await response.json()).id).toBe("user-000000");
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  test("transport: a body that keeps breaking off ends in a ConnectionError", async () => {
    server = await startFake({ users: 1 });
    const transport = createTransport(fast);
    script(server, { cutBody: true }, { cutBody: true }, { cutBody: true });
    await expect(transport(sequenceRequest("/users/user-000000"))).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(3);
  });

  test("transport: a POST that is not idempotent is still sent once", async () => {
    server = await startFake();
    const transport = createTransport(fast);
    script(server, { cutBody: true });
    await expect(
      transport(seamPost()),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("transport: maxResponseBytes", () => {
  let endless: Server | undefined;
  afterEach(() => {
    endless?.close();
    endless?.closeAllConnections();
    endless = undefined;
  });

  test("transport: an endless 2xx body stops at maxResponseBytes with a ResponseTooLargeError, not retried", async () => {
    let requests = 0;
    endless = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    await new Promise<void>((resolve) => endless!.listen(0, "127.0.0.1", resolve));
    const { port } = endless.address() as { port: number };
    const transport = createTransport({ ...fast, maxResponseBytes: 1024 * 1024 });
    const error = await transport(new Request(`http://127.0.0.1:${port}/users`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toBe("GET /users returned a body over maxResponseBytes (1048576)");
    expect(requests).toBe(1);
  });

  test("transport: a body within maxResponseBytes comes back whole, in memory", async () => {
    const transport = createTransport({ maxResponseBytes: 5, fetch: async () => new Response("12345") });
    expect(await (await transport(new Request("http://127.0.0.1:9/x"))).text()).toBe("12345");
  });

  test("transport: a maxResponseBytes that is not a positive whole number is a ValidationError naming it", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createTransport({ maxResponseBytes: bad })).toThrow(ValidationError);
      expect(() => createTransport({ maxResponseBytes: bad })).toThrow(/maxResponseBytes must be a whole number from 1 to /);
    }
  });
});
