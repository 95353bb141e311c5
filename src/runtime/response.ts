// Checks a parsed 2xx body against the generated shape of its schema (generated/<api>/response-checks.js):
// required fields present, declared fields of the declared JSON type. A body without what the spec
// promises becomes a MalformedResponseError naming the field, never a crash later in the caller.
import { malformed, settle, type CallContext, type ResponseContext } from "./settle.js";
import type { Received } from "./transport.js";

/**
 * One field's check: its JSON types, a nested object's shape, or each array element's check. A shape
 * is a function returning its export of generated/<api>/response-checks.js (a reference, so a bundle
 * holds only the shapes of the operations it imports; a function, so shapes may contain each other).
 */
export interface FieldCheck {
  readonly type?: readonly string[];
  readonly shape?: () => Shape;
  /** A root check's schema name, for messages. */
  readonly name?: string;
  readonly items?: FieldCheck;
}
export interface Shape {
  readonly required: readonly string[];
  readonly fields: { readonly [field: string]: FieldCheck };
}

// Deeper than any schema we check, so a hostile body cannot exhaust the stack.
const MAX_DEPTH = 64;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Where `value` breaks `check`, as a field path (`items[3].roles`), or undefined when it passes. */
function problemIn(value: unknown, check: FieldCheck, at: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return at;
  const { type, shape, items } = check;
  const actual = typeOf(value);
  if (type && !(type.includes(actual) || (actual === "number" && type.includes("integer") && Number.isInteger(value)))) return at;
  if (shape && actual === "object") {
    const { required, fields } = shape();
    const object = value as Record<string, unknown>;
    for (const name of required) if (object[name] === undefined) return at ? `${at}.${name}` : name;
    for (const name in fields) {
      if (object[name] === undefined) continue;
      const found = problemIn(object[name], fields[name]!, at ? `${at}.${name}` : name, depth + 1);
      if (found) return found;
    }
  }
  if (items && actual === "array") {
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) {
      const found = problemIn(list[i], items, `${at}[${i}]`, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Returns `body` typed, or throws MalformedResponseError naming the first field that breaks the check. */
export function checkResponse<T>(body: unknown, check: FieldCheck, ctx: ResponseContext): T {
  const at = problemIn(body, check, "", 0);
  if (at !== undefined) {
    const problem = at === "" ? `is not ${check.type?.includes("array") ? "an array" : "a JSON object"}` : `has a missing or invalid \`${at}\``;
    throw malformed(ctx, `${check.name ? `a ${check.name}` : "a body"} that ${problem}`, body);
  }
  return body as T;
}

/**
 * A JSON response read the one way every request path reads it: settle (typed error for a non-2xx,
 * MalformedResponseError for a 2xx that is not JSON), then the operation's generated check, if any.
 */
export function readJson(call: CallContext, received: Received, check: FieldCheck | undefined): unknown {
  const [body, ctx] = settle(call, received);
  return check ? checkResponse(body, check, ctx) : body;
}
