// The client every API gets from generate (src/runtime/api-client.ts), driven by hand-written tables
// shaped like generated/<api>/index.ts and operations.js: auth from securitySchemes, servers with
// variables, the version header, idempotency keys, and redaction of a credential sent in the query.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../src/runtime/api-client.js";
import { createSequenceClient, getUsersById } from "../generated/sequence/index.js";
import { ApiError, MalformedResponseError, NotFoundError, ValidationError } from "../src/runtime/errors.js";
import { encodeStyledParams } from "../src/runtime/param-style.js";
import { apiKey } from "../src/runtime/auth-api-key.js";
import { httpBasic } from "../src/runtime/auth-basic.js";
import { mutualTls } from "../src/runtime/auth-mutual-tls.js";
import { addIdempotencyKey } from "../src/runtime/idempotency-keys.js";
import { fillServerVariables } from "../src/runtime/server-variables.js";
import { versionHeaders } from "../src/runtime/version-header.js";
import type { RetryEvent } from "../src/runtime/transport.js";
import { json, startServer, type FakeServer } from "./helpers/server.js";

const api = {
  factory: "createThingsClient",
  servers: { production: "https://{region}.things.example/v1", local: "http://127.0.0.1:{port}" },
  serverVariables: { production: { region: { default: "eu", enum: ["eu", "us"] } }, local: { port: { default: "1" } } },
  securitySchemes: {
    basic: { type: "http", scheme: "basic" },
    bearer: { type: "http", scheme: "bearer" },
    headerKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
    queryKey: { type: "apiKey", in: "query", name: "api_key" },
    cookieKey: { type: "apiKey", in: "cookie", name: "session" },
    oauth: { type: "oauth2" },
    oidc: { type: "openIdConnect" },
  },
  security: [["bearer"], ["headerKey", "cookieKey"]],
  versionHeader: { name: "Things-Version", values: ["2024-01-01", "2025-06-01"] },
} as const;

const version = { "Things-Version": { type: "string", enum: ["2024-01-01", "2025-06-01"] } } as const;
// operations with header parameters name the every-style encoder, as generate writes them
const getThing = { method: "GET", path: "/things/{id}", params: { path: { id: { required: true, type: "string" } }, header: version }, encodeParams: encodeStyledParams } as const;
const queryOnly = { ...getThing, security: [["queryKey"]] } as const;
const basicOnly = { ...getThing, security: [["basic"]] } as const;
const oauthOnly = { ...getThing, security: [["oauth"], ["oidc"]] } as const;
const anonymous = { ...getThing, security: [[]] } as const;
const createThing = {
  method: "POST",
  path: "/things",
  params: { header: { ...version, "Idempotency-Key": { type: "string" } } },
  body: { media: ["application/json"] },
  encodeParams: encodeStyledParams,
} as const;

let server: FakeServer;
beforeAll(async () => {
  server = await startServer((req, res) => json(res, 200, { id: "t1", echo: req.url }));
});
afterAll(() => server.close());

// as a generated entry calls it for a spec with server variables, basic and apiKey schemes, a version header and Idempotency-Key
const parts = { fillVariables: fillServerVariables, schemeKinds: { basic: httpBasic, apiKey }, versionHeaders, idempotencyKey: addIdempotencyKey };
const client = (options: Record<string, unknown>) => createApiClient<any, typeof api>(api, { baseUrl: server.url, maxRetries: 0, ...options } as never, parts) as { request: (op: object, input?: object, call?: object) => Promise<any> };
const last = () => server.requests.at(-1)!;

