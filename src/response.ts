// Reading and checking 2xx bodies: anything that is not the JSON the spec promises becomes a
// MalformedResponseError carrying the status and a short snippet, never a crash or a silent success.
import type { components } from "../generated/sequence/types.js";
import { ApiError, ConnectionError, errorFromResponse, MalformedResponseError, requestIdOf } from "./errors.js";
import { readText } from "./transport.js";
import { isWellFormed } from "./validate.js";

type Schemas = components["schemas"];
export type SequenceUser = Schemas["SequenceUserResponse"];
export type PaginationResponse = Schemas["PaginationResponse"];
export type ListSequenceUsersResponse = Schemas["ListSequenceUsersResponse"];

/** The call a response belongs to. `redact` removes credentials from text that goes into an error. */
export interface CallContext {
  method: string;
  path: string;
  redact: (text: string) => string;
  signal?: AbortSignal | undefined;
}

export interface ResponseContext extends CallContext {
  response: Response;
}

// No `cause` on these errors: a JSON SyntaxError quotes the body (which may echo a credential), and a
// custom fetch's stream errors may carry the request.
function malformed({ method, path, response, redact }: ResponseContext, problem: string, text: string): MalformedResponseError {
  return new MalformedResponseError(`${method} ${path} returned ${response.status} with ${problem}`, {
    method,
    path,
    status: response.status,
    requestId: requestIdOf(response),
    snippet: redact(text.slice(0, 200)),
  });
}

/**
 * Awaits the transport's response and returns its parsed 2xx JSON, or throws the typed error:
 * errorFromResponse for non-2xx (with the body parsed when it is JSON, else its text),
 * MalformedResponseError for a 2xx body that breaks off, is empty or is not JSON. Transport
 * errors (timeouts, connection errors) and aborts pass through as they are.
 */
export async function settle(call: CallContext, pending: Promise<Response>): Promise<[unknown, ResponseContext]> {
  const { method, path, redact, signal } = call;
  const response = await pending;
  const ctx = { ...call, response };
  let text: string;
  try {
    text = await readText(response);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (ApiError.isApiError(error)) throw error;
    if (!response.ok) throw new ConnectionError(`${method} ${path} failed while reading the response`, { method, path });
    throw malformed(ctx, "a body that broke off", "");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (response.ok) throw malformed(ctx, text.trim() ? "a body that is not JSON (or is truncated)" : "an empty body", text);
    body = text || undefined;
  }
  if (!response.ok) throw errorFromResponse(method, path, response, scrub(body, redact));
  return [body, ctx];
}

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === "string";
const isArray: Check = Array.isArray;
const isObject: Check = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
// A cursor is sent back as a query value, so it must be encodable.
const isCursor: Check = (v) => v == null || (isString(v) && isWellFormed(v as string));
const isCount: Check = (v) => v === undefined || (typeof v === "number" && v >= 0 && v < Infinity);

/** Required fields of SequenceUserResponse, of the list envelope and of its pagination. */
const USER: Record<string, Check> = { id: (v) => isString(v) && v !== "", email: isString, sequenceAccountIds: isArray, state: isString, roles: isArray };
const LIST: Record<string, Check> = { items: isArray, pagination: isObject };
const PAGINATION: Record<string, Check> = { after: isCursor, before: isCursor, totalResultSize: isCount };

/** Throws unless `body` is an object whose fields all pass their checks. */
function expect<T>(body: unknown, fields: Record<string, Check>, what: string, ctx: ResponseContext): T {
  let problem = isObject(body) ? undefined : "is not a JSON object";
  for (const name in fields) if (!problem && !fields[name]!((body as Record<string, unknown>)[name])) problem = `has a missing or invalid \`${name}\``;
  if (problem) throw malformed(ctx, `${what} that ${problem}`, JSON.stringify(body) ?? "");
  return body as T;
}

export function toSequenceUser(body: unknown, ctx: ResponseContext): SequenceUser {
  return expect(body, USER, "a user", ctx);
}

export function toUserList(body: unknown, ctx: ResponseContext): ListSequenceUsersResponse {
  const list = expect<ListSequenceUsersResponse>(body, LIST, "a list", ctx);
  expect(list.pagination, PAGINATION, "a list's pagination", ctx);
  for (const item of list.items) expect(item, USER, "a listed user", ctx);
  return list;
}

export function toSeamOk(body: unknown, ctx: ResponseContext): { ok: boolean } {
  return expect(body, { ok: (v) => typeof v === "boolean" }, "a result", ctx);
}

/** Replaces every occurrence of the given secrets with `[redacted]`. */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  return (text) => secrets.reduce<string>((out, secret) => (secret ? out.split(secret).join("[redacted]") : out), text);
}

/** An error body with any echoed secret removed, so it can sit on an error object. */
function scrub(body: unknown, redact: (text: string) => string): unknown {
  if (typeof body !== "object" || body === null) return typeof body === "string" ? redact(body) : body;
  const text = JSON.stringify(body);
  const clean = redact(text);
  return clean === text ? body : JSON.parse(clean);
}
