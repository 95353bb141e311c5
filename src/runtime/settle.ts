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
/** `body` is the parsed JSON when the text was JSON: the snippet shows it as JSON.stringify writes it, redacted. */
export function malformed({ method, path, response, redact, text }: ResponseContext, problem: string, body?: unknown): MalformedResponseError {
  // JSON too deep to write again shows nothing rather than the server's spelling
  try {
    if (body !== undefined) text = JSON.stringify(body);
  } catch {
    text = "";
  }
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
    if (ok) throw malformed(ctx, text.trim() ? "a body that is not JSON (or is truncated)" : "an empty body");
    body = text || undefined;
  }
  if (!ok) throw errorFromResponse(method, path, response, scrub(body, redact), redact);
  return [body, ctx];
}

/**
 * An error body with any echoed secret removed, so it can sit on an error object. Written out by
 * JSON.stringify, every string in it (keys too) has the one spelling the redactor knows, whatever
 * escapes the server used. A body too deep to write out, or whose JSON the redaction broke (a
 * secret spanning quotes), is left off; so is an empty one.
 */
function scrub(body: unknown, redact: (text: string) => string): unknown {
  try {
    return JSON.parse(redact(JSON.stringify(body)));
  } catch {}
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
