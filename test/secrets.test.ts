// Sentinel secrets on every error path: no message, String(), JSON, util.inspect, stack, cause or
// retry log line may contain the client secret, the Basic credential, a Seam token or workspace id.
// The server is hostile on purpose in some cases: it echoes every request header back.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createRawSeamClient, createRawSequenceClient, createSeamClient, createSequenceClient, type RetryEvent, type SeamClientOptions } from "vendor-api-clients";
import type { FakeFault, FakeServer } from "vendor-api-clients/testing";
import { script, startFake } from "./helpers/fake.js";

const clientId = "sentinel-client-id";
// Quotes, backslashes, percent escapes, a slash and non-ASCII (an astral character too, which JSON
// can spell as a surrogate pair), so a secret that is escaped or re-encoded on its way into a message
// is still caught (see `forms` and `SPELLINGS`).
const clientSecret = 'S3NT1NEL-client-secret-☃-"q\\b%41é/🔑-7f3a9c';
const basic = Buffer.from(`${clientId}:${clientSecret}`, "utf8").toString("base64");
// Header values must be ASCII, so the Seam tokens carry the ASCII specials; a non-ASCII token has its own test.
const seam = {
  apiKey: 'seam_SENTINEL_api_key_"\\%2F/_51b2e',
  personalAccessToken: 'seam_at_SENTINEL_pat_"\\%25/_8c1d4',
  consoleSessionToken: "eyJSENTINELjwtHeader.eyJSENTINELjwtBody.SENTINELsig",
  clientSessionToken: 'seam_cst_SENTINEL_cst_"\\%3D_e2f90',
  workspaceId: "ws-SENTINEL-workspace-0b7e",
};
/** Each secret as it is, and as JSON, util.inspect, a URL or a header would escape it. */
const forms = (secret: string) => [
  secret,
  JSON.stringify(secret).slice(1, -1),
  JSON.stringify(JSON.stringify(secret)).slice(1, -1),
  inspect(secret).slice(1, -1),
  encodeURIComponent(secret),
  decodeURIComponentSafe(secret),
];
function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
const SENTINELS = [...new Set([clientSecret, basic, `Basic ${basic}`, ...Object.values(seam)].flatMap(forms))];
/** Marks every secret above (the client id, which is not secret, is lower-case). */
const MARKERS = ["S3NT1NEL", "SENTINEL"];

/** Every way an error or a log line gets turned into text. */
function renderings(value: unknown): string[] {
  const out = [String(value), inspect(value, { depth: 20, showHidden: true }), inspect(value, { depth: 10 }), JSON.stringify(value) ?? ""];
  for (let e = value, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    out.push(String(e), e.message, e.stack ?? "", JSON.stringify(e) ?? "", inspect(e, { depth: 20 }));
  }
  return out;
}

/** The request log keeps `seam-workspace` (tests read it), so only credentials are checked there, in every view. */
const CREDENTIALS = [...new Set([clientSecret, basic, `Basic ${basic}`, seam.apiKey, seam.personalAccessToken, seam.consoleSessionToken, seam.clientSessionToken].flatMap(forms))];
function expectNoCredentialInLog() {
  for (const text of renderings(server.requests)) for (const secret of CREDENTIALS) expect(text).not.toContain(secret);
}

function expectNoSecret(value: unknown) {
  for (const text of renderings(value)) {
    for (const secret of SENTINELS) expect(text).not.toContain(secret);
    for (const marker of MARKERS) expect(text).not.toContain(marker);
  }
}

async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

let server: FakeServer;
const log: RetryEvent[] = [];
beforeAll(async () => {
  server = await startFake({ users: 30, credentials: { sequence: { clientId, clientSecret }, seam } });
});
afterAll(() => server.close());
// Each case starts from the seeded data (a truncated delete still deletes), no faults and an empty log.
afterEach(() => server.reset());

const transport = {
  timeoutMs: 300,
  retry: { baseDelayMs: 5, maxDelayMs: 10, jitter: 0 },
  onRetry: (event: RetryEvent) => void log.push(event),
};

