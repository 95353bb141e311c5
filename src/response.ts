// Reading and checking 2xx bodies: anything that is not the JSON the spec promises becomes a
// MalformedResponseError carrying the status and a short snippet, never a crash or a silent success.
import type { components } from "../generated/sequence/types.js";
import { ApiError, ConnectionError, errorFromResponse, MalformedResponseError, requestIdOf } from "./errors.js";
import { isWellFormed } from "./validate.js";

type Schemas = components["schemas"];
export type SequenceUser = Schemas["SequenceUserResponse"];
export type PaginationResponse = Schemas["PaginationResponse"];
export type ListSequenceUsersResponse = Schemas["ListSequenceUsersResponse"];

export interface ResponseContext {
  method: string;
  path: string;
  response: Response;
  /** Removes credentials from text that goes into an error (a server might echo a header). */
  redact: (text: string) => string;
  signal?: AbortSignal | undefined;
}

/** What an openapi-fetch call with `parseAs: "stream"` resolves to. */
export type RawResult = { response: Response; error?: unknown };

// No `cause` on these errors: a JSON SyntaxError quotes the body (which may echo a credential), and a
// custom fetch's stream errors may carry the request.
function malformed(ctx: ResponseContext, problem: string, text: string): MalformedResponseError {
  const { method, path, response } = ctx;
  return new MalformedResponseError(`${method} ${path} returned ${response.status} with ${problem}`, {
    method,
    path,
    status: response.status,
    requestId: requestIdOf(response),
    snippet: ctx.redact(text.slice(0, 200)),
  });
}

/**
 * Awaits an openapi-fetch call and returns the parsed 2xx JSON, or throws the typed error:
 * errorFromResponse for non-2xx, MalformedResponseError for a body that breaks off, is empty or
 * is not JSON. Timeouts and aborts pass through as they are.
 */
export async function settle(
  where: { method: string; path: string; redact: (text: string) => string },
  pending: Promise<RawResult>,
  signal: AbortSignal | undefined,
): Promise<[unknown, ResponseContext]> {
  const { method, path, redact } = where;
  let result: RawResult;
  try {
    result = await pending;
  } catch (error) {
    // the transport's errors and abort reasons pass through; anything else broke off reading an error body
    if (signal?.aborted || ApiError.isApiError(error)) throw error;
    throw new ConnectionError(`${method} ${path} failed while reading the response`, { method, path });
  }
  const { response } = result;
  if (!response.ok) throw errorFromResponse(method, path, response, scrubBody(result.error, redact));
  const ctx: ResponseContext = { method, path, response, redact, signal };
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (ApiError.isApiError(error)) throw error;
    throw malformed(ctx, "a body that broke off", "");
  }
  try {
    return [JSON.parse(text), ctx];
  } catch {
    throw malformed(ctx, text.trim() ? "a body that is not JSON (or is truncated)" : "an empty body", text);
  }
}

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === "string";
const isArray: Check = Array.isArray;
const isObject: Check = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
// A cursor is sent back as a query value, so it must be encodable.
const isCursor: Check = (v) => v == null || (typeof v === "string" && isWellFormed(v));
const isCount: Check = (v) => v === undefined || (typeof v === "number" && v >= 0 && v < Infinity);

/** Required fields of SequenceUserResponse, and of the list envelope. */
const USER: Record<string, Check> = { id: (v) => isString(v) && v !== "", email: isString, sequenceAccountIds: isArray, state: isString, roles: isArray };
const LIST: Record<string, Check> = { items: isArray, pagination: isObject };
const PAGINATION: Record<string, Check> = { after: isCursor, before: isCursor, totalResultSize: isCount };

/** Throws unless `body` is an object whose fields all pass their checks. */
function expect(body: unknown, fields: Record<string, Check>, what: string, ctx: ResponseContext): void {
  let problem = isObject(body) ? undefined : `${what} that is not a JSON object`;
  for (const name in fields) {
    if (problem) break;
    if (!fields[name]!((body as Record<string, unknown>)[name])) problem = `${what} with a missing or invalid \`${name}\``;
  }
  if (problem) throw malformed(ctx, problem, JSON.stringify(body) ?? "");
}

export function toSequenceUser(body: unknown, ctx: ResponseContext): SequenceUser {
  expect(body, USER, "a user", ctx);
  return body as SequenceUser;
}

export function toUserList(body: unknown, ctx: ResponseContext): ListSequenceUsersResponse {
  expect(body, LIST, "a list", ctx);
  const list = body as ListSequenceUsersResponse;
  expect(list.pagination, PAGINATION, "a list's pagination", ctx);
  for (const item of list.items) expect(item, USER, "a listed user", ctx);
  return list;
}

export function toSeamOk(body: unknown, ctx: ResponseContext): { ok: boolean } {
  expect(body, { ok: (v) => typeof v === "boolean" }, "a result", ctx);
  return body as { ok: boolean };
}

/** Replaces every occurrence of the given secrets with `[redacted]`. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const list = secrets.filter((secret) => secret !== "");
  return (text) => list.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}

/** An error body with any echoed secret removed, so it can sit on an error object. */
function scrubBody(body: unknown, redact: (text: string) => string): unknown {
  if (typeof body === "string") return redact(body);
  if (typeof body !== "object" || body === null) return body;
  const text = JSON.stringify(body);
  const clean = redact(text);
  return clean === text ? body : JSON.parse(clean);
}
