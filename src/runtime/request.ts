// The one request helper: every facade call goes through here. The method, path, parameter checks
// and response check come from the generated operation table; the arguments are typed by the
// generated `paths` through openapi-fetch's own types, so a parameter the spec renames or removes is
// a compile error in the facade. URLs are built here (not by openapi-fetch's client) so a bundle
// that never imports the raw client holds none of it. What only some APIs need (parameter styles,
// non-JSON bodies and responses) comes in through RequestConfig, so other bundles leave it out.
import type { ParamsOption, RequestBodyOption } from "openapi-fetch";
import type { MediaType, OperationRequestBodyMediaContent, Readable, ResponseObjectMap, SuccessResponse } from "openapi-typescript-helpers";
import { readJson, type FieldCheck } from "./response.js";
import type { CallContext } from "./settle.js";
import type { CallOptions, Received, SendInit, Transport } from "./transport.js";
import { fail, type Where } from "./validate.js";

/** One parameter. Omitted fields mean the OpenAPI default for its location. */
export interface ParamSpec {
  /** Written only when not the location's default (query, cookie: form; path, header: simple). */
  readonly style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject" | "simple" | "label" | "matrix";
  /** Written only when not the style's default (form: true; every other style: false). */
  readonly explode?: boolean;
  readonly allowReserved?: true;
  /** A parameter described with `content`: its media type; the value is sent as that media type (JSON for JSON types). */
  readonly content?: string;
  /** Not written for path parameters: OpenAPI requires each, and every encoder checks each one. */
  readonly required?: true;
  // Value checks, written only when the schema is a primitive or an array of primitives.
  readonly type?: "string" | "integer" | "number" | "boolean";
  readonly array?: true;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
}

/** One property's Encoding Object (multipart/form-data and application/x-www-form-urlencoded). */
export interface EncodingSpec {
  readonly contentType?: string;
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: true;
}

export interface BodySpec {
  readonly required?: true;
  /** The request body's media types as the spec declares them, JSON (application/json, then *+json) first when offered. */
  readonly media: readonly string[];
  /** Encoding Objects by media type, then property. */
  readonly encoding?: { readonly [media: string]: { readonly [property: string]: EncodingSpec } };
}

export type ParamLocation = "path" | "query" | "header" | "cookie";

/**
 * An operation's declared pagination (`x-pagination` in the spec, scripts/lib/pagination-spec.mjs).
 * Paths are dotted paths into the 2xx JSON body; `param` and `limit` are query parameters.
 */
export interface PaginateSpec {
  readonly kind: "cursor" | "page" | "offset";
  /** The query parameter that asks for a page: the cursor, page number or offset. */
  readonly param: string;
  /** The page's items (an array). */
  readonly items: string;
  /** cursor: the next cursor (absent, null or "" at the end). */
  readonly cursor?: string;
  /** cursor: the field of the last item that is the next cursor (Stripe's `starting_after` ← `id`). */
  readonly lastItem?: string;
  /** cursor, page: false when this is the last page. */
  readonly hasMore?: string;
  /** The total number of items across all pages; offset also stops when it is reached. */
  readonly total?: string;
  /** page: the number of pages; the listing stops after that page. */
  readonly totalPages?: string;
  /** page: the first page's number when the call does not name one (default 1). */
  readonly start?: number;
  /** offset: the page-size query parameter; a page shorter than the size asked for is the last. */
  readonly limit?: string;
}