// Each case scripts faults, then makes a call that must fail.
type Case = [name: string, faults: FakeFault[], call: "get" | "delete" | "list" | "badId" | "badLimit" | "abort"];
const cases: Case[] = [
  ["401 echoing the headers", [{ echoHeaders: true, status: 401 }], "get"],
  ["404", [], "badId"],
  ["404 echoing the headers", [{ echoHeaders: true, status: 404 }], "delete"],
  ["429 with a long Retry-After", [{ echoHeaders: true, status: 429, retryAfter: 120 }], "get"],
  ["5xx exhausted", [{ echoHeaders: true, status: 503 }, { status: 500 }, { echoHeaders: true, status: 502 }], "get"],
  ["connection reset", [{ reset: true }, { reset: true }, { reset: true }], "get"],
  ["timeout", [{ hang: true }, { hang: true }, { hang: true }], "get"],
  // a body that stalls or breaks off is retried like a lost connection: fault every attempt
  ["slow body", [{ slowBodyMs: 2_000 }, { slowBodyMs: 2_000 }, { slowBodyMs: 2_000 }], "get"],
  ["abort", [{ hang: true }], "abort"],
  ["truncated JSON", [{ truncated: true }], "get"],
  ["body cut off", [{ cutBody: true }, { cutBody: true }, { cutBody: true }], "get"],
  ["2xx echoing the headers (malformed)", [{ echoHeaders: true, status: 200 }], "get"],
  ["wrong content-type", [{ malformed: true }], "list"],
  ["looping cursor", [{ loopCursor: true }, { loopCursor: true }], "list"],
  ["validation: id", [], "badId"],
  ["validation: limit", [], "badLimit"],
];

