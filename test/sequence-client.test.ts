import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  createRawSequenceClient,
  createSequenceClient,
  defaultSequenceEnvironment,
  InternalServerError,
  latestSequenceApiVersion,
  NotFoundError,
  RateLimitError,
  sequenceEnvironments,
  type SequenceClient,
} from "vendor-api-clients";
import { json, startServer, user, type FakeServer } from "./helpers/server.js";

let server: FakeServer;
let sequence: SequenceClient;

beforeAll(async () => {
  server = await startServer();
  sequence = createSequenceClient({ clientId: "id-1", clientSecret: "secret-1", baseUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  vi.unstubAllEnvs();
});

describe("sequence client", () => {
  it("sequence client: users.get sends GET /users/{id} with Basic auth and Sequence-Version", async () => {
    server.handle((_req, res) => json(res, 200, user("u1")));
    const found = await sequence.users.get("u1");
    expect(found.id).toBe("u1");
    const [req] = server.requests;
    expect(req?.method).toBe("GET");
    expect(req?.url).toBe("/users/u1");
    expect(req?.headers.authorization).toBe(`Basic ${btoa("id-1:secret-1")}`);
    expect(req?.headers["sequence-version"]).toBe(latestSequenceApiVersion);
  });

  it("sequence client: users.delete sends DELETE and returns the deleted user", async () => {
    server.handle((_req, res) => json(res, 200, user("u2", { state: "deleted" })));
    const deleted = await sequence.users.delete("u2");
    expect(deleted.state).toBe("deleted");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["DELETE /users/u2"]);
  });

  it("sequence client: percent-encodes ids, unicode included", async () => {
    server.handle((req, res) => json(res, 200, user(decodeURIComponent(req.path.slice("/users/".length)))));
    const found = await sequence.users.get("jür gen+1@x");
    expect(found.id).toBe("jür gen+1@x");
    expect(server.requests[0]?.url).toBe(`/users/${encodeURIComponent("jür gen+1@x")}`);
  });

  it("sequence client: sends the chosen apiVersion", async () => {
    server.handle((_req, res) => json(res, 200, user("u1")));
    const client = createSequenceClient({ clientId: "a", clientSecret: "b", baseUrl: server.url, apiVersion: "2024-07-30" });
    await client.users.get("u1");
    expect(server.requests[0]?.headers["sequence-version"]).toBe("2024-07-30");
  });

  it("sequence client: keeps a path prefix of baseUrl", async () => {
    server.handle((_req, res) => json(res, 200, user("u1")));
    const client = createSequenceClient({ clientId: "a", clientSecret: "b", baseUrl: `${server.url}/api/` });
    await client.users.get("u1");
    expect(server.requests[0]?.url).toBe("/api/users/u1");
  });

  it("sequence client: environment picks the server from the spec, production by default", async () => {
    const seen: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return new Response(JSON.stringify(user("u1")), { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    await createSequenceClient({ clientId: "a", clientSecret: "b", fetch }).users.get("u1");
    await createSequenceClient({ clientId: "a", clientSecret: "b", fetch, environment: "sandbox" }).users.get("u1");
    await createSequenceClient({ clientId: "a", clientSecret: "b", fetch, environment: "dev" }).users.get("u1");
    expect(defaultSequenceEnvironment).toBe("production");
    expect(seen).toEqual([
      `${sequenceEnvironments.production}/users/u1`,
      `${sequenceEnvironments.sandbox}/users/u1`,
      `${sequenceEnvironments.dev}/users/u1`,
    ]);
  });

  it("sequence client: reads credentials from SEQUENCE_CLIENT_ID / SEQUENCE_CLIENT_SECRET", async () => {
    vi.stubEnv("SEQUENCE_CLIENT_ID", "env-id");
    vi.stubEnv("SEQUENCE_CLIENT_SECRET", "env-secret");
    server.handle((_req, res) => json(res, 200, user("u1")));
    await createSequenceClient({ baseUrl: server.url }).users.get("u1");
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${btoa("env-id:env-secret")}`);
  });

  it("sequence client: maps 401, 404, 429 and 500 to their error classes with method, path and request id", async () => {
    const cases = [
      [401, AuthenticationError],
      [404, NotFoundError],
      [400, BadRequestError],
      [500, InternalServerError],
    ] as const;
    for (const [status, Class] of cases) {
      server.handle((_req, res) =>
        json(res, status, { error: { type: "Oops", message: "nope" } }, { "x-request-id": `req-${status}` }),
      );
      const error = await sequence.users.get("u9").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Class);
      expect(error).toMatchObject({ status, method: "GET", path: "/users/u9", requestId: `req-${status}` });
      expect((error as Error).message).toContain("GET /users/u9");
      expect((error as { body: unknown }).body).toEqual({ error: { type: "Oops", message: "nope" } });
    }
    server.handle((_req, res) => json(res, 429, "slow down", { "retry-after": "7" }));
    const limited = await sequence.users.delete("u9").catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).toMatchObject({ status: 429, method: "DELETE", retryAfter: 7 });
  });

  it("sequence client: an already aborted signal sends nothing", async () => {
    server.handle((_req, res) => json(res, 200, user("u1")));
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(sequence.users.get("u1", { signal: controller.signal })).rejects.toThrow("stop");
    expect(server.requests).toHaveLength(0);
  });

  it("sequence client: createRawSequenceClient is the typed openapi-fetch client with auth applied", async () => {
    server.handle((_req, res) => json(res, 200, user("u1")));
    const raw = createRawSequenceClient({ clientId: "id-1", clientSecret: "secret-1", baseUrl: server.url });
    const { data, response } = await raw.GET("/users/{id}", { params: { path: { id: "u1" } } });
    expect(response.status).toBe(200);
    expect(data?.id).toBe("u1");
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${btoa("id-1:secret-1")}`);
  });
  it("sequence client: a custom fetch gets fetch's own arguments: a URL and init from the facade, the raw client's Request with its options", async () => {
    const calls: [RequestInfo | URL, RequestInit | undefined][] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push([input, init]);
      return new Response(JSON.stringify(user("u1")), { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    const options = { clientId: "id-1", clientSecret: "secret-1", baseUrl: "https://api.example.test", fetch };
    await createSequenceClient(options).users.get("u1");
    await createRawSequenceClient(options).GET("/users/{id}", { params: { path: { id: "u1" } }, cache: "no-store", keepalive: true });
    const [[url, init], [request, rawInit]] = calls as [[string, RequestInit], [Request, RequestInit]];
    expect(url).toBe("https://api.example.test/users/u1");
    expect(init).toMatchObject({ method: "GET", redirect: "manual", headers: { authorization: `Basic ${btoa("id-1:secret-1")}` } });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    // what fetch makes of the raw call: the Request's own options, our signal, no redirects followed
    const sent = new Request(request, rawInit);
    expect([sent.url, sent.method, sent.cache, sent.keepalive, sent.redirect]).toEqual(["https://api.example.test/users/u1", "GET", "no-store", true, "manual"]);
    expect(sent.headers.get("authorization")).toBe(`Basic ${btoa("id-1:secret-1")}`);
    expect(rawInit.signal).toBeInstanceOf(AbortSignal);
  });
});
