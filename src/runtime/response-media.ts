// 2xx responses by media type, for operations whose table entry lists `responseMedia`: JSON and
// *+json (parsed and checked as today), text/* (a string), binary (a Blob, or an ArrayBuffer with
// `parseAs: "arrayBuffer"`), */* (by the Content-Type that arrived), and empty responses (204, 205,
// 304, HEAD, or no content declared: undefined). The transport has already read the body whole
// under maxResponseBytes, so every media type is capped alike. Non-2xx responses become their
// typed errors as for JSON operations (src/runtime/settle.ts).
import type { DecodeResponse } from "./request.js";
import { readJson } from "./response.js";

const JSON_MEDIA = /^application\/(.+\+)?json\b/i;

export const decodeResponse: DecodeResponse = (op, received, call, input) => {
  const media = op.responseMedia!;
  const ok = received.status >= 200 && received.status < 300;
  // the type that arrived decides (a */* operation, or one offering several); without one, the first declared
  const type = received.headers.get("content-type") || media.find((m) => !m.includes("*")) || "";
  if (ok && (!received.body || !media.length)) return undefined;
  if (!ok || JSON_MEDIA.test(type)) return readJson(call, received, op.response);
  const chunks = received.body!;
  if (/^text\//i.test(type)) return new TextDecoder().decode(join(chunks));
  if (input.parseAs === "arrayBuffer") return join(chunks).buffer;
  return new Blob([...chunks], { type: type || "application/octet-stream" });
};

/** The chunks as one Uint8Array. */
function join(chunks: readonly Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1) return chunks[0]!.byteOffset === 0 && chunks[0]!.byteLength === chunks[0]!.buffer.byteLength ? chunks[0]! : chunks[0]!.slice();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.byteLength) - c.byteLength);
  return out;
}