describe("secrets: Sequence", () => {
  const sequence = () => createSequenceClient({ clientId, clientSecret, baseUrl: server.url, ...transport });

  test.each(cases)("secrets: %s leaks no credential", async (_name, faults, call) => {
    script(server, ...faults);
    const client = sequence();
    const error = await failure(() =>
      call === "get"
        ? client.users.get("user-000001")
        : call === "delete"
          ? client.users.delete("user-000002")
          : call === "list"
            ? client.users.list({ limit: 10 }).toArray()
            : call === "badId"
              ? client.users.get(_name.startsWith("validation") ? "../admin" : "nobody")
              : call === "badLimit"
                ? client.users.list({ limit: 1_000 }).toArray()
                : client.users.get("user-000001", { signal: AbortSignal.timeout(50) }),
    );
    expect(error).toBeInstanceOf(Error);
    expectNoSecret(error);
    expectNoCredentialInLog();
  });

  test("secrets: a wrong-looking credential at construction is named, not quoted", () => {
    const error = (() => {
      try {
        createSequenceClient({ clientId: `a:${clientSecret}`, clientSecret });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expectNoSecret(error);
  });

  test("secrets: retry log lines carry no credential", () => {
    expect(log.length).toBeGreaterThan(5);
    for (const event of log) expectNoSecret(event);
  });
});

describe("secrets: Seam", () => {
  const kinds: [string, SeamClientOptions][] = [
    ["apiKey", { apiKey: seam.apiKey }],
    ["personalAccessToken", { personalAccessToken: seam.personalAccessToken, workspaceId: seam.workspaceId }],
    ["consoleSessionToken", { consoleSessionToken: seam.consoleSessionToken, workspaceId: seam.workspaceId }],
    ["clientSessionToken", { clientSessionToken: seam.clientSessionToken }],
  ];
  const body = () => ({ acs_user_id: server.seam.acsUsers()[0]!.acs_user_id });
  test("secrets: the fake holds the ACS user the cases delete", () => expect(server.seam.acsUsers().length).toBeGreaterThan(0));
  const faults: [string, FakeFault[]][] = [
    ["401 echoing the headers", [{ echoHeaders: true, status: 401 }]],
    ["429 echoing the headers", [{ echoHeaders: true, status: 429, retryAfter: 120 }]],
    ["5xx exhausted", [{ echoHeaders: true, status: 500 }, { echoHeaders: true, status: 502 }, { echoHeaders: true, status: 503 }]],
    ["connection reset", [{ reset: true }, { reset: true }, { reset: true }]],
    ["timeout", [{ hang: true }, { hang: true }, { hang: true }]],
    ["2xx echoing the headers (malformed)", [{ echoHeaders: true, status: 200 }]],
    ["truncated JSON", [{ truncated: true }]],
  ];

  // A server that echoes a token inside a JSON string that is itself JSON (`"message":"you sent
  // {\"authorization\":\"Bearer …\"}"`) escapes a `"` or `\` in the token twice on the wire.

  describe.each(kinds)("secrets: Seam %s", (kind, credentials) => {
    const fail = async (scripted: FakeFault[]) => {
      script(server, ...scripted);
      const client = createSeamClient({ ...credentials, endpoint: server.url, ...transport } as SeamClientOptions);
      const error = await failure(() => client.acs.users.delete(body()));
      expect(error).toBeInstanceOf(Error);
      expectNoCredentialInLog();
      return error;
    };
    for (const [name, scripted] of faults) {
      test(`secrets: ${name} leaks no credential`, async () => expectNoSecret(await fail(scripted)));
    }

    test("secrets: a validation error leaks no credential", async () => {
      const client = createSeamClient({ ...credentials, endpoint: server.url, ...transport } as SeamClientOptions);
      const error = await failure(() => client.acs.users.delete({ acs_user_id: "x/../y", acs_system_id: "z" } as never));
      expectNoSecret(error);
    });
  });

  test("secrets: a non-ASCII token, which cannot go in a header, fails without quoting it", async () => {
    const token = "seam_SENTINEL_ключ_☃";
    const error = await failure(async () => {
      const client = createSeamClient({ apiKey: token, endpoint: server.url, ...transport });
      await client.acs.users.delete(body());
    });
    expect(error).toBeInstanceOf(Error);
    for (const text of renderings(error)) for (const form of forms(token)) expect(text).not.toContain(form);
    for (const text of renderings(error)) expect(text).not.toContain("SENTINEL");
  });

  test("secrets: Seam retry log lines carry no credential", () => {
    for (const event of log) expectNoSecret(event);
  });

  test("secrets: a token of the wrong kind is refused without quoting it", () => {
    for (const [option, value] of [
      ["apiKey", seam.consoleSessionToken],
      ["apiKey", seam.clientSessionToken],
      ["personalAccessToken", seam.apiKey],
      ["clientSessionToken", seam.personalAccessToken],
    ] as const) {
      let error: unknown;
      try {
        createSeamClient({ [option]: value, workspaceId: seam.workspaceId } as unknown as SeamClientOptions);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expectNoSecret(error);
    }
  });
});

// A server that echoes a credential picks its spelling: JSON lets it escape any character as \uXXXX
// (in either case of hex), `/` as `\/`, and an astral character as a surrogate pair; a query string
// carries it percent-encoded. Redaction must see through all of them to what the reader is shown.
const hex = (unit: number, upper: boolean) => `\\u${unit.toString(16).padStart(4, "0")[upper ? "toUpperCase" : "toLowerCase"]()}`;
/** JSON.stringify's own escapes (the sentinels hold no control characters, so no letter follows a lone `\`). */
const jsonText = (text: string) => JSON.stringify(text).slice(1, -1);
const SPELLINGS: [name: string, spell: (secret: string) => string][] = [
  ["its first upper-case letter as \\u0053", (s) => jsonText(s).replace(/[A-Z]/, (c) => hex(c.charCodeAt(0), true))],
  ["its first lower-case letter as \\u0065", (s) => jsonText(s).replace(/[a-z]/, (c) => hex(c.charCodeAt(0), false))],
  ["every letter as \\uXXXX, upper-case hex", (s) => jsonText(s).replace(/[A-Za-z]/g, (c) => hex(c.charCodeAt(0), true))],
  ["every letter as \\uxxxx, lower-case hex", (s) => jsonText(s).replace(/[A-Za-z]/g, (c) => hex(c.charCodeAt(0), false))],
  ["every slash as \\/", (s) => jsonText(s).replaceAll("/", "\\/")],
  // one UTF-16 unit at a time: an astral character becomes its surrogate pair, \ud83d\udd11
  ["non-ASCII as \\u escapes, astral characters as surrogate pairs", (s) => [...jsonText(s)].map((c) => (c.charCodeAt(0) > 0x7e ? [...Array(c.length).keys()].map((i) => hex(c.charCodeAt(i), false)).join("") : c)).join("")],
  ["percent-encoded", (s) => jsonText(encodeURIComponent(s))],
];

describe("secrets: a credential echoed in any spelling", () => {
  /** A 4xx/5xx or 2xx JSON text that carries the secrets, spelled, in a message, a key and a value. */
  const echo = (spelled: string[]) => `{"error":{"type":"Echo","message":"x: ${spelled.join(" ")}"},"${spelled[0]}":["${spelled.join('","')}"]}`;
  /** Every way a server answers with them: each error path of the facades and the raw clients. */
  const answers = (secrets: string[], spell: (secret: string) => string): [name: string, faults: FakeFault[]][] => {
    const spelled = secrets.map(spell);
    // header values are ASCII: a request id carries the secret percent-encoded
    const headers = { "x-request-id": encodeURIComponent(secrets[0]!) };
    const body = echo(spelled);
    return [
      ["403", [{ status: 403, body, headers }]],
      ["404", [{ status: 404, body, headers }]],
      ["429 with a long Retry-After", [{ status: 429, retryAfter: 120, body, headers }]],
      ["5xx exhausted", [0, 1, 2].map(() => ({ status: 500, body, headers }))],
      ["2xx JSON of the wrong shape", [{ status: 200, body, headers }]],
      // raw text decodes nothing, so it is redacted as it is: raw, JSON-escaped and percent-encoded forms
      ["2xx that is not JSON", [{ status: 200, body: `<html>${secrets.flatMap((s) => [s, jsonText(s), encodeURIComponent(s)]).join(" ")}</html>`, headers: { ...headers, "content-type": "text/html" } }]],
    ];
  };

  /** The case's retry events, then the error, pass every rendering; the request log keeps no credential. */
  const expectClean = (error: unknown, from: number) => {
    expect(error).toBeDefined();
    expectNoSecret(error);
    for (const event of log.slice(from)) expectNoSecret(event);
    expectNoCredentialInLog();
  };

  describe.each(SPELLINGS)("secrets: spelled with %s", (_spelling, spell) => {
    test("secrets: the Sequence client's errors show none of it", async () => {
      for (const [name, faults] of answers([clientSecret, basic], spell)) {
        script(server, ...faults);
        const from = log.length;
        const client = createSequenceClient({ clientId, clientSecret, baseUrl: server.url, ...transport });
        const error = await failure(() => (name === "404" ? client.users.delete("user-000002") : client.users.get("user-000001")));
        expectClean(error, from);
        server.reset();
      }
      const client = createSequenceClient({ clientId, clientSecret, baseUrl: server.url, ...transport });
      script(server, answers([clientSecret, basic], spell)[0]![1][0]!);
      expectClean(await failure(() => client.users.list({ limit: 10 }).toArray()), log.length);
    });

    test("secrets: the raw Sequence client's error and response show none of it", async () => {
      for (const [name, faults] of answers([clientSecret, basic], spell)) {
        if (name.startsWith("2xx")) continue; // a 2xx is data, handed back as sent
        script(server, ...faults);
        const from = log.length;
        const raw = createRawSequenceClient({ clientId, clientSecret, baseUrl: server.url, ...transport });
        const { error, response } = await raw.GET("/users/{id}", { params: { path: { id: "user-000001" } } });
        // openapi-fetch has read the body into `error`
        expectClean({ error, requestId: response.headers.get("x-request-id") }, from);
        server.reset();
      }
    });

    const seamKinds: [string, SeamClientOptions, string[]][] = [
      ["apiKey", { apiKey: seam.apiKey }, [seam.apiKey]],
      ["personalAccessToken", { personalAccessToken: seam.personalAccessToken, workspaceId: seam.workspaceId }, [seam.personalAccessToken, seam.workspaceId]],
    ];
    test.each(seamKinds)("secrets: the Seam client (%s) and its raw client show none of it", async (_kind, credentials, secrets) => {
      for (const [name, faults] of answers(secrets, spell)) {
        const options = { ...credentials, endpoint: server.url, ...transport } as SeamClientOptions;
        script(server, ...faults);
        let from = log.length;
        const acsUser = { acs_user_id: server.seam.acsUsers()[0]!.acs_user_id };
        expectClean(await failure(() => createSeamClient(options).acs.users.delete(acsUser)), from);
        server.reset();
        if (name.startsWith("2xx")) continue;
        script(server, ...faults);
        from = log.length;
        const { error, response } = await createRawSeamClient(options).POST("/acs/users/delete", { body: acsUser });
        // openapi-fetch has read the body into `error`
        expectClean({ error, requestId: response.headers.get("x-request-id") }, from);
        server.reset();
      }
    });
  });

  // Credentials travel in headers today; once an API takes a key in the query, the fake's log must not show it.
  test("secrets: the fake's request log shows no credential a client put in the path, query or body", async () => {
    const raw = createRawSequenceClient({ clientId, clientSecret, baseUrl: server.url, ...transport });
    await raw.GET("/users/{id}", { params: { path: { id: clientSecret }, query: { api_key: clientSecret, [basic]: "1" } as never } });
    const rawSeam = createRawSeamClient({ apiKey: seam.apiKey, endpoint: server.url, ...transport });
    await rawSeam.POST("/acs/users/delete", { body: { acs_user_id: seam.apiKey, note: { [seam.clientSessionToken]: [`x ${seam.personalAccessToken}`] } } as never });
    expect(server.requests.map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(server.requests[0]!.query.api_key).toBe("[redacted]");
    expectNoCredentialInLog();
  });

  test("secrets: every spelling decodes back to the secret (the cases test what they claim)", () => {
    for (const [, spell] of SPELLINGS.slice(0, -1)) {
      for (const secret of [clientSecret, basic, seam.apiKey]) expect(JSON.parse(`"${spell(secret)}"`)).toBe(secret);
    }
    expect(decodeURIComponent(JSON.parse(`"${SPELLINGS.at(-1)![1](clientSecret)}"`))).toBe(clientSecret);
    expect(SPELLINGS[5]![1]("🔑")).toBe("\\ud83d\\udd11");
  });
});
