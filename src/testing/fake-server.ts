// An in-memory fake of both vendor APIs on a loopback node:http server, for tests of code that
// uses this package (and for ours). In the spirit of Seam's fake-seam-connect: seeded data,
// spec-shaped answers, scriptable faults and a request log. With `api: { spec }` it serves any API
// from its bundle instead (spec-api.ts), with the same faults and log.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { headerEnums } from "../../generated/sequence/client.js";
import { defaultCredentials, type FakeCredentials, type FakeSeamCredentials, type FakeSequenceCredentials } from "./credentials.js";
import { encodeCursor } from "./cursor.js";
import { deepJson, echoReply, sendAltered, sendEndless, sendGzipBomb } from "./fault-response.js";
import { altersAnswer, FaultQueue, replacesAnswer, type FakeFault } from "./faults.js";
import { errorReply, type Reply } from "./reply.js";
import { logRedactor, redactHeaders, type FakeRequest } from "./request-log.js";
import { FakeSeamApi, isSeamPath } from "./seam-api.js";
import { FakeSpecApi, type FakeApiSpec } from "./spec-api.js";
import { makeSequenceUser, seed, type FakeAcsUser, type FakeSequenceUser, type FakeSequenceUserInput } from "./seed.js";
import { FakeSequenceApi, isSequencePath } from "./sequence-api.js";

export interface FakeServerOptions {
  /**
   * Serve this API instead of Sequence and Seam: its OpenAPI 3 bundle as a path (YAML or JSON),
   * a file URL or the parsed document, e.g. `{ spec: "generated/<api>/openapi.yaml" }`. Each
   * operation answers its first 2xx response with the spec's example, else a sample of its schema.
   * Faults, latency, CORS and the request log work as for the built-in APIs; credentials are not checked.
   */
  api?: { spec: FakeApiSpec };
  /** Seed for every generated id, email and role; the same seed gives the same data. Default 1. */
  seed?: number | string;
  /** How many Sequence users to create (default 25), or exactly which. */
  users?: number | FakeSequenceUserInput[];
  /** How many Seam access-system users to create. Default 5. */
  acsUsers?: number;
  /** Credentials the fake accepts; anything left out gets a fixed fake value. */
  credentials?: { sequence?: Partial<FakeSequenceCredentials>; seam?: Partial<FakeSeamCredentials> };
  /** Sequence-Version values the fake knows, oldest first. Default: the spec's. */
  sequenceVersions?: readonly string[];
  /** Page size of GET /users without `limit`. Default 20. */
  defaultPageSize?: number;
  /**
   * Answer 429 (with Retry-After) once more than `limit` Sequence requests arrive within a window of
   * `windowMs`, like Sequence's 1,500 requests a minute per key. Default: no limit.
   */
  sequenceRateLimit?: { limit: number; windowMs: number };
  /**
   * Picks a fault for a request that no `failNext` fault matched (e.g. random faults in a soak test);
   * return undefined to answer normally. Default: none.
   */
  faultFor?: (request: Readonly<FakeRequest>) => FakeFault | undefined;
  /**
   * Called with every answer the API gives, just before it is sent (not with what a fault sends in
   * its place), e.g. to check each one against the spec. Default: none.
   */
  onAnswer?: (request: Readonly<FakeRequest>, answer: Readonly<FakeAnswer>) => void;
  /** Added before every answer, to mimic network latency. Default 0. */
  latencyMs?: number;
  /** Answer CORS preflights and add CORS headers, for browser tests. Default true. */
  cors?: boolean;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

/** An answer of the API, as `onAnswer` sees it: the body before it is serialised. */
export interface FakeAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** Parsed, as it goes out as JSON (a string goes out as it is); undefined without a body. */
  body: unknown;
}

/** Seam client options for one token kind, pointed at the fake. */
export type FakeSeamClientOptions =
  | { endpoint: string; apiKey: string }
  | { endpoint: string; personalAccessToken: string; workspaceId: string }
  | { endpoint: string; consoleSessionToken: string; workspaceId: string }
  | { endpoint: string; clientSessionToken: string };

export interface FakeServer {
  /** Base URL of both APIs, e.g. `http://127.0.0.1:43567`. */
  readonly url: string;
  readonly credentials: FakeCredentials;
  /** Options for `createSequenceClient`: baseUrl and the accepted credentials. */
  readonly sequenceClientOptions: { baseUrl: string; clientId: string; clientSecret: string };
  /** Options for `createSeamClient` with the given token kind (default an API key). */
  seamClientOptions(kind?: "apiKey" | "personalAccessToken" | "consoleSessionToken" | "clientSessionToken"): FakeSeamClientOptions;
  readonly sequence: {
    /** Current users, in list order (copies). */
    users(): FakeSequenceUser[];
    user(id: string): FakeSequenceUser | undefined;
    /** Adds a user at the end of the list; missing fields come from the seed. */
    addUser(input?: FakeSequenceUserInput): FakeSequenceUser;
  };
  readonly seam: {
    /** Access-system users that exist (copies). */
    acsUsers(): FakeAcsUser[];
  };
  /** Every request so far (except CORS preflights), oldest first, credentials redacted. */
  readonly requests: readonly FakeRequest[];
  /** The next `count` matching requests get `fault` instead of the API's answer. */
  failNext(count: number, fault: FakeFault): void;
  /** Faults still scripted. */
  readonly pendingFaults: number;
  clearFaults(): void;
  clearRequests(): void;
  /** Back to the seeded data, with no faults and an empty log. */
  reset(): void;
  close(): Promise<void>;
}

