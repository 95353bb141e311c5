// The one request helper: every facade call goes through here. The method, path, parameter checks
// and response check come from the generated operation table; the arguments are typed by the
// generated `paths` through openapi-fetch's own types, so a parameter the spec renames or removes is
// a compile error in the facade. URLs are built here (not by openapi-fetch's client) so a bundle
// that never imports the raw client holds none of it.
import type { FetchResponse, ParamsOption, RequestBodyOption } from "openapi-fetch";
import { checkResponse, type Shapes } from "./response.js";
import { settle } from "./settle.js";
import type { CallOptions, Transport } from "./transport.js";
import { checkId, fail, isWellFormed } from "./validate.js";

/** What the generator records of a query or header parameter (generated/<api>/client.ts). */
export interface ParamRule {
  readonly type: string;
  readonly array?: boolean;
  readonly required?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
}

/** One entry of a generated operation table. */
export interface OperationSpec {
  readonly method: string;
  readonly path: string;
  readonly query?: { readonly [name: string]: ParamRule };
  readonly header?: { readonly [name: string]: ParamRule };
  readonly body?: "required" | "optional";
  readonly response?: string;
}

/** The spec's operation object for a table entry. */
export type OperationOf<Paths, O extends OperationSpec> = Paths[O["path"] & keyof Paths][Lowercase<O["method"]> & keyof Paths[O["path"] & keyof Paths]];
/** `{ params, body }` exactly as openapi-fetch types them for that operation. */
export type RequestInput<Op> = ParamsOption<Op> & RequestBodyOption<Op>;
/** The 2xx JSON body of an operation. */
export type ResponseData<Op> = Op extends Record<string | number, any> ? NonNullable<Extract<FetchResponse<Op, {}, "application/json">, { error?: never }>["data"]> : never;

export interface RequestConfig {
  baseUrl: string;
  headers: Readonly<Record<string, string>>;
  transport: Transport;
  redact: (text: string) => string;
  shapes: Shapes;
}

export type Requester<Paths> = <O extends OperationSpec>(op: O, input: RequestInput<OperationOf<Paths, O>>, call?: CallOptions) => Promise<ResponseData<OperationOf<Paths, O>>>;

const PATH_PARAM = /\{([^}]+)\}/g;

/** Checks one parameter value against its generated rule; returns it as the strings to send. */
function serialize(value: unknown, rule: ParamRule, name: string, where: { method: string; path: string }): string[] {
  const values = rule.array && Array.isArray(value) ? value : [value];
  return values.map((v) => {
    const ok =
      rule.type === "string" ? typeof v === "string" && isWellFormed(v)
      : rule.type === "boolean" ? typeof v === "boolean"
      : typeof v === "number" && Number.isFinite(v) && (rule.type !== "integer" || Number.isInteger(v)) && !(v < rule.minimum!) && !(v > rule.maximum!);
    if (!ok || (rule.enum && !rule.enum.includes(v))) {
      const range = rule.minimum !== undefined || rule.maximum !== undefined ? ` from ${rule.minimum ?? "-∞"} to ${rule.maximum ?? "∞"}` : "";
      fail(`must be ${rule.enum ? `one of ${rule.enum.join(", ")}` : `a${rule.type === "integer" ? "n" : ""} ${rule.type}${range}`}`, name, where);
    }
    return String(v);
  });
}

type Input = { params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> }; body?: unknown };

/**
 * The request line and headers for `op`: path parameters checked as ids and percent-encoded, query
 * and header parameters checked against their generated rules. Throws ValidationError, sends nothing.
 */
export function buildRequest(op: OperationSpec, input: Input, headers: Readonly<Record<string, string>>): { pathname: string; search: string; init: RequestInit } {
  const { method, path } = op;
  const where = { method, path };
  const { path: pathParams, query, header } = input.params ?? {};
  // every path parameter is an id that must not change the route (see checkId)
  const pathname = path.replace(PATH_PARAM, (_, name: string) => encodeURIComponent(checkId(pathParams?.[name], name, where)));
  let search = "";
  for (const name in query) {
    const rule = op.query?.[name];
    if (!rule) fail("is not a query parameter of this operation", name, where);
    if (query[name] === undefined) continue;
    for (const value of serialize(query[name], rule, name, where)) search += `${search ? "&" : "?"}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  }
  for (const name in op.query) if (op.query[name]!.required && query?.[name] === undefined) fail("is required", name, where);
  const init: RequestInit = { method, headers };
  if (header) {
    const merged: Record<string, string> = { ...headers };
    for (const name in header) {
      const rule = op.header?.[name];
      if (!rule) fail("is not a header parameter of this operation", name, where);
      if (header[name] != null) merged[name.toLowerCase()] = serialize(header[name], rule, name, where).join(",");
    }
    init.headers = merged;
  }
  if (op.body === "required" && input.body === undefined) fail("is required", "body", where);
  if (input.body !== undefined) {
    init.body = JSON.stringify(input.body);
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  return { pathname, search, init };
}

/** Builds the typed requester for one API. */
export function createRequester<Paths>(config: RequestConfig): Requester<Paths> {
  const { baseUrl, headers, transport, redact, shapes } = config;
  return (async (op: OperationSpec, input: Input, call: CallOptions = {}) => {
    const { pathname, search, init } = buildRequest(op, input, headers);
    const [body, ctx] = await settle(
      { method: op.method, path: pathname, redact, signal: call.signal },
      transport(new Request(baseUrl + pathname + search, init), { ...call, path: pathname }),
    );
    return op.response ? checkResponse(body, op.response, shapes, ctx) : body;
  }) as Requester<Paths>;
}
