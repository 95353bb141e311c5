// Input checks that run before any request, so bad input never reaches the network.
import { ValidationError } from "./errors.js";

/** Longer ids are refused: vendor ids are UUIDs, and a huge path only invites a 414. */
export const MAX_ID_LENGTH = 256;
/** Longest cursor accepted from a caller. */
export const MAX_CURSOR_LENGTH = 4096;

// Characters that would end or re-route a path segment if a server or proxy decoded the id, and controls;
// "." and ".." also with stray "%" around them, as a decoder that drops invalid sequences sees them.
const ROUTE = /[/\\?#\u0000-\u001f\u007f-\u009f]|^[\s%]*\.[\s%]*\.?[\s%]*$/;
// Plain ids (UUIDs and the like) need none of the checks below.
const PLAIN = /^[\w-]+$/;

/** The call a check belongs to; empty for client options. */
export interface Where {
  method: string;
  path: string;
}

/** Throws the ValidationError for `param`. Messages name the option, never echo secret values. */
export function invalid(message: string, param: string, where: Where = { method: "", path: "" }): never {
  throw new ValidationError(message, { ...where, param });
}

export function fail(message: string, param: string, where: Where): never {
  invalid(`${where.method} ${where.path}: ${param} ${message}`, param, where);
}

/** False for strings with lone surrogates, which cannot be percent-encoded (encodeURIComponent throws). */
export function isWellFormed(text: string): boolean {
  try {
    return !!encodeURIComponent(text);
  } catch {
    return false;
  }
}

/**
 * An id becomes one path segment. It is always percent-encoded, and on top of that ids that could
 * change the route if anything on the way decoded or normalised them (`/`, `\`, `?`, `#`, `.`,
 * `..`, also percent-encoded, or NFKC look-alikes such as `／` and `‥`) are refused, so no id can
 * ever reach another endpoint.
 */
export function checkId(id: unknown, param: string, where: Where): string {
  let ok = typeof id === "string" && id !== "" && id.length <= MAX_ID_LENGTH && isWellFormed(id);
  // The id as given and as every depth of decoding sees it: each round decodes each run of valid
  // %XX (even beside a stray "%", which ROUTE also reads as a decoder that drops it would), until
  // nothing changes. A round that changes the view shortens it, so at most 128 rounds run.
  try {
    for (let view = id as string, last; ok && view !== last && !PLAIN.test(view); last = view, view = view.replace(/(%[\da-f]{2})+/gi, decodeURIComponent)) {
      ok = !ROUTE.test(view.normalize("NFKC")); // NFKC keeps every character ROUTE looks for
    }
  } catch {
    ok = false; // a %XX run that is not UTF-8 (such as an overlong "/"): decoders disagree on it
  }
  if (!ok) {
    fail(
      `must be 1 to ${MAX_ID_LENGTH} characters of valid unicode, not "." or "..", without / \\ ? # or control characters, also once decoded`,
      param,
      where,
    );
  }
  return id as string;
}

/** `limit` as the Sequence spec allows it: an integer in 1..100. */
export function checkLimit(limit: unknown, where: Where): number | undefined {
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 100)) {
    fail("must be an integer from 1 to 100", "limit", where);
  }
  return limit as number | undefined;
}

export function checkCursor(cursor: unknown, param: string, where: Where): string | undefined {
  if (cursor != null && (typeof cursor !== "string" || !cursor || cursor.length > MAX_CURSOR_LENGTH || !isWellFormed(cursor))) {
    fail(`must be a non-empty string of at most ${MAX_CURSOR_LENGTH} characters`, param, where);
  }
  return (cursor ?? undefined) as string | undefined;
}

/** An integer option of at least `min` (maxPages, max). */
export function checkCount(value: unknown, param: string, where: Where, min = 0): number | undefined {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= min)) fail(`must be an integer ≥ ${min}`, param, where);
  return value as number | undefined;
}