const EXPOSED_HEADERS = "retry-after, sequence-version, x-request-id, seam-request-id";
const MAX_BODY_BYTES = 1 << 20;

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const credentials: FakeCredentials = {
    sequence: { ...defaultCredentials.sequence, ...options.credentials?.sequence },
    seam: { ...defaultCredentials.seam, ...options.credentials?.seam },
  };
  const seedOptions = { seed: options.seed ?? 1, users: options.users ?? 25, acsUsers: options.acsUsers ?? 5 };
  const sequenceApi = new FakeSequenceApi(
    credentials.sequence,
    options.sequenceVersions ?? headerEnums["Sequence-Version"],
    options.defaultPageSize ?? 20,
  );
  const seamApi = new FakeSeamApi(credentials.seam);
  const redactLogged = logRedactor(credentials);
  if (options.api !== undefined && (typeof options.api !== "object" || options.api === null || options.api.spec === undefined)) {
    throw new TypeError('startFakeServer: api must be { spec }, with spec a path to an OpenAPI 3 bundle or the parsed document, e.g. { api: { spec: "generated/<api>/openapi.yaml" } }');
  }
  const specApi = options.api ? await FakeSpecApi.load(options.api.spec) : undefined;
  const faults = new FaultQueue();
  let log: FakeRequest[] = [];
  let data = seed(seedOptions);
  let added = 0;
  let requestCount = 0;
  let windowStart = 0;
  let windowCount = 0;

  const load = () => {
    data = seed(seedOptions);
    added = 0;
    sequenceApi.load(data.sequenceUsers);
    seamApi.load(data.acsUsers);
  };
  load();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, errorReply(500, "InternalServerError", `fake server bug: ${String(error)}`));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;
    if (options.cors !== false) {
      res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
      res.setHeader("vary", "origin");
      res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
      if (method === "OPTIONS" && req.headers["access-control-request-method"]) {
        res.setHeader("access-control-allow-methods", "GET, POST, DELETE, OPTIONS");
        res.setHeader("access-control-allow-headers", req.headers["access-control-request-headers"] ?? "*");
        res.setHeader("access-control-max-age", "600");
        res.writeHead(204).end();
        return;
      }
    }

    const raw = await readBody(req);
    let body: unknown = undefined;
    let invalidJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
        invalidJson = true;
      }
    }
    const api = specApi ? "spec" : isSequencePath(path) ? "sequence" : isSeamPath(path) ? "seam" : "unknown";
    const entry: FakeRequest = {
      api,
      method,
      ...redactLogged({ path, query: Object.fromEntries(url.searchParams), body }),
      headers: redactHeaders(req.headers),
      auth: undefined,
      status: undefined,
      fault: false,
      time: new Date(),
    };
    log.push(entry);
    const requestId = `req_${(++requestCount).toString().padStart(6, "0")}`;
    res.setHeader("x-request-id", requestId);
    if (api === "seam") res.setHeader("seam-request-id", requestId);

    const fault = faults.take(method, path) ?? options.faultFor?.(entry);
    const delay = (options.latencyMs ?? 0) + (fault?.delayMs ?? 0);
    if (delay > 0) await sleep(delay);
    if (fault && (replacesAnswer(fault) || altersAnswer(fault))) entry.fault = true;
    if (fault?.echoRequestIdFrom) {
      const echoed = req.headers[fault.echoRequestIdFrom.toLowerCase()];
      if (echoed !== undefined) res.setHeader("x-request-id", echoed);
    }
    if (fault && replacesAnswer(fault)) {
      if (fault.reset) {
        req.socket.destroy();
        return;
      }
      if (fault.hang) return; // closeAllConnections() on close() ends it
      entry.status = fault.redirectTo !== undefined ? (fault.status ?? 307) : (fault.status ?? 200);
      if (fault.endlessBody) return sendEndless(res);
      if (fault.gzipBomb) return sendGzipBomb(res);
      const reply = replacementReply(fault, req, url, entry.status);
      entry.status = reply.status;
      send(res, reply);
      return;
    }

    let reply: Reply;
    const limited = api === "sequence" ? rateLimited() : undefined;
    if (specApi) {
      reply = specApi.handle(method, path);
    } else if (limited) {
      reply = limited;
    } else if (api === "sequence") {
      const query = new URLSearchParams(url.searchParams);
      if (fault?.shortPage) query.set("limit", String(Math.ceil(Number(query.get("limit") ?? options.defaultPageSize ?? 20) / 2)));
      reply = sequenceApi.handle({ method, path, query, headers: req.headers });
      if (fault?.loopCursor) reply = loopCursor(reply, url.searchParams.get("after"));
      if (fault?.omitNullCursors) reply = omitNullCursors(reply);
    } else if (api === "seam") {
      reply = seamApi.handle({ method, path, query: url.searchParams, headers: req.headers, body, invalidJson });
    } else {
      reply = errorReply(404, "NotFound", `No route for ${method} ${path}`);
    }
    entry.status = reply.status;
    entry.auth = reply.auth;
    options.onAnswer?.(entry, { status: reply.status, headers: reply.headers ?? {}, body: reply.body });
    sendAltered(res, reply, fault);
  }

  function rateLimited(): Reply | undefined {
    const rule = options.sequenceRateLimit;
    if (!rule) return undefined;
    const now = Date.now();
    if (now - windowStart >= rule.windowMs) {
      windowStart = now;
      windowCount = 0;
    }
    if (++windowCount <= rule.limit) return undefined;
    const retryAfter = String(Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000)));
    return errorReply(429, "TooManyRequests", `Rate limit of ${rule.limit} requests exceeded`, { "retry-after": retryAfter });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    credentials,
    sequenceClientOptions: { baseUrl: url, ...credentials.sequence },
    seamClientOptions(kind = "apiKey") {
      const { seam } = credentials;
      switch (kind) {
        case "apiKey":
          return { endpoint: url, apiKey: seam.apiKey };
        case "personalAccessToken":
          return { endpoint: url, personalAccessToken: seam.personalAccessToken, workspaceId: seam.workspaceId };
        case "consoleSessionToken":
          return { endpoint: url, consoleSessionToken: seam.consoleSessionToken, workspaceId: seam.workspaceId };
        case "clientSessionToken":
          return { endpoint: url, clientSessionToken: seam.clientSessionToken };
      }
    },
    sequence: {
      users: () => sequenceApi.users(),
      user: (id) => sequenceApi.user(id),
      addUser: (input) => sequenceApi.add(makeSequenceUser(data.random, data.sequenceUsers.length + ++added, data.accountIds, input)),
    },
    seam: { acsUsers: () => seamApi.acsUsers() },
    get requests() {
      return log.slice();
    },
    failNext: (count, fault) => faults.add(count, fault),
    get pendingFaults() {
      return faults.size;
    },
    clearFaults: () => faults.clear(),
    clearRequests: () => {
      log = [];
    },
    reset: () => {
      faults.clear();
      log = [];
      windowCount = 0;
      load();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A listing whose next cursor leads back to the page just served (the first page on a first request). */
function loopCursor(reply: Reply, after: string | null): Reply {
  const body = reply.body as { pagination?: { after: string | null } } | undefined;
  if (reply.status !== 200 || !body?.pagination) return reply;
  return { ...reply, body: { ...body, pagination: { ...body.pagination, after: after ?? encodeCursor(0, "after") } } };
}

/** A listing without its null cursors, as some gateways send it. */
function omitNullCursors(reply: Reply): Reply {
  const body = reply.body as { pagination?: Record<string, unknown> } | undefined;
  if (reply.status !== 200 || !body?.pagination) return reply;
  const pagination = Object.fromEntries(Object.entries(body.pagination).filter(([, value]) => value !== null));
  return { ...reply, body: { ...body, pagination } };
}

/** What a fault that replaces the API's answer sends instead (`status`: the fault's, or its default). */
function replacementReply(fault: FakeFault, req: IncomingMessage, url: URL, status: number): Reply {
  if (fault.malformed) return { status: 200, body: "<html>upstream proxy error</html>", headers: { "content-type": "text/html" } };
  if (fault.echoHeaders) return echoReply(req, status, fault.retryAfter);
  if (fault.redirectTo !== undefined) return { status, headers: { location: `${fault.redirectTo}${url.pathname}${url.search}` } };
  if (fault.deepJson !== undefined) return { status: 200, body: deepJson(fault.deepJson), headers: { "content-type": "application/json" } };
  return faultReply(fault, status);
}

function faultReply(fault: FakeFault, status: number): Reply {
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
  const body =
    fault.body ??
    (status === 429
      ? { error: { type: "TooManyRequests", message: "Rate limit exceeded" } }
      : { error: { type: status >= 500 ? "InternalServerError" : "Error", message: `Scripted fault: ${status}` } });
  return { status, body, headers };
}

function send(res: ServerResponse, reply: Reply): void {
  sendAltered(res, reply, undefined);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error("request body too large"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
