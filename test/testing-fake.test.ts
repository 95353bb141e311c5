import fc from "fast-check";
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { roles } from "../generated/sequence/roles.js";
import { createSeamClient, createSequenceClient, NotFoundError, RateLimitError } from "vendor-api-clients";
import { startFakeServer, type FakeServer } from "vendor-api-clients/testing";
import { createSpecValidator } from "./testing-fake/openapi-validator.js";

const sequenceSpec = createSpecValidator("sequence");
const seamSpec = createSpecValidator("seam");

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer({ seed: 42 });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`, "utf8").toString("base64")}`;

async function sequence(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const { clientId, clientSecret } = fake.credentials.sequence;
  const response = await fetch(`${fake.url}${path}`, {
    ...init,
    headers: { authorization: basic(clientId, clientSecret), ...init.headers },
  });
  const text = await response.text();
  return { response, status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}

async function seamDelete(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${fake.credentials.seam.apiKey}` }) {
  const response = await fetch(`${fake.url}/acs/users/delete`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { response, status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}

/** Walks GET /users with `after` from the first page to the last, validating every page. */
async function walkForward(limit: number) {
  const pages: any[] = [];
  let after: string | null | undefined;
  do {
    const query = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
    const { status, body } = await sequence(`/users?${query}`);
    expect(status).toBe(200);
    expect(sequenceSpec.responseErrors("GET", "/users", 200, body)).toEqual([]);
    pages.push(body);
    after = body.pagination.after;
  } while (after && pages.length < 100);
  return pages;
}

describe("testing fake: Sequence users", () => {
  it("testing fake: the first page matches the spec and has no before cursor", async () => {
    const { status, body, response } = await sequence("/users");
    expect(status).toBe(200);
    expect(sequenceSpec.responseErrors("GET", "/users", 200, body)).toEqual([]);
    expect(body.items).toHaveLength(20);
    expect(body.pagination).toMatchObject({ before: null, totalResultSize: 25 });
    expect(typeof body.pagination.after).toBe("string");
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("testing fake: after walks every user once, in order, and ends with after null", async () => {
    const pages = await walkForward(7);
    expect(pages.map((p) => p.items.length)).toEqual([7, 7, 7, 4]);
    expect(pages.at(-1).pagination.after).toBeNull();
    const ids = pages.flatMap((p) => p.items.map((u: any) => u.id));
    expect(ids).toEqual(fake.sequence.users().map((u) => u.id));
    expect(new Set(ids).size).toBe(25);
  });

  it("testing fake: before walks backwards from the last page to the first", async () => {
    const forward = await walkForward(10);
    const ids: string[] = [];
    let before: string | null = forward.at(-1).pagination.before;
    ids.unshift(...forward.at(-1).items.map((u: any) => u.id));
    while (before) {
      const { body } = await sequence(`/users?limit=10&before=${encodeURIComponent(before)}`);
      expect(sequenceSpec.responseErrors("GET", "/users", 200, body)).toEqual([]);
      ids.unshift(...body.items.map((u: any) => u.id));
      before = body.pagination.before;
    }
    expect(ids).toEqual(fake.sequence.users().map((u) => u.id));
  });

  it("testing fake: a cursor past the end gives an empty page whose before leads back", async () => {
    const users = fake.sequence.users();
    const first = await sequence("/users?limit=24");
    await sequence(`/users/${users[24]!.id}`, { method: "DELETE" });
    const empty = await sequence(`/users?limit=5&after=${encodeURIComponent(first.body.pagination.after)}`);
    expect(sequenceSpec.responseErrors("GET", "/users", 200, empty.body)).toEqual([]);
    expect(empty.body.items).toEqual([]);
    expect(empty.body.pagination.after).toBeNull();
    const back = await sequence(`/users?limit=5&before=${encodeURIComponent(empty.body.pagination.before)}`);
    expect(back.body.items.map((u: any) => u.id)).toEqual(users.slice(19, 24).map((u) => u.id));
    const all = await sequence("/users?limit=100");
    expect(all.body.pagination).toMatchObject({ after: null, before: null, totalResultSize: 24 });
  });

  it("testing fake: for any user count and page size, after and before walks each see every user once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 12 }), async (count, limit) => {
        const small = await startFakeServer({ users: count, seed: count });
        try {
          const auth = { authorization: basic(small.credentials.sequence.clientId, small.credentials.sequence.clientSecret) };
          const get = async (query: string) => (await (await fetch(`${small.url}/users?limit=${limit}${query}`, { headers: auth })).json()) as any;
          const expected = small.sequence.users().map((u) => u.id);
          const forward: string[] = [];
          let page = await get("");
          forward.push(...page.items.map((u: any) => u.id));
          while (page.pagination.after) {
            expect(page.items).toHaveLength(limit);
            page = await get(`&after=${encodeURIComponent(page.pagination.after)}`);
            forward.push(...page.items.map((u: any) => u.id));
          }
          expect(forward).toEqual(expected);
          const backward: string[] = page.items.map((u: any) => u.id);
          while (page.pagination.before) {
            page = await get(`&before=${encodeURIComponent(page.pagination.before)}`);
            backward.unshift(...page.items.map((u: any) => u.id));
          }
          expect(backward).toEqual(expected);
        } finally {
          await small.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it.each(["0", "101", "abc", "1.5", "-1"])("testing fake: limit=%s is a 400", async (limit) => {
    const { status, body } = await sequence(`/users?limit=${limit}`);
    expect(status).toBe(400);
    expect(body.error.type).toBe("ValidationError");
  });

  it("testing fake: limit 1 and 100 are accepted", async () => {
    expect((await sequence("/users?limit=1")).body.items).toHaveLength(1);
    expect((await sequence("/users?limit=100")).body.items).toHaveLength(25);
  });

  it("testing fake: after with before, or a foreign cursor, is a 400", async () => {
    expect((await sequence("/users?after=MSNBU0M%3D&before=MSNBU0M%3D")).status).toBe(400);
    expect((await sequence("/users?after=not-a-cursor")).status).toBe(400);
  });

  it("testing fake: GET /users/{id} returns the user per the spec, 404 for an unknown id", async () => {
    const [user] = fake.sequence.users();
    const { status, body } = await sequence(`/users/${user!.id}`);
    expect(status).toBe(200);
    expect(sequenceSpec.responseErrors("GET", "/users/{id}", 200, body)).toEqual([]);
    expect(body).toEqual(user);
    const missing = await sequence("/users/nope");
    expect(missing.status).toBe(404);
    expect(sequenceSpec.declares("GET", "/users/{id}", 404)).toBe(true);
    // An encoded slash stays inside the id: it never reaches another route.
    expect((await sequence(`/users/${encodeURIComponent(`${user!.id}/x`)}`)).status).toBe(404);
  });

  it("testing fake: DELETE returns the user as deleted; later GETs and lists no longer have it", async () => {
    const user = fake.sequence.users()[3]!;
    const { status, body } = await sequence(`/users/${user.id}`, { method: "DELETE" });
    expect(status).toBe(200);
    expect(sequenceSpec.responseErrors("DELETE", "/users/{id}", 200, body)).toEqual([]);
    expect(body).toEqual({ ...user, state: "deleted" });
    expect((await sequence(`/users/${user.id}`)).status).toBe(404);
    expect((await sequence(`/users/${user.id}`, { method: "DELETE" })).status).toBe(404);
    const { body: list } = await sequence("/users?limit=100");
    expect(list.pagination.totalResultSize).toBe(24);
    expect(list.items.map((u: any) => u.id)).not.toContain(user.id);
  });

  it("testing fake: deleting between pages neither repeats nor skips anyone", async () => {
    const all = fake.sequence.users().map((u) => u.id);
    const first = await sequence("/users?limit=5");
    await sequence(`/users/${all[2]}`, { method: "DELETE" });
    await sequence(`/users/${all[5]}`, { method: "DELETE" });
    const second = await sequence(`/users?limit=5&after=${encodeURIComponent(first.body.pagination.after)}`);
    expect(second.body.items.map((u: any) => u.id)).toEqual([all[6], all[7], all[8], all[9], all[10]]);
  });

  it("testing fake: users carry roles exactly as the spec's role table has them", async () => {
    const { body } = await sequence("/users?limit=100");
    for (const user of body.items) {
      expect(user.roles.length).toBeGreaterThan(0);
      for (const role of user.roles) {
        const table = roles[role.roleName as keyof typeof roles] as Record<string, readonly string[]>;
        expect(Object.fromEntries(role.permissions.map((p: any) => [p.resource, p.actions]))).toEqual(table);
      }
    }
  });

  it("testing fake: addUser appends a user that the API then serves", async () => {
    const added = fake.sequence.addUser({ email: "new@example.com", roles: ["readOnlyUser"] });
    const { body } = await sequence(`/users/${added.id}`);
    expect(body).toMatchObject({ email: "new@example.com", state: "active", roles: [{ roleName: "readOnlyUser" }] });
    const list = await sequence("/users?limit=100");
    expect(list.body.items.at(-1).id).toBe(added.id);
  });
});

describe("testing fake: Sequence auth and versions", () => {
  it("testing fake: a missing or wrong Basic credential is a 401", async () => {
    const none = await fetch(`${fake.url}/users`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect((await sequence("/users", { headers: { authorization: basic(fake.credentials.sequence.clientId, "wrong") } })).status).toBe(401);
    expect((await sequence("/users", { headers: { authorization: `Bearer ${fake.credentials.sequence.clientSecret}` } })).status).toBe(401);
    expect(sequenceSpec.declares("GET", "/users", 401)).toBe(true);
  });

  it("testing fake: a non-ASCII secret with a colon works when sent as UTF-8 base64", async () => {
    const other = await startFakeServer({ users: 1, credentials: { sequence: { clientId: "ïd", clientSecret: "pä:ss🔑" } } });
    try {
      const ok = await fetch(`${other.url}/users`, { headers: { authorization: basic("ïd", "pä:ss🔑") } });
      expect(ok.status).toBe(200);
      const latin1 = Buffer.from("ïd:pä:ss", "latin1").toString("base64");
      expect((await fetch(`${other.url}/users`, { headers: { authorization: `Basic ${latin1}` } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it("testing fake: Sequence-Version is echoed, defaults to the newest and rejects unknown versions", async () => {
    const latest = await sequence("/users?limit=1");
    expect(latest.response.headers.get("sequence-version")).toBe("2024-07-30");
    const pinned = await sequence("/users?limit=1", { headers: { "sequence-version": "2024-07-30" } });
    expect(pinned.status).toBe(200);
    expect(pinned.response.headers.get("sequence-version")).toBe("2024-07-30");
    const unknown = await sequence("/users/x", { headers: { "sequence-version": "1999-01-01" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: { type: "UnrecognisedApiVersion", message: expect.stringContaining("1999-01-01") } });
    expect(unknown.response.headers.get("sequence-version")).toBe("1999-01-01");
  });
});

describe("testing fake: Seam acs users delete", () => {
  const kinds = ["apiKey", "personalAccessToken", "consoleSessionToken", "clientSessionToken"] as const;
  const headersFor = (kind: (typeof kinds)[number]): Record<string, string> => {
    const c = fake.credentials.seam;
    switch (kind) {
      case "apiKey":
        return { authorization: `Bearer ${c.apiKey}` };
      case "personalAccessToken":
        return { authorization: `Bearer ${c.personalAccessToken}`, "seam-workspace": c.workspaceId };
      case "consoleSessionToken":
        return { authorization: `Bearer ${c.consoleSessionToken}`, "seam-workspace": c.workspaceId };
      case "clientSessionToken":
        return { authorization: `Bearer ${c.clientSessionToken}`, "client-session-token": c.clientSessionToken };
    }
  };

  it.each(kinds)("testing fake: %s with the SDK's headers deletes an ACS user", async (kind) => {
    const [target] = fake.seam.acsUsers();
    const { status, body } = await seamDelete({ acs_user_id: target!.acs_user_id }, headersFor(kind));
    expect(status).toBe(200);
    expect(seamSpec.responseErrors("POST", "/acs/users/delete", 200, body)).toEqual([]);
    expect(body).toEqual({ ok: true });
    expect(fake.seam.acsUsers().map((u) => u.acs_user_id)).not.toContain(target!.acs_user_id);
    expect(fake.requests.at(-1)?.auth).toBe(kind);
  });

  it("testing fake: deletes by user_identity_id with acs_system_id", async () => {
    const target = fake.seam.acsUsers()[1]!;
    const { status } = await seamDelete({ user_identity_id: target.user_identity_id, acs_system_id: target.acs_system_id });
    expect(status).toBe(200);
    expect(fake.seam.acsUsers()).toHaveLength(4);
  });

  it("testing fake: a token without its companion header, or a wrong token, is a 401", async () => {
    const c = fake.credentials.seam;
    const body = { acs_user_id: fake.seam.acsUsers()[0]!.acs_user_id };
    expect((await seamDelete(body, { authorization: `Bearer ${c.clientSessionToken}`, "client-session-token": "seam_cst_other" })).status).toBe(401);
    expect((await seamDelete(body, { authorization: `Bearer ${c.personalAccessToken}` })).status).toBe(401);
    expect((await seamDelete(body, { authorization: `Bearer ${c.consoleSessionToken}` })).status).toBe(401);
    expect((await seamDelete(body, { authorization: "Bearer seam_wrong" })).status).toBe(401);
    expect((await seamDelete(body, {})).status).toBe(401);
    expect(seamSpec.declares("POST", "/acs/users/delete", 401)).toBe(true);
    expect(fake.seam.acsUsers()).toHaveLength(5);
  });

  it("testing fake: a client session token in Authorization alone is accepted, as by Seam", async () => {
    const c = fake.credentials.seam;
    const body = { acs_user_id: fake.seam.acsUsers()[0]!.acs_user_id };
    expect((await seamDelete(body, { authorization: `Bearer ${c.clientSessionToken}` })).status).toBe(200);
    expect(fake.seam.acsUsers().map((u) => u.acs_user_id)).not.toContain(body.acs_user_id);
  });

  it("testing fake: DELETE with the parameters in the query deletes, as Seam's SDK sends it", async () => {
    const id = fake.seam.acsUsers()[0]!.acs_user_id;
    const response = await fetch(`${fake.url}/acs/users/delete?acs_user_id=${id}&_strict=true`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${fake.credentials.seam.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(fake.seam.acsUsers().map((u) => u.acs_user_id)).not.toContain(id);
  });

  it("testing fake: a POST body without a JSON content-type is 400 invalid_content_type in Seam's envelope", async () => {
    const id = fake.seam.acsUsers()[0]!.acs_user_id;
    const response = await fetch(`${fake.url}/acs/users/delete`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.credentials.seam.apiKey}`, "content-type": "text/plain" },
      body: JSON.stringify({ acs_user_id: id }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_content_type" }, ok: false });
    expect(fake.seam.acsUsers().map((u) => u.acs_user_id)).toContain(id);
    expect((await seamDelete({ acs_user_id: "acs_user9" })).body).toEqual({ error: { type: "acs_user_not_found", message: "ACS user not found" }, ok: false });
  });

  it("testing fake: body checks agree with the spec's request schema", async () => {
    const uuid = "586c225c-b05c-4af4-8679-9c8a46066cce";
    const other = "1c655fbd-ecd7-49fc-a57e-b6fb67bd8d64";
    const bodies: unknown[] = [
      {},
      [],
      "x",
      null,
      { acs_user_id: "not-a-uuid" },
      { acs_user_id: 42 },
      { user_identity_id: uuid },
      { acs_system_id: uuid },
      { user_identity_id: uuid, acs_system_id: "nope" },
      { acs_user_id: uuid, user_identity_id: other, acs_system_id: other },
      { acs_user_id: uuid },
      { acs_user_id: uuid, user_identity_id: other },
      { user_identity_id: uuid, acs_system_id: other },
      { acs_user_id: uuid, extra: true },
    ];
    // Ids in another format than the spec's uuid are not found (404), as on Seam's fake and API.
    const wrongFormatOnly = new Set<unknown>([bodies[4], bodies[8]]);
    for (const body of bodies) {
      const specValid = seamSpec.requestErrors("POST", "/acs/users/delete", body).length === 0 || wrongFormatOnly.has(body);
      const { status } = await seamDelete(JSON.stringify(body));
      // Valid shapes reach the lookup, which knows none of these ids.
      expect({ body, status }).toEqual({ body, status: specValid ? 404 : 400 });
    }
    expect((await seamDelete("{not json")).status).toBe(400);
  });
});

