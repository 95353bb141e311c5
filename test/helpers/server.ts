// A tiny node:http server on 127.0.0.1:0 that records every request and answers with a handler.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The raw request target as sent on the wire, e.g. `/users/a%2Fb?limit=2`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (request: RecordedRequest, res: ServerResponse, index: number) => void | Promise<void>;

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  /** Replace the handler (e.g. per test). */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startServer(handler: Handler = (_req, res) => json(res, 404, {})): Promise<FakeServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      const parsed = new URL(url, "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      Promise.resolve(current(recorded, res, requests.length - 1)).catch((error: unknown) => {
        res.destroy(error as Error);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A user as the spec describes it. */
export function user(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    email: `${id}@example.test`,
    sequenceAccountIds: ["83da2ca4-49c7-4d81-9c9a-ba5be11768b0"],
    state: "active",
    roles: [{ roleName: "financeUser", permissions: [{ resource: "org.invoice", actions: ["read", "send"] }] }],
    ...overrides,
  };
}
