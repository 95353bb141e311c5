// Checking parsed 2xx bodies: a body without what the facade relies on becomes a MalformedResponseError.
import type { components } from "../generated/sequence/types.js";
import { malformed, type ResponseContext } from "./settle.js";
import { isWellFormed } from "./validate.js";

type Schemas = components["schemas"];
export type SequenceUser = Schemas["SequenceUserResponse"];
export type PaginationResponse = Schemas["PaginationResponse"];
export type ListSequenceUsersResponse = Schemas["ListSequenceUsersResponse"];

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
