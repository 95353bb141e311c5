// Input checks that run before any request, so bad input never reaches the network.
import { ValidationError } from "./errors.js";

/** Longer ids are refused: vendor ids are UUIDs, and a huge path only invites a 414. */
export const MAX_ID_LENGTH = 256;
/** Longest cursor accepted from a caller. */
export const MAX_CURSOR_LENGTH = 4096;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Characters that would end or re-route a path segment if a server or proxy decoded the id.
const ROUTE = /[/\\?#]|^\s*\.\.?\s*$/;
// Plain ids (UUIDs and the like) need none of the checks below.
const PLAIN = /^[\w-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Where {
  method: string;
  path: string;
}

/** False for strings with lone surrogates, which cannot be percent-encoded (encodeURIComponent throws). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

function fail(message: string, param: string, where: Where): never {
  throw new ValidationError(`${where.method} ${where.path}: ${param} ${message}`, { ...where, param });
}

/**
 * An id becomes one path segment. It is always percent-encoded, and on top of that ids that could
 * change the route if anything on the way decoded or normalised them (`/`, `\`, `?`, `#`, `.`,
 * `..`, also percent-encoded, or NFKC look-alikes such as `／` and `‥`) are refused, so no id can
 * ever reach another endpoint.
 */
export function checkId(id: unknown, param: string, where: Where): string {
  if (typeof id !== "string" || id === "") fail("must be a non-empty string", param, where);
  if (id.length <= MAX_ID_LENGTH && PLAIN.test(id)) return id;
  if (id.length > MAX_ID_LENGTH) fail(`is longer than ${MAX_ID_LENGTH} characters`, param, where);
  if (!isWellFormed(id)) fail("contains invalid unicode (a lone surrogate)", param, where);
  // the id as given, and as up to three rounds of percent-decoding would see it
  for (let view = id, round = 0; round < 4; round++) {
    if (CONTROL.test(view)) fail("contains control characters", param, where);
    if (ROUTE.test(view) || ROUTE.test(view.normalize("NFKC"))) {
      fail(`must not contain "/", "\\", "?", "#" or be "." or ".." (also percent-encoded)`, param, where);
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(view);
    } catch {
      break; // not valid percent-encoding: it is sent, encoded, as the literal text it is
    }
    if (decoded === view) break;
    view = decoded;
  }
  return id;
}

/** `limit` as the Sequence spec allows it: an integer in 1..100. */
export function checkLimit(limit: unknown, where: Where): number | undefined {
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 100)) {
    fail("must be an integer from 1 to 100", "limit", where);
  }
  return limit as number | undefined;
}

export function checkCursor(cursor: unknown, param: string, where: Where): string | undefined {
  if (cursor == null) return undefined;
  if (typeof cursor !== "string" || cursor === "" || cursor.length > MAX_CURSOR_LENGTH || !isWellFormed(cursor)) {
    fail(`must be a non-empty string of at most ${MAX_CURSOR_LENGTH} characters`, param, where);
  }
  return cursor;
}

/** An integer option of at least `min` (maxPages, max). */
export function checkCount(value: unknown, param: string, where: Where, min = 0): number | undefined {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= min)) fail(`must be an integer ≥ ${min}`, param, where);
  return value as number | undefined;
}

/** Body of Seam's `POST /acs/users/delete`: exactly one of the two shapes the spec allows. */
export type SeamAcsUserDeleteBody =
  | { acs_user_id: string; user_identity_id?: never; acs_system_id?: never }
  | { user_identity_id: string; acs_system_id: string; acs_user_id?: never };

export function checkSeamAcsUserDeleteBody(body: unknown, where: Where): SeamAcsUserDeleteBody {
  const entries = typeof body === "object" && body !== null && !Array.isArray(body) ? Object.entries(body).filter(([, v]) => v !== undefined) : [];
  const shape = entries.map(([k]) => k).sort().join();
  if (shape !== "acs_user_id" && shape !== "acs_system_id,user_identity_id") {
    fail("must be exactly { acs_user_id } or { user_identity_id, acs_system_id }", "body", where);
  }
  for (const [key, value] of entries) if (typeof value !== "string" || !UUID.test(value)) fail("must be a UUID", key, where);
  return body as SeamAcsUserDeleteBody;
}
