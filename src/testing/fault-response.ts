// How scripted faults reach the wire: the ones that need more than a status and a JSON body
// (half bodies, stalls, endless or inflating bodies). Every timer is cleared when the response
// closes, and every body is bounded, so a fault never outlives the connection or fills memory.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { ENDLESS_BODY_CAP, GZIP_BOMB_BYTES, type FakeFault } from "./faults.js";
import type { Reply } from "./reply.js";

/** Runs `fn` after `ms` unless the response closes first. */
function later(res: ServerResponse, ms: number, fn: () => void): void {
  const timer = setTimeout(fn, ms);
  res.once("close", () => clearTimeout(timer));
}

function replyText(reply: Reply): string {
  if (reply.text !== undefined) return reply.text;
  return reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
}

function replyHeaders(reply: Reply, text: string): Record<string, string> {
  const headers: Record<string, string> = { ...reply.headers };
  if (text && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  return headers;
}

/** Sends an API answer the way an answer-altering fault says (half, stalled, cut off) or whole. */
export function sendAltered(res: ServerResponse, reply: Reply, fault: FakeFault | undefined): void {
  const text = replyText(reply);
  const headers = replyHeaders(reply, text);
  const half = text.slice(0, Math.floor(text.length / 2));
  if (fault?.truncated) {
    res.writeHead(reply.status, { ...headers, "content-length": String(Buffer.byteLength(half)) }).end(half);
    return;
  }
  if (fault?.cutBody || fault?.slowBodyMs !== undefined) {
    res.writeHead(reply.status, { ...headers, "content-length": String(Buffer.byteLength(text)) });
    res.write(half);
    if (fault.cutBody) later(res, 10, () => res.socket?.destroy());
    else later(res, fault.slowBodyMs as number, () => res.end(text.slice(half.length)));
    return;
  }
  res.writeHead(reply.status, headers).end(text);
}

/** The answer of an `echoHeaders` fault: every request header, credentials included, in the body and `x-echo`. */
export function echoReply(req: IncomingMessage, status: number, retryAfter: number | string | undefined): Reply {
  const echoed = JSON.stringify(req.headers);
  const headers: Record<string, string> = { "x-echo": Buffer.from(echoed).toString("base64").slice(0, 200) };
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  return { status, body: { error: { type: "Echo", message: `you sent ${echoed}` }, headers: req.headers }, headers };
}

/** A 200 JSON array that never closes, written with backpressure until the client leaves or the cap. */
export function sendEndless(res: ServerResponse): void {
  const chunk = Buffer.from(`${'"padding",'.repeat(6553)}`);
  let sent = 0;
  res.writeHead(200, { "content-type": "application/json" });
  res.write("[");
  const pump = () => {
    while (!res.destroyed && sent < ENDLESS_BODY_CAP) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

let bomb: Buffer | undefined;
/** A gzip body of a few tens of KiB that inflates to GZIP_BOMB_BYTES of JSON whitespace. */
export function sendGzipBomb(res: ServerResponse): void {
  bomb ??= gzipSync(Buffer.concat([Buffer.from("["), Buffer.alloc(GZIP_BOMB_BYTES - 2, " "), Buffer.from("]")]), { level: 9 });
  res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(bomb.length) }).end(bomb);
}

/** `depth` arrays nested in each other: `[[[…]]]`. */
export function deepJson(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}
