// The one request helper: every facade call goes through here. The method, path, parameter checks
// and response check come from the generated operation table; the arguments are typed by the
// generated `paths` through openapi-fetch's own types, so a parameter the spec renames or removes is
// a compile error in the facade. URLs are built here (not by openapi-fetch's client) so a bundle
// that never imports the raw client holds none of it.
import type { FetchResponse, ParamsOption, RequestBodyOption } from "openapi-fetch";
import { checkResponse, type FieldCheck, type Shapes } from "./response.js";
import { settle } from "./settle.js";
import type { CallOptions, SendInit, Transport } from "./transport.js";
import { fail } from "./validate.js";

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
  readonly body?: "required" | "optional";
  /** The check of the 2xx JSON body. */
  readonly response?: FieldCheck;
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
  /** Path and query encoding: src/request-params.ts, or src/no-params.ts for an API without parameters. */
  encodeParams: EncodeParams;
}

export type Requester<Paths> = <O extends OperationSpec>(op: O, input: RequestInput<OperationOf<Paths, O>>, call?: CallOptions) => Promise<ResponseData<OperationOf<Paths, O>>>;

export type Params = { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
type Input = { params?: Params; body?: unknown };
/** Encodes path and query parameters (src/request-params.ts); see RequestConfig.encodeParams. */
export type EncodeParams = (op: OperationSpec, params: Params | undefined) => { pathname: string; search: string };

/** The request for `op`; throws ValidationError on bad input and sends nothing. */
export function buildRequest(op: OperationSpec, input: Input, config: Pick<RequestConfig, "headers" | "encodeParams">): { pathname: string; search: string; init: SendInit } {
  const where = { method: op.method, path: op.path };
  // header parameters (Sequence-Version) are set per client, from the generated enums
  if (input.params?.header) fail("are set per client, not per call", "header", where);
  const { pathname, search } = config.encodeParams(op, input.params);
  const init: SendInit = { method: op.method, headers: config.headers };
  if (op.body === "required" && input.body === undefined) fail("is required", "body", where);
  if (input.body !== undefined) {
    init.body = JSON.stringify(input.body);
    init.headers = { ...config.headers, "content-type": "application/json" };
  }
  return { pathname, search, init };
}

/** Builds the typed requester for one API. */
export function createRequester<Paths>(config: RequestConfig): Requester<Paths> {
  const { baseUrl, transport, redact, shapes } = config;
  return (async (op: OperationSpec, input: Input, call: CallOptions = {}) => {
    const { pathname, search, init } = buildRequest(op, input, config);
    const received = await transport(baseUrl + pathname + search, init, { ...call, path: pathname });
    const [body, ctx] = settle({ method: op.method, path: pathname, redact }, received);
    return op.response ? checkResponse(body, op.response, shapes, ctx) : body;
  }) as Requester<Paths>;
}
