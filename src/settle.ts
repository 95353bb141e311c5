// Reading a response the transport returned: a non-2xx becomes its typed error (errorFromResponse),
// a 2xx body that is not JSON becomes a MalformedResponseError carrying the status and a short
// snippet, never a crash or a silent success.
import { errorFromResponse, MalformedResponseError, requestIdOf } from "./errors.js";
import type { Received } from "./transport.js";

/** The call a response belongs to. `redact` removes credentials from text that goes into an error. */
export interface CallContext {
  method: string;
  path: string;
  redact: (text: string) => string;
}

export interface ResponseContext extends CallContext {
  response: Received;
  /** The body as received, for snippets. */
  text: string;
}

// No `cause` on these errors: a JSON SyntaxError quotes the body (which may echo a credential), and a
// custom fetch's stream errors may carry the request.
export function malformed({ method, path, response, redact }: ResponseContext, problem: string, text: string): MalformedResponseError {
  return new MalformedResponseError(`${method} ${path} returned ${response.status} with ${problem}`, {
    method,
    path,
    status: response.status,
    requestId: requestIdOf(response, redact),
    // redacted before the cut, so a secret straddling it cannot leave its first half behind
    snippet: redact(text).slice(0, 200),
  });
}

/**
 * The parsed 2xx JSON of what the transport received, or the typed error: errorFromResponse for
 * non-2xx (with the body parsed when it is JSON, else its text), MalformedResponseError for a 2xx
 * body that is empty or is not JSON. Synchronous: the body is already in memory.
 */
export function settle(call: CallContext, response: Received): [unknown, ResponseContext] {
  const { method, path, redact } = call;
  const text = textOf(response.body);
  const ok = response.status >= 200 && response.status < 300;
  const ctx = { method, path, redact, response, text };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (ok) throw malformed(ctx, text.trim() ? "a body that is not JSON (or is truncated)" : "an empty body", text);
    body = text || undefined;
  }
  if (!ok) throw errorFromResponse(method, path, response, scrub(body, text, redact), redact);
  return [body, ctx];
}

/**
 * An error body with any echoed secret removed, so it can sit on an error object. Redacting the
 * received text (raw and JSON-escaped forms) covers every string in the parsed body.
 */
function scrub(body: unknown, text: string, redact: (text: string) => string): unknown {
  if (typeof body !== "object" || body === null) return typeof body === "string" ? redact(body) : body;
  const clean = redact(text);
  return clean === text ? body : JSON.parse(clean);
}

const utf8 = new TextDecoder();

/** The body as UTF-8 text, as Response.text() reads it (a BOM dropped, bad bytes replaced). */
function textOf(chunks: Received["body"]): string {
  if (!chunks) return "";
  // one decoder, used in one synchronous run: `stream` keeps a character split across chunks whole
  // (no one-chunk shortcut: it costs bundle bytes and saves nothing measurable)
  let text = "";
  for (const chunk of chunks) text += utf8.decode(chunk, { stream: true });
  return text + utf8.decode();
}
