// A loopback server that speaks enough of the Sequence and Seam APIs for the reliability tests,
// and answers each request with the next scripted fault (or normally when none is left).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Fault =
  /** Destroy the socket before any response byte. */
  | { kind: "reset" }
  /** Never answer (the socket is closed when the server closes). */
  | { kind: "hang" }
  /** Send headers and half the body, then wait `ms` before the rest. */
  | { kind: "slowBody"; ms: number }
  /** A complete 200 whose JSON stops half way (Content-Length matches what is sent). */
  | { kind: "truncated" }
  /** Send headers and half the body, then destroy the socket. */
  | { kind: "cutBody" }
  /** Answer with this status; Retry-After when given (seconds, or a string such as an HTTP date). */
  | { kind: "status"; status: number; retryAfter?: number | string; body?: unknown }
  /** A 200 with an HTML body and content-type. */
  | { kind: "wrongContentType" }
  /** A 200 listing whose `after` is the cursor that was just requested (or "loop" on the first page). */
  | { kind: "loopCursor" }
  /** Answer normally after `ms`. */
  | { kind: "delay"; ms: number }
  /** A listing page with only half of `limit` items, and the cursor right after them. */
  | { kind: "shortPage" }
  /** A hostile or careless server: answers `status` with every request header copied into the body. */
  | { kind: "echoHeaders"; status: number; retryAfter?: number };

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
  fault: Fault["kind"] | undefined;
  at: number;
}

export interface User {
  id: string;
  email: string;
  sequenceAccountIds: string[];
  state: string;
  roles: { roleName: string; permissions: { resource: string; actions: string[] }[] }[];
}

export interface FaultServerOptions {
  /** How many users GET /users serves. Default 0. */
  users?: number;
  /** Expected `Authorization` header; others get 401. Default: anything goes. */
  authorization?: string;
  /**
   * Chooses a fault per request when the script is empty (e.g. random faults in the soak).
   * Default: none.
   */
  pick?: (request: SeenRequest) => Fault | undefined;
  /** Answer 429 (no Retry-After) to requests beyond `limit` in any `windowMs`, like Sequence's per-key limit. */
  rateLimit?: { limit: number; windowMs: number };
  /** Leave `after`/`before` out of `pagination` instead of sending null. Default false. */
  omitNullCursors?: boolean;
}

export interface FaultServer {
  url: string;
  requests: SeenRequest[];
  users: User[];
  /** Faults for the next requests, one per request, in order. */
  script(...faults: Fault[]): void;
  close(): Promise<void>;
}

export function makeUser(index: number): User {
  return {
    id: `user-${String(index).padStart(6, "0")}`,
    email: `user${index}@example.com`,
    sequenceAccountIds: ["acct-1"],
    state: "active",
    roles: [{ roleName: "financeUser", permissions: [{ resource: "org.invoice", actions: ["read"] }] }],
  };
}

// Cursors are opaque to the client; here they are the index of the next item.
const cursorFor = (index: number) => `c${index.toString(36)}`;
const indexOf = (cursor: string | null) => (cursor && /^c[0-9a-z]+$/.test(cursor) ? parseInt(cursor.slice(1), 36) : 0);

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const users = Array.from({ length: options.users ?? 0 }, (_, i) => makeUser(i));
  const deleted = new Set<string>();
  const queue: Fault[] = [];
  const requests: SeenRequest[] = [];
  const admitted: number[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };

  /** The normal answer: status and JSON body. */
  const route = (seen: SeenRequest, variant?: "loopCursor" | "shortPage"): [number, unknown] => {
    const { method, path, query } = seen;
    if (method === "GET" && path === "/users") {
      const limit = Number(query.get("limit") ?? 20);
      const start = indexOf(query.get("after"));
      const end = Math.min(users.length, start + (variant === "shortPage" ? Math.ceil(limit / 2) : limit));
      const items = users.slice(start, end);
      const next = end < users.length ? cursorFor(end) : null;
      const after = variant === "loopCursor" ? (query.get("after") ?? "loop") : next;
      const before = start > 0 ? cursorFor(start) : null;
      const pagination: Record<string, unknown> = { after, before, totalResultSize: users.length };
      if (options.omitNullCursors) for (const key of ["after", "before"]) if (pagination[key] === null) delete pagination[key];
      return [200, { items, pagination }];
    }
    const one = /^\/users\/([^/]+)$/.exec(path);
    if (one && (method === "GET" || method === "DELETE")) {
      const id = decodeURIComponent(one[1]!);
      const user = users.find((u) => u.id === id);
      if (!user || deleted.has(id)) return [404, { error: { type: "NotFound", message: "No such user" } }];
      if (method === "DELETE") deleted.add(id);
      return [200, method === "DELETE" ? { ...user, state: "deleted" } : user];
    }
    if (method === "POST" && path === "/acs/users/delete") return [200, { ok: true }];
    return [404, { error: { type: "NotFound", message: `No route ${method} ${path}` } }];
  };

  const handle = (req: IncomingMessage, res: ServerResponse, rawBody: string) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const seen: SeenRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: rawBody,
      fault: undefined,
      at: Date.now(),
    };
    const fault = queue.shift() ?? options.pick?.(seen);
    seen.fault = fault?.kind;
    requests.push(seen);

    if (options.rateLimit) {
      const { limit, windowMs } = options.rateLimit;
      while (admitted.length > 0 && admitted[0]! <= seen.at - windowMs) admitted.shift();
      if (admitted.length >= limit) {
        seen.fault = "status";
        return answer(res, 429, { error: { type: "RateLimited", message: "Too many requests" } });
      }
      admitted.push(seen.at);
    }
    if (options.authorization !== undefined && req.headers.authorization !== options.authorization) {
      return answer(res, 401, { error: { type: "Unauthorized", message: "Bad credentials" } });
    }
    if (!fault) {
      const [status, body] = route(seen);
      return answer(res, status, body);
    }
    switch (fault.kind) {
      case "reset":
        return req.socket.destroy();
      case "hang":
        return;
      case "delay":
        return later(fault.ms, () => {
          const [status, body] = route(seen);
          answer(res, status, body);
        });
      case "status": {
        const headers: Record<string, string> = {};
        if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
        return answer(res, fault.status, fault.body ?? { error: { type: "Fault", message: `Injected ${fault.status}` } }, headers);
      }
      case "echoHeaders": {
        const echoed = JSON.stringify(req.headers);
        const headers: Record<string, string> = { "x-echo": Buffer.from(echoed).toString("base64").slice(0, 200) };
        if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
        return answer(res, fault.status, { error: { type: "Echo", message: `you sent ${echoed}` }, headers: req.headers }, headers);
      }
      case "wrongContentType": {
        const html = "<html><body>Bad gateway</body></html>";
        res.writeHead(200, { "content-type": "text/html", "content-length": String(html.length) });
        return res.end(html);
      }
      case "loopCursor":
      case "shortPage": {
        const [status, body] = route(seen, fault.kind);
        return answer(res, status, body);
      }
      case "truncated": {
        const text = JSON.stringify(route(seen)[1]);
        const half = text.slice(0, Math.floor(text.length / 2));
        res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(half)) });
        return res.end(half);
      }
      case "cutBody":
      case "slowBody": {
        const text = JSON.stringify(route(seen)[1]);
        const half = Math.floor(text.length / 2);
        res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
        res.write(text.slice(0, half));
        if (fault.kind === "cutBody") return later(10, () => req.socket.destroy());
        return later(fault.ms, () => res.end(text.slice(half)));
      }
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  server.keepAliveTimeout = 60_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    users,
    script: (...faults) => void queue.push(...faults),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