describe("testing fake: faults", () => {
  it("testing fake: failNext answers 429 with Retry-After for the next N requests, then recovers", async () => {
    fake.failNext(2, { status: 429, retryAfter: 1 });
    expect(fake.pendingFaults).toBe(2);
    for (let i = 0; i < 2; i++) {
      const { status, response, body } = await sequence("/users?limit=1");
      expect(status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(body.error.type).toBe("TooManyRequests");
    }
    expect((await sequence("/users?limit=1")).status).toBe(200);
    expect(fake.requests.map((r) => r.fault)).toEqual([true, true, false]);
  });

  it("testing fake: 5xx, malformed bodies, dropped connections and matching by path", async () => {
    fake.failNext(1, { status: 503, match: { path: "/acs/users/delete" } });
    fake.failNext(1, { malformed: true, match: { method: "GET", path: /^\/users\// } });
    fake.failNext(1, { reset: true, match: { path: "/users" } });
    await expect(fetch(`${fake.url}/users`)).rejects.toThrow();
    const malformed = await fetch(`${fake.url}/users/abc`);
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get("content-type")).toBe("text/html");
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    const unavailable = await seamDelete({});
    expect(unavailable.status).toBe(503);
    expect(fake.pendingFaults).toBe(0);
  });

  it("testing fake: sequenceRateLimit answers 429 past the limit in a window", async () => {
    const limited = await startFakeServer({ users: 2, sequenceRateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const auth = { authorization: basic(limited.credentials.sequence.clientId, limited.credentials.sequence.clientSecret) };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${limited.url}/users`, { headers: auth })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const last = await fetch(`${limited.url}/users`, { headers: auth });
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it("testing fake: faultFor picks a fault for requests no scripted fault matched", async () => {
    const picky = await startFakeServer({ users: 2, faultFor: (r) => (r.query.limit === "1" ? { status: 503 } : undefined) });
    try {
      picky.failNext(1, { status: 500 });
      const auth = { authorization: basic(picky.credentials.sequence.clientId, picky.credentials.sequence.clientSecret) };
      const statuses: number[] = [];
      for (const limit of [1, 1, 2]) statuses.push((await fetch(`${picky.url}/users?limit=${limit}`, { headers: auth })).status);
      expect(statuses).toEqual([500, 503, 200]);
      expect(picky.requests.map((r) => r.fault)).toEqual([true, true, false]);
    } finally {
      await picky.close();
    }
  });

  it("testing fake: delayMs holds the answer back", async () => {
    fake.failNext(1, { delayMs: 150 });
    const started = performance.now();
    expect((await sequence("/users?limit=1")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("testing fake: body and protocol faults", () => {
  const auth = () => ({ authorization: basic(fake.credentials.sequence.clientId, fake.credentials.sequence.clientSecret) });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${fake.url}${path}`, { headers: { ...auth(), ...headers } });

  it("testing fake: hang never answers, and close() ends the hung connection", async () => {
    const hung = await startFakeServer({ users: 1 });
    hung.failNext(1, { hang: true });
    const { clientId, clientSecret } = hung.credentials.sequence;
    const pending = fetch(`${hung.url}/users`, { headers: { authorization: basic(clientId, clientSecret) } });
    const raced = await Promise.race([pending.then(() => "answered", () => "failed"), new Promise((r) => setTimeout(r, 200, "hung"))]);
    expect(raced).toBe("hung");
    expect(hung.requests[0]).toMatchObject({ fault: true, status: undefined });
    await hung.close();
    await expect(pending).rejects.toThrow();
  });

  it("testing fake: slowBodyMs sends half the body, then the rest", async () => {
    fake.failNext(1, { slowBodyMs: 150 });
    const started = performance.now();
    const response = await get("/users?limit=2");
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(140);
    const body = (await response.json()) as { items: unknown[] };
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(body.items).toHaveLength(2);
  });

  it("testing fake: cutBody breaks the body off, truncated sends a complete half of the JSON", async () => {
    fake.failNext(1, { cutBody: true });
    fake.failNext(1, { truncated: true });
    const cut = await get("/users?limit=2");
    expect(cut.status).toBe(200);
    await expect(cut.text()).rejects.toThrow();
    const truncated = await get("/users?limit=2");
    const text = await truncated.text();
    expect(Number(truncated.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(fake.requests.map((r) => r.fault)).toEqual([true, true]);
  });

  it("testing fake: loopCursor points the next page back at the one just served; shortPage halves the page", async () => {
    fake.failNext(2, { loopCursor: true });
    const first = (await (await get("/users?limit=3")).json()) as any;
    const again = (await (await get(`/users?limit=3&after=${encodeURIComponent(first.pagination.after)}`)).json()) as any;
    expect(again.items).toEqual(first.items);
    expect(again.pagination.after).toBe(first.pagination.after);
    fake.failNext(1, { shortPage: true });
    const short = (await (await get("/users?limit=6")).json()) as any;
    expect(short.items).toHaveLength(3);
    const next = (await (await get(`/users?limit=6&after=${encodeURIComponent(short.pagination.after)}`)).json()) as any;
    expect(next.items[0].id).toBe(fake.sequence.users()[3]!.id);
    fake.failNext(1, { omitNullCursors: true });
    const whole = (await (await get("/users?limit=100")).json()) as any;
    expect(Object.keys(whole.pagination)).toEqual(["totalResultSize"]);
  });

  it("testing fake: echoHeaders sends the request headers back, but the request log stays redacted", async () => {
    fake.failNext(1, { echoHeaders: true, status: 401, retryAfter: 5 });
    const response = await get("/users", { "x-api-key": "seam_secret_key" });
    expect(response.status).toBe(401);
    expect(response.headers.get("retry-after")).toBe("5");
    const text = await response.text();
    expect(text).toContain(auth().authorization);
    expect(text).toContain("seam_secret_key");
    const logged = JSON.stringify(fake.requests);
    expect(logged).not.toContain(auth().authorization.split(" ")[1]);
    expect(logged).not.toContain("seam_secret_key");
    expect(fake.requests[0]!.headers.authorization).toBe("Basic [redacted]");
  });

  it("testing fake: redirectTo answers 307 (or the given status) to another origin with the same path and query", async () => {
    fake.failNext(1, { redirectTo: "http://127.0.0.2:9" });
    fake.failNext(1, { redirectTo: "http://127.0.0.2:9", status: 301 });
    const a = await fetch(`${fake.url}/users?limit=1`, { redirect: "manual" });
    expect(a.status).toBe(307);
    expect(a.headers.get("location")).toBe("http://127.0.0.2:9/users?limit=1");
    const b = await fetch(`${fake.url}/users/x`, { redirect: "manual" });
    expect([b.status, b.headers.get("location")]).toEqual([301, "http://127.0.0.2:9/users/x"]);
    expect(() => fake.failNext(1, { redirectTo: "http://127.0.0.2:9/path" })).toThrow(/redirectTo must be an origin/);
  });

  it("testing fake: endlessBody keeps writing until the client leaves", async () => {
    fake.failNext(1, { endlessBody: true });
    const response = await get("/users");
    const reader = response.body!.getReader();
    let read = 0;
    while (read < 4 * 1024 * 1024) read += ((await reader.read()).value?.length ?? 0);
    await reader.cancel();
    expect(read).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect((await fetch(`${fake.url}/users`, { headers: auth() })).status).toBe(200);
  });

  it("testing fake: gzipBomb is a small gzip body that inflates to 64 MiB", async () => {
    fake.failNext(1, { gzipBomb: true });
    const { compressed, inflated } = await new Promise<{ compressed: number; inflated: number }>((resolve, reject) => {
      request(`${fake.url}/users`, { headers: auth() }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({ compressed: raw.length, inflated: gunzipSync(raw).length });
        });
      })
        .on("error", reject)
        .end();
    });
    expect(compressed).toBeLessThan(1024 * 1024);
    expect(inflated).toBe(64 * 1024 * 1024);
  });

  it("testing fake: echoRequestIdFrom copies a request header into x-request-id; deepJson nests arrays", async () => {
    fake.failNext(1, { echoRequestIdFrom: "authorization" });
    const echoed = await get("/users?limit=1");
    expect(echoed.status).toBe(200);
    expect(echoed.headers.get("x-request-id")).toBe(auth().authorization);
    fake.failNext(1, { deepJson: 5 });
    expect(await (await get("/users")).text()).toBe("[[[[[]]]]]");
    expect(() => fake.failNext(1, { deepJson: 0 })).toThrow(/deepJson must be an integer/);
  });
});

describe("testing fake: with this package's clients", () => {
  it("testing fake: the Sequence client pages, gets, deletes and sees faults", async () => {
    const sequence = createSequenceClient({ ...fake.sequenceClientOptions, maxRetries: 0 });
    const users = await sequence.users.list({ limit: 10 }).toArray();
    expect(users.map((u) => u.id)).toEqual(fake.sequence.users().map((u) => u.id));
    expect((await sequence.users.delete(users[0]!.id)).state).toBe("deleted");
    await expect(sequence.users.get(users[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    fake.failNext(1, { status: 429, retryAfter: 1 });
    await expect(sequence.users.get(users[1]!.id)).rejects.toMatchObject({ constructor: RateLimitError, retryAfter: 1 });
  });

  it("testing fake: the Seam client works with every token kind", async () => {
    for (const kind of ["apiKey", "personalAccessToken", "consoleSessionToken", "clientSessionToken"] as const) {
      const seam = createSeamClient({ ...fake.seamClientOptions(kind), maxRetries: 0 });
      await expect(seam.acs.users.delete({ acs_user_id: fake.seam.acsUsers()[0]!.acs_user_id })).resolves.toEqual({ ok: true });
      expect(fake.requests.at(-1)?.auth).toBe(kind);
    }
  });
});

describe("testing fake: request log, seed and reset", () => {
  it("testing fake: logs method, path, query, body and auth kind, never a credential", async () => {
    await sequence("/users?limit=3");
    await seamDelete({ acs_user_id: fake.seam.acsUsers()[0]!.acs_user_id }, {
      authorization: `Bearer ${fake.credentials.seam.clientSessionToken}`,
      "client-session-token": fake.credentials.seam.clientSessionToken,
    });
    const [list, del] = fake.requests;
    expect(list).toMatchObject({ api: "sequence", method: "GET", path: "/users", query: { limit: "3" }, auth: "basic", status: 200 });
    expect(list!.headers.authorization).toBe("Basic [redacted]");
    expect(del).toMatchObject({ api: "seam", method: "POST", path: "/acs/users/delete", auth: "clientSessionToken", status: 200 });
    expect(del!.body).toEqual({ acs_user_id: expect.any(String) });
    const dump = JSON.stringify(fake.requests);
    for (const secret of [fake.credentials.sequence.clientSecret, fake.credentials.seam.clientSessionToken]) expect(dump).not.toContain(secret);
    expect(dump).not.toContain(Buffer.from(`${fake.credentials.sequence.clientId}:${fake.credentials.sequence.clientSecret}`).toString("base64"));
  });

  it("testing fake: the same seed gives the same data, another seed other data", async () => {
    const twin = await startFakeServer({ seed: 42 });
    const other = await startFakeServer({ seed: "other" });
    try {
      expect(twin.sequence.users()).toEqual(fake.sequence.users());
      expect(twin.seam.acsUsers()).toEqual(fake.seam.acsUsers());
      expect(other.sequence.users()[0]!.id).not.toBe(fake.sequence.users()[0]!.id);
    } finally {
      await Promise.all([twin.close(), other.close()]);
    }
  });

  it("testing fake: reset restores the seeded data and clears faults and the log", async () => {
    const before = fake.sequence.users();
    await sequence(`/users/${before[0]!.id}`, { method: "DELETE" });
    fake.failNext(3, { status: 500 });
    fake.reset();
    expect(fake.sequence.users()).toEqual(before);
    expect(fake.requests).toEqual([]);
    expect(fake.pendingFaults).toBe(0);
  });

  it("testing fake: answers CORS preflights without logging them", async () => {
    const preflight = await fetch(`${fake.url}/acs/users/delete`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:9", "access-control-request-method": "POST", "access-control-request-headers": "authorization,client-session-token,content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:9");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization,client-session-token,content-type");
    expect(fake.requests).toEqual([]);
  });

  it("testing fake: client options point each client at the fake", () => {
    expect(fake.sequenceClientOptions).toEqual({ baseUrl: fake.url, ...fake.credentials.sequence });
    expect(fake.seamClientOptions("clientSessionToken")).toEqual({ endpoint: fake.url, clientSessionToken: fake.credentials.seam.clientSessionToken });
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