describe("api client", () => {
  it("api client: bearer token, or the first alternative whose credentials were all given (header + cookie api keys)", async () => {
    await client({ auth: { bearer: "tok-1" } }).request(getThing, { params: { path: { id: "a" } } });
    expect(last().headers.authorization).toBe("Bearer tok-1");
    await client({ auth: { headerKey: "hk", cookieKey: "ck" } }).request(getThing, { params: { path: { id: "a" } } });
    expect(last().headers["x-api-key"]).toBe("hk");
    expect(last().headers.cookie).toBe("session=ck");
    expect(last().headers.authorization).toBeUndefined();
  });

  it("api client: an alternative is used only when all of its schemes were given; none → ValidationError naming the options", async () => {
    const error = await client({ auth: { headerKey: "hk" } })
      .request(getThing, { params: { path: { id: "a" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).param).toBe("auth");
    expect((error as Error).message).toContain("pass auth.bearer, or auth.headerKey + auth.cookieKey to createThingsClient");
  });

  it("api client: http basic, async token suppliers for oauth2 and openIdConnect, and an operation that allows anonymous calls", async () => {
    await client({ auth: { basic: { username: "ada", password: "pä55" } } }).request(basicOnly, { params: { path: { id: "a" } } });
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from("ada:pä55").toString("base64")}`);
    let n = 0;
    const oauth = client({ auth: { oauth: async () => `access-${++n}` } });
    await oauth.request(oauthOnly, { params: { path: { id: "a" } } });
    await oauth.request(oauthOnly, { params: { path: { id: "a" } } });
    expect(last().headers.authorization).toBe("Bearer access-2");
    await client({ auth: { oidc: () => "id-token" } }).request(oauthOnly, { params: { path: { id: "a" } } });
    expect(last().headers.authorization).toBe("Bearer id-token");
    await client({}).request(anonymous, { params: { path: { id: "a" } } });
    expect(last().headers.authorization).toBeUndefined();
  });

  it("api client: bad credential options are ValidationErrors naming the option and the fix", () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ auth: { nope: "x" } }, "auth.nope", /declares no security scheme "nope"; expected one of basic, bearer/],
      [{ auth: { basic: "ada:pw" } }, "auth.basic", /must be \{ username, password \}/],
      [{ auth: { basic: { username: "a:b", password: "p" } } }, "auth.basic", /must not contain ":"/],
      [{ auth: { bearer: "" } }, "auth.bearer", /non-empty string of printable ASCII/],
      [{ auth: { bearer: 42 } }, "auth.bearer", /a non-empty string, or a function returning one/],
      [{ apiVersion: "1999-01-01" }, "apiVersion", /one of 2024-01-01, 2025-06-01/],
      [{ baseUrl: undefined, environment: "production", serverVariables: { region: "mars" } }, "serverVariables.region", /one of eu, us/],
      [{ baseUrl: undefined, environment: "staging" }, "environment", /expected one of production, local/],
    ];
    for (const [options, param, message] of cases) {
      let thrown: unknown;
      try {
        client(options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, param).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).param).toBe(param);
      expect((thrown as Error).message).toMatch(message);
    }
  });

  it("api client: servers are environments with their variables filled from options or defaults", async () => {
    const port = new URL(server.url).port;
    await client({ baseUrl: undefined, environment: "local", serverVariables: { port }, auth: { bearer: "t" } }).request(getThing, { params: { path: { id: "b" } } });
    expect(last().path).toBe("/things/b");
  });

  it("api client: the version header is the newest by default, set by apiVersion, and refused per call", async () => {
    await client({ auth: { bearer: "t" } }).request(getThing, { params: { path: { id: "a" } } });
    expect(last().headers["things-version"]).toBe("2025-06-01");
    await client({ auth: { bearer: "t" }, apiVersion: "2024-01-01" }).request(getThing, { params: { path: { id: "a" } } });
    expect(last().headers["things-version"]).toBe("2024-01-01");
    const error = await client({ auth: { bearer: "t" } })
      .request(getThing, { params: { path: { id: "a" }, header: { "Things-Version": "2024-01-01" } } })
      .catch((e: unknown) => e);
    expect((error as ValidationError).param).toBe("Things-Version");
  });

  it("api client: a credential in the query string is sent, and redacted from messages, String(e), JSON, inspect and onRetry events", async () => {
    const secret = "s3cr3t/key+1";
    const events: RetryEvent[] = [];
    server.handle((req, res) => (req.method === "GET" ? json(res, 503, { message: `bad key ${req.query.get("api_key")}`, url: req.url }) : json(res, 200, {})));
    try {
      const error = await client({ auth: { queryKey: secret }, maxRetries: 1, retry: { baseDelayMs: 1, maxDelayMs: 1 }, onRetry: (e: RetryEvent) => events.push(e) })
        .request(queryOnly, { params: { path: { id: "a" } } })
        .catch((e: unknown) => e);
      expect(new URL(last().url, server.url).searchParams.get("api_key")).toBe(secret);
      expect(ApiError.isApiError(error)).toBe(true);
      for (const text of [(error as Error).message, String(error), JSON.stringify(error), inspect(error, { depth: 5 }), JSON.stringify(events)]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(encodeURIComponent(secret));
      }
      expect(JSON.stringify(error)).toContain("[redacted]");
      expect(events).toHaveLength(1);
    } finally {
      server.handle((req, res) => json(res, 200, { id: "t1", echo: req.url }));
    }
  });

  it("api client: idempotencyKeys sends one key per call, the same on every retry, and retries a POST; a caller's key is kept", async () => {
    server.handle((req, res, i) => (i % 2 === 0 ? json(res, 503, {}) : json(res, 200, { ok: true })));
    try {
      const start = server.requests.length;
      const c = client({ auth: { bearer: "t" }, idempotencyKeys: true, maxRetries: 1, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
      await c.request(createThing, { body: { name: "x" } });
      const [first, retry] = server.requests.slice(start);
      expect(first!.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(retry!.headers["idempotency-key"]).toBe(first!.headers["idempotency-key"]);
      await c.request(createThing, { body: { name: "y" }, params: { header: { "Idempotency-Key": "mine" } } });
      expect(server.requests.slice(start + 2).map((r) => r.headers["idempotency-key"])).toEqual(["mine", "mine"]);
      // without the option a POST is sent once
      const once = await client({ auth: { bearer: "t" }, maxRetries: 1 }).request(createThing, { body: {} }).catch((e: unknown) => e);
      expect((once as ApiError).status).toBe(503);
      expect(server.requests.at(-1)!.headers["idempotency-key"]).toBeUndefined();
    } finally {
      server.handle((req, res) => json(res, 200, { id: "t1", echo: req.url }));
    }
  });

  it("api client: a generated operation's 2xx body is checked deeply, through nested shapes and array items, naming the field", async () => {
    const user = { id: "u1", email: "a@b.c", state: "active", sequenceAccountIds: [], roles: [{ roleName: "admin", permissions: [] }] };
    const sequence = createSequenceClient({ baseUrl: server.url, maxRetries: 0, auth: { basicAuth: { username: "a", password: "b" } } });
    const get = () => sequence.request(getUsersById, { params: { path: { id: "u1" } } });
    try {
      server.handle((_req, res) => json(res, 200, user));
      expect(await get()).toEqual(user);
      server.handle((_req, res) => json(res, 200, { ...user, roles: [{ roleName: "admin", permissions: [{}] }] }));
      const error = await get().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect(String(error)).toContain("a SequenceUserResponse that has a missing or invalid `roles[0].permissions[0].actions`");
    } finally {
      server.handle((req, res) => json(res, 200, { id: "t1", echo: req.url }));
    }
  });

  it("api client: a parameter the operation does not declare is refused before sending, a client-owned header with the reason", async () => {
    const before = server.requests.length;
    const plain = { method: "GET", path: "/plain" } as const;
    const c = client({ auth: { bearer: "t" } });
    const refused = async (op: object, params: object) => (await c.request(op, { params }).catch((e: unknown) => e)) as ValidationError;
    expect((await refused(plain, { query: { q: "1" } })).message).toContain("is not a query parameter of this operation");
    expect((await refused(plain, { header: { "X-Other": "1" } })).param).toBe("X-Other");
    expect((await refused(plain, { header: { "Things-Version": "2024-01-01" } })).message).toContain("is set by the client");
    expect(server.requests.length).toBe(before);
  });

  it("api client: a 404 is a NotFoundError", async () => {
    server.handle((_req, res) => json(res, 404, { message: "no such thing" }));
    try {
      await expect(client({ auth: { bearer: "t" } }).request(getThing, { params: { path: { id: "zz" } } })).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      server.handle((req, res) => json(res, 200, { id: "t1", echo: req.url }));
    }
  });

  it("api client: an apiKey cookie follows the operation's cookie parameters in one Cookie header", async () => {
    const withCookie = { ...getThing, params: { ...getThing.params, cookie: { theme: { type: "string" } } }, security: [["cookieKey"]] } as const;
    await client({ auth: { cookieKey: "c k" } }).request(withCookie, { params: { path: { id: "a" }, cookie: { theme: "dark" } } });
    expect(last().headers.cookie).toBe("theme=dark; session=c%20k");
  });

  it("api client: a mutualTLS scheme takes no credential, and a scheme kind whose code the entry did not pass is refused, each naming auth.<scheme>", () => {
    const tls = { ...api, securitySchemes: { ...api.securitySchemes, mtls: { type: "mutualTLS" } } } as const;
    const refused = (options: object, given: object) => {
      try {
        createApiClient<any, typeof tls>(tls, { baseUrl: server.url, ...options } as never, given);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return error as ValidationError;
      }
      throw new Error("expected a ValidationError");
    };
    const mtls = refused({ auth: { mtls: "cert" } }, { schemeKinds: { mutualTLS: mutualTls } });
    expect(mtls.param).toBe("auth.mtls");
    expect(mtls.message).toContain("mutualTLS is set up in your fetch (its TLS client certificate), not passed to createThingsClient");
    // an entry whose spec declares no apiKey scheme passes no apiKey code: such a credential is never sent elsewhere
    const missing = refused({ auth: { headerKey: "hk" } }, {});
    expect(missing.param).toBe("auth.headerKey");
    expect(missing.message).toContain("createThingsClient was created without the code for apiKey schemes");
    expect(refused({ auth: { basic: { username: "a", password: "b" } } }, {}).message).toContain("without the code for basic schemes");
  });
});
