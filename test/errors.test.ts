import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  createSeamClient,
  createSequenceClient,
  HttpError,
  MalformedResponseError,
  TimeoutError,
  ValidationError,
  type SequenceClient,
} from "vendor-api-clients";
import { json, startServer, user, type FakeServer } from "./helpers/server.js";

const SECRET = "s3ntinel-SECRET-ÿ-42";
const BASIC = btoa(unescape(encodeURIComponent(`client:${SECRET}`)));
const SEAM_KEY = "seam_s3ntinel_APIKEY";

let server: FakeServer;
let sequence: SequenceClient;

beforeAll(async () => {
  server = await startServer();
  sequence = createSequenceClient({ clientId: "client", clientSecret: SECRET, baseUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ApiError.isApiError(error), String(error)).toBe(true);
  return error as ApiError;
}

function expectNoSecrets(error: unknown): void {
  const surfaces = [String(error), (error as Error).message, (error as Error).stack ?? "", JSON.stringify(error), inspect(error, { depth: 5 })];
  for (const text of surfaces) {
    for (const secret of [SECRET, BASIC, SEAM_KEY]) expect(text).not.toContain(secret);
  }
}

describe("errors: malformed 2xx responses", () => {
  const cases: [string, (res: Parameters<typeof json>[0]) => void, RegExp][] = [
    ["a non-JSON body", (res) => json(res, 200, "<html>gateway</html>", { "content-type": "text/html" }), /not JSON/],
    ["truncated JSON", (res) => json(res, 200, '{"id":"u1","email":"a@b.c","sequ'), /not JSON/],
    ["an empty body", (res) => json(res, 200, ""), /empty body/],
    ["a user without id", (res) => json(res, 200, { ...user("x"), id: undefined }), /`id`/],
    ["a user with roles not a list", (res) => json(res, 200, user("x", { roles: "admin" })), /`roles`/],
    ["JSON null", (res) => json(res, 200, "null"), /a SequenceUserResponse that is not a JSON object/],
  ];
  for (const [name, respond, message] of cases) {
    it(`errors: users.get rejects ${name} with MalformedResponseError`, async () => {
      server.handle((_req, res) => respond(res));
      const error = await failure(sequence.users.get("u1"));
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(error.message).toMatch(message);
      expect(error).toMatchObject({ status: 200, method: "GET", path: "/users/u1" });
      expect(typeof (error as MalformedResponseError).snippet).toBe("string");
    });
  }

  it("errors: the snippet is short and shows the start of the body", async () => {
    const body = `<html>${"x".repeat(5000)}`;
    server.handle((_req, res) => json(res, 200, body, { "content-type": "text/html" }));
    const error = (await failure(sequence.users.get("u1"))) as MalformedResponseError;
    expect(error.snippet.startsWith("<html>xxx")).toBe(true);
    expect(error.snippet.length).toBeLessThanOrEqual(200);
  });

  it("errors: a body that breaks off mid-way is a ConnectionError, retried like a lost connection", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"id":"u1","em');
      setTimeout(() => res.destroy(), 10);
    });
    const before = server.requests.length;
    const retrying = createSequenceClient({ clientId: "client", clientSecret: SECRET, baseUrl: server.url, maxRetries: 1, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await failure(retrying.users.get("u1"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(MalformedResponseError);
    expect(server.requests.length - before).toBe(2);
  });

  it("errors: a list without items or pagination, or with a bad item or cursor, is malformed", async () => {
    const bodies = [
      { pagination: {} },
      { items: [] },
      { items: [], pagination: null },
      { items: [user("a"), { id: "b" }], pagination: {} },
      { items: [user("a")], pagination: { after: 42 } },
      { items: [user("a")], pagination: { totalResultSize: "many" } },
      [],
    ];
    for (const body of bodies) {
      server.handle((_req, res) => json(res, 200, body));
      const error = await failure(sequence.users.list().toArray());
      expect(error, JSON.stringify(body)).toBeInstanceOf(MalformedResponseError);
      expect(error).toMatchObject({ status: 200, method: "GET", path: "/users" });
    }
  });

  it("errors: JSON with another content-type is accepted (the body is what counts)", async () => {
    server.handle((_req, res) => json(res, 200, user("u1"), { "content-type": "text/plain" }));
    await expect(sequence.users.get("u1")).resolves.toMatchObject({ id: "u1" });
  });
});

describe("errors: secrets never leak", () => {
  it("errors: HTTP errors echoing the credential have it redacted from message and body", async () => {
    server.handle((req, res) =>
      json(res, 401, { error: { type: "Unauthorized", message: `bad ${req.headers.authorization} / ${SECRET}` } }),
    );
    const error = await failure(sequence.users.get("u1"));
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toContain("[redacted]");
    expectNoSecrets(error);
  });

  it("errors: a malformed body echoing the credential is redacted from the snippet", async () => {
    server.handle((req, res) => json(res, 200, `${req.headers.authorization} oops`, { "content-type": "text/plain" }));
    const error = (await failure(sequence.users.get("u1"))) as MalformedResponseError;
    expect(error.snippet).toContain("[redacted]");
    expectNoSecrets(error);
  });

  it("errors: connection, timeout, validation and Seam errors carry no secret", async () => {
    const closed = await startServer();
    const closedUrl = closed.url;
    await closed.close();
    const errors: unknown[] = [];
    errors.push(await failure(createSequenceClient({ clientId: "client", clientSecret: SECRET, baseUrl: closedUrl, maxRetries: 0 }).users.get("u1")));
    server.handle(() => {}); // hang
    errors.push(await failure(sequence.users.get("u1", { timeoutMs: 50 })));
    errors.push(await failure(sequence.users.get("../x")));
    errors.push(await failure(createSeamClient({ apiKey: SEAM_KEY, endpoint: closedUrl, maxRetries: 0 }).acs.users.delete({ acs_user_id: 42 } as never)));
    server.handle((req, res) => json(res, 500, { echoed: req.headers.authorization }));
    errors.push(
      await failure(
        createSeamClient({ apiKey: SEAM_KEY, endpoint: server.url, maxRetries: 0 }).acs.users.delete({
          acs_user_id: "5d3b6b36-4a0b-4b0a-9f55-3f0c7c7bb3a1",
        }),
      ),
    );
    expect(errors[0]).toBeInstanceOf(ConnectionError);
    expect(errors[1]).toBeInstanceOf(TimeoutError);
    expect(errors[2]).toBeInstanceOf(ValidationError);
    expect(errors[3]).toBeInstanceOf(ValidationError);
    expect((errors[4] as ApiError).body).toEqual({ echoed: "Bearer [redacted]" });
    for (const error of errors) expectNoSecrets(error);
    for (const error of errors) expect((error as Error).message).toMatch(/^(GET|POST|DELETE) \//);
  });

  it("errors: the client objects do not expose credentials", () => {
    const seam = createSeamClient({ apiKey: SEAM_KEY, endpoint: server.url });
    for (const client of [sequence, seam]) {
      const text = inspect(client, { depth: 6, showHidden: true }) + JSON.stringify(client);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(BASIC);
      expect(text).not.toContain(SEAM_KEY);
    }
  });
});