/** One entry of a generated operation table (generated/<api>/client.ts). */
export interface OperationSpec {
  /** Upper case. */
  readonly method: string;
  /** As in the spec, e.g. "/users/{id}". */
  readonly path: string;
  readonly params?: { readonly [In in ParamLocation]?: { readonly [name: string]: ParamSpec } };
  readonly body?: BodySpec;
  /** The 2xx response media types declared (first 2xx with content); omitted when only application/json, [] when no 2xx has content. */
  readonly responseMedia?: readonly string[];
  /** The check of the 2xx JSON body. */
  readonly response?: FieldCheck;
  /** The operation's own security requirement (alternatives of scheme names), when it overrides the spec's. */
  readonly security?: readonly (readonly string[])[];
  /** Declared pagination (src/runtime/paginate-operation.ts). */
  readonly paginate?: PaginateSpec;
  // The encoders an operation needs beyond the defaults (request-params.ts, JSON bodies and responses),
  // written by generate for src/runtime/api-client.ts. Functions, not names, because a reference is the
  // only thing a bundler can follow: a client then bundles the encoders of the operations it imports.
  /** Parameter styles beyond request-params.ts's (param-style.ts). */
  readonly encodeParams?: EncodeParams;
  /** Bodies other than JSON (form-body.ts, body-encoding.ts). */
  readonly encodeBody?: EncodeBody;
  /** 2xx responses other than JSON (response-media.ts), for an entry with `responseMedia`. */
  readonly decodeResponse?: DecodeResponse;
}

/** The spec's operation object for a table entry. */
export type OperationOf<Paths, O extends OperationSpec> = Paths[O["path"] & keyof Paths][Lowercase<O["method"]> & keyof Paths[O["path"] & keyof Paths]];
/** The media types an operation's request body declares. */
export type BodyMediaOf<Op> = keyof NonNullable<OperationRequestBodyMediaContent<Op>> & string;
/** How a binary response is handed back: a Blob (default) or an ArrayBuffer. */
export type BinaryAs = "blob" | "arrayBuffer";
/**
 * `{ params, body }` exactly as openapi-fetch types them for that operation, plus `contentType`:
 * which of the body's declared media types to send (default: JSON when offered, else the first),
 * and `parseAs`: how a binary response comes back. `Owned` names the headers the client sends
 * itself (an API version): they are left out of `params.header`, since the runtime refuses them per call.
 */
export type RequestInput<Op, Owned extends string = never> = ParamsOption<WithoutHeaders<Op, Owned>> & RequestBodyOption<Op> & { contentType?: BodyMediaOf<Op>; parseAs?: BinaryAs };
/**
 * The 2xx body of an operation: the schema of each media type its 2xx responses declare (`*\/*`
 * included). A binary body is a Blob (scripts/lib/binary-types.mjs), an ArrayBuffer with `parseAs: "arrayBuffer"`.
 */
export type ResponseData<Op, As extends BinaryAs = "blob"> = Op extends Record<string | number, any> ? NonNullable<ReadAs<SuccessResponse<ResponseObjectMap<Op>, MediaType>, As>> : never;
// openapi-fetch's data type (FetchResponse) is Readable<> of this, but Readable<Blob> is a copy
// with `{}` methods; the runtime hands back a real Blob (or ArrayBuffer)
type ReadAs<Data, As extends BinaryAs> = Data extends Blob ? (As extends "arrayBuffer" ? ArrayBuffer : Blob) : Readable<Data>;
/** The operation with `Owned` left out of its header parameters (and `header` itself when none is left). */
export type WithoutHeaders<Op, Owned extends string> = [Owned] extends [never] ? Op : Op extends { parameters: infer P } ? Omit<Op, "parameters"> & { parameters: Flat<Omit<P, "header"> & HeaderParams<P extends { header?: infer H } ? Omit<NonNullable<H>, Owned> : {}>> } : Op;
type HeaderParams<H> = keyof H extends never ? { header?: never } : {} extends H ? { header?: H } : { header: H };
type Flat<T> = { [K in keyof T]: T[K] };
/** The headers a generated client sends itself: its API's version header (ApiSpec in api-client.ts). */
export type OwnedHeadersOf<A> = A extends { readonly versionHeader: { readonly name: infer N extends string } } ? N : never;

export interface RequestConfig {
  baseUrl: string;
  /** Headers the client owns (auth, API version): sent on every call, refused as per-call parameters. */
  headers: Readonly<Record<string, string>>;
  transport: Transport;
  redact: (text: string) => string;
  /** Parameter encoding: src/runtime/no-params.ts (an API without parameters), src/runtime/request-params.ts (string ids, form query) or src/runtime/param-style.ts (every style). */
  encodeParams: EncodeParams;
  /** Needed for request bodies other than application/json (src/runtime/body-encoding.ts). */
  encodeBody?: EncodeBody;
  /** Reads 2xx responses other than JSON for operations whose entry has `responseMedia` (src/runtime/response-media.ts); without it, every response is read as JSON. */
  decodeResponse?: DecodeResponse;
}

