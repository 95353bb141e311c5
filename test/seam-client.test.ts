import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AuthenticationError, createRawSeamClient, createSeamClient, defaultSeamEndpoint, MalformedResponseError, NotFoundError, ValidationError } from "vendor-api-clients";
import { json, startServer, type FakeServer } from "./helpers/server.js";

const ACS_USER = "5d3b6b36-4a0b-4b0a-9f55-3f0c7c7bb3a1";
const IDENTITY = "586c225c-b05c-4af4-8679-9c8a46066cce";
const SYSTEM = "9f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig";

let server: FakeServer;

beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 200, { ok: true }));
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  server.handle((_req, res) => json(res, 200, { ok: true }));
  vi.unstubAllEnvs();
});

describe("seam client", () => {
  it("seam client: acs.users.delete posts { acs_user_id } as JSON with the API key", async () => {
    const seam = createSeamClient({ apiKey: "seam_test_key", endpoint: server.url });
    await expect(seam.acs.users.delete({ acs_user_id: ACS_USER })).resolves.toEqual({ ok: true });
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/acs/users/delete");
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req?.body ?? "")).toEqual({ acs_user_id: ACS_USER });
    expect(req?.headers.authorization).toBe("Bearer seam_test_key");
    expect(req?.headers["seam-workspace"]).toBeUndefined();
    expect(req?.headers["client-session-token"]).toBeUndefined();
  });

  it("seam client: acs.users.delete accepts { user_identity_id, acs_system_id }", async () => {
    const seam = createSeamClient({ apiKey: "seam_test_key", endpoint: server.url });
    await seam.acs.users.delete({ user_identity_id: IDENTITY, acs_system_id: SYSTEM });
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ user_identity_id: IDENTITY, acs_system_id: SYSTEM });
  });

  it("seam client: sends the official SDK's headers for each token kind", async () => {
    const cases = [
      [{ apiKey: "seam_key1" }, { authorization: "Bearer seam_key1" }],
      [{ personalAccessToken: "seam_at1_x", workspaceId: "ws-1" }, { authorization: "Bearer seam_at1_x", "seam-workspace": "ws-1" }],
      [{ consoleSessionToken: JWT, workspaceId: "ws-2" }, { authorization: `Bearer ${JWT}`, "seam-workspace": "ws-2" }],
      [{ clientSessionToken: "seam_cst1_y" }, { authorization: "Bearer seam_cst1_y", "client-session-token": "seam_cst1_y" }],
    ] as const;
    for (const [credential, expected] of cases) {
      server.requests.length = 0;
      await createSeamClient({ ...credential, endpoint: server.url }).acs.users.delete({ acs_user_id: ACS_USER });
      const headers = server.requests[0]?.headers ?? {};
      const auth = Object.fromEntries(
        ["authorization", "seam-workspace", "client-session-token"].filter((h) => h in headers).map((h) => [h, headers[h]]),
      );
      expect(auth).toEqual(expected);
    }
  });

  it("seam client: reads SEAM_API_KEY and SEAM_ENDPOINT from the environment", async () => {
    vi.stubEnv("SEAM_API_KEY", "seam_from_env");
    vi.stubEnv("SEAM_ENDPOINT", server.url);
    await createSeamClient().acs.users.delete({ acs_user_id: ACS_USER });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer seam_from_env");
  });

  it("seam client: ids in any format are sent as given, and the server's 404 is a NotFoundError", async () => {
    server.handle((_req, res) => json(res, 404, { error: { type: "acs_user_not_found", message: "not found" }, ok: false }));
    const seam = createSeamClient({ apiKey: "seam_k", endpoint: server.url, maxRetries: 0 });
    const error = await seam.acs.users.delete({ acs_user_id: "acs_user9" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ acs_user_id: "acs_user9" });
  });

  it("seam client: reads SEAM_PERSONAL_ACCESS_TOKEN, SEAM_WORKSPACE_ID and SEAM_API_URL (old name of SEAM_ENDPOINT) like Seam's SDK", async () => {
    vi.stubEnv("SEAM_API_KEY", "");
    vi.stubEnv("SEAM_ENDPOINT", "");
    vi.stubEnv("SEAM_PERSONAL_ACCESS_TOKEN", "seam_at1_env");
    vi.stubEnv("SEAM_WORKSPACE_ID", "ws-env");
    vi.stubEnv("SEAM_API_URL", server.url);
    await createSeamClient().acs.users.delete({ acs_user_id: ACS_USER });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer seam_at1_env");
    expect(server.requests[0]?.headers["seam-workspace"]).toBe("ws-env");
    vi.stubEnv("SEAM_ENDPOINT", "http://127.0.0.1:1");
    const error = await createSeamClient({ maxRetries: 0 }).acs.users.delete({ acs_user_id: ACS_USER }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConnectionError" }); // SEAM_ENDPOINT wins over SEAM_API_URL
  });

  it("seam client: defaults to https://connect.getseam.com", async () => {
    const seen: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return new Response('{"ok":true}', { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    await createSeamClient({ apiKey: "seam_k", fetch }).acs.users.delete({ acs_user_id: ACS_USER });
    expect(defaultSeamEndpoint).toBe("https://connect.getseam.com");
    expect(seen).toEqual(["https://connect.getseam.com/acs/users/delete"]);
  });

  it("seam client: a 401 becomes AuthenticationError naming POST /acs/users/delete", async () => {
    server.handle((_req, res) =>
      json(res, 401, { error: { type: "unauthorized", message: "bad key" } }, { "seam-request-id": "r-1" }),
    );
    const error = await createSeamClient({ apiKey: "seam_k", endpoint: server.url, maxRetries: 0 })
      .acs.users.delete({ acs_user_id: ACS_USER })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, method: "POST", path: "/acs/users/delete", requestId: "r-1" });
  });

  it("seam client: a 200 without a boolean ok is malformed", async () => {
    server.handle((_req, res) => json(res, 200, { deleted: true }));
    const error = await createSeamClient({ apiKey: "seam_k", endpoint: server.url })
      .acs.users.delete({ acs_user_id: ACS_USER })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ status: 200, snippet: '{"deleted":true}' });
  });

  it("seam client: a body that is not exactly one of the two shapes is refused before any request", async () => {
    const seam = createSeamClient({ apiKey: "seam_k", endpoint: server.url });
    const bad: unknown[] = [
      {},
      null,
      [],
      "x",
      { user_identity_id: IDENTITY },
      { acs_system_id: SYSTEM },
      { acs_user_id: ACS_USER, user_identity_id: IDENTITY, acs_system_id: SYSTEM },
      { acs_user_id: ACS_USER, acs_system_id: SYSTEM },
      { acs_user_id: ACS_USER, extra: 1 },
      { acs_user_id: 42 },
    ];
    for (const body of bad) {
      const error = await seam.acs.users.delete(body as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(body)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).method).toBe("POST");
    }
    expect(server.requests).toHaveLength(0);
  });

  it("seam client: createRawSeamClient is the typed openapi-fetch client with auth applied", async () => {
    const raw = createRawSeamClient({ apiKey: "seam_k", endpoint: server.url });
    const { data } = await raw.POST("/acs/users/delete", { body: { acs_user_id: ACS_USER } });
    expect(data).toEqual({ ok: true });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer seam_k");
  });

  it("seam client: delete by acs_user_id is retried like an idempotent call; { idempotent: false } sends once", async () => {
    const fast = { retry: { baseDelayMs: 1, maxDelayMs: 2 } };
    let calls = 0;
    server.handle((_req, res) => (++calls === 1 ? json(res, 503, { error: { type: "unavailable" } }) : json(res, 200, { ok: true })));
    const seam = createSeamClient({ apiKey: "seam_k", endpoint: server.url, ...fast });
    await expect(seam.acs.users.delete({ acs_user_id: ACS_USER })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toBe(server.requests[0]?.body);

    server.requests.length = 0;
    calls = 0;
    const error = await seam.acs.users.delete({ acs_user_id: ACS_USER }, { idempotent: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, method: "POST", path: "/acs/users/delete" });
    expect(server.requests).toHaveLength(1);
  });

  it("seam client: delete by user_identity_id and acs_system_id is sent once unless the caller opts in", async () => {
    const fast = { retry: { baseDelayMs: 1, maxDelayMs: 2 } };
    let calls = 0;
    server.handle((_req, res) => (++calls === 1 ? json(res, 503, {}) : json(res, 200, { ok: true })));
    const seam = createSeamClient({ apiKey: "seam_k", endpoint: server.url, ...fast });
    const body = { user_identity_id: IDENTITY, acs_system_id: SYSTEM };
    await expect(seam.acs.users.delete(body)).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    calls = 0;
    await expect(seam.acs.users.delete(body, { idempotent: true })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    // an explicit `acs_user_id: undefined` does not make the pair retryable
    server.requests.length = 0;
    calls = 0;
    await expect(seam.acs.users.delete({ ...body, acs_user_id: undefined })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]!.body)).toEqual(body);
  });
});