/** The spec's operation object at a path and (upper-case) method. */
export type OperationAt<Paths, P extends keyof Paths, M extends string> = Paths[P][Lowercase<M> & keyof Paths[P]];
/**
 * Sends one operation; `Owned` are the client's own headers (RequestInput), `As` follows the call's
 * `parseAs`. Generic over the entry's path and method, not the entry itself: through
 * OperationOf<Paths, O>, tsc resolves openapi-fetch's ParamsOption over every operation of the API
 * while checking one call (bench/consumer-tsc).
 */
export type Requester<Paths, Owned extends string = never> = <P extends keyof Paths, M extends string, As extends BinaryAs = "blob">(
  op: OperationSpec & { readonly path: P; readonly method: M },
  input: RequestInput<OperationAt<Paths, P, M>, Owned> & { parseAs?: As },
  call?: CallOptions,
) => Promise<ResponseData<OperationAt<Paths, P, M>, As>>;

export type Params = { [In in ParamLocation]?: Record<string, unknown> };
export type Input = { params?: Params; body?: unknown; contentType?: string; parseAs?: BinaryAs };
/** Encodes path, query, header and cookie parameters; `headers` are the client's own (RequestConfig.headers). */
export type EncodeParams = (op: OperationSpec, params: Params | undefined, headers: Readonly<Record<string, string>>) => { pathname: string; search: string; headers?: Record<string, string> };
/** Puts `input.body` into `init` (body, content-type; `duplex` for a stream, which is then never retried). */
export type EncodeBody = (op: OperationSpec, input: Input, init: SendInit, where: Where) => void;
/** The 2xx body of a received response by its media type, or the typed error. */
export type DecodeResponse = (op: OperationSpec, received: Received, call: CallContext, input: Input) => unknown;

/** Refuses an operation this requester's config cannot send. */
export const need = (option: string, { method, path }: Where): never => fail(`needs ${option} in createRequester's config`, "this operation", { method, path });

// Without encodeBody every body is JSON. Facades that pass none bind only JSON-bodied operations,
// which src/runtime/request-params.ts's PlainOperations checks at compile time (no runtime guard per call).
const encodeJson: EncodeBody = (_op, input, init) => {
  init.body = JSON.stringify(input.body);
  init.headers = { ...init.headers, "content-type": "application/json" };
};

/** The request for `op`; throws ValidationError on bad input and sends nothing. */
export function buildRequest(op: OperationSpec, input: Input, config: Pick<RequestConfig, "headers" | "encodeParams" | "encodeBody">): { pathname: string; search: string; init: SendInit } {
  const { pathname, search, headers = config.headers } = config.encodeParams(op, input.params, config.headers);
  const where = { method: op.method, path: op.path };
  const init: SendInit = { method: op.method, headers };
  if (input.body !== undefined) (config.encodeBody ?? encodeJson)(op, input, init, where);
  else if (op.body?.required) fail("is required", "body", where);
  return { pathname, search, init };
}

/** Builds the typed requester for one API. */
export function createRequester<Paths>(config: RequestConfig): Requester<Paths> {
  const { baseUrl, transport, redact, decodeResponse } = config;
  return (async (op: OperationSpec, input: Input, call: CallOptions = {}) => {
    const { pathname, search, init } = buildRequest(op, input, config);
    const received = await transport(baseUrl + pathname + search, init, { ...call, path: pathname });
    const context = { method: op.method, path: pathname, redact };
    // without decodeResponse every response is read as JSON: a text or binary 2xx is a MalformedResponseError
    if (op.responseMedia && decodeResponse) return decodeResponse(op, received, context, input);
    return readJson(context, received, op.response);
  }) as Requester<Paths>;
}
