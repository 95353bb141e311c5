// The client every API gets from what generate writes (generated/<api>/index.ts): the spec's servers
// as environments, its securitySchemes as the `auth` option, an API-version header as `apiVersion`,
// every parameter style, body and response media type, the transport's retries, timeouts, size cap
// and redirect refusal, typed errors, and redaction of every credential it sends.
// Generated code holds data, and per operation the encoders it needs beyond the defaults here (no
// parameters, JSON bodies and responses), so a bundle holds only those of the operations it imports;
// per API, the code for what only some specs declare (ClientParts).
import { createAuth, type AuthOptions, type SchemeKinds, type SecurityRequirement, type SecuritySchemeSpec } from "./auth.js";
import type { addIdempotencyKey } from "./idempotency-keys.js";
import type { UrlSecurityOptions } from "./environments.js";
import { redactor } from "./redact.js";
import { buildRequest, type EncodeParams, type Input, type OperationSpec, type OwnedHeadersOf, type Requester } from "./request.js";
import { readJson } from "./response.js";
import { serverUrl, type FillServerVariables, type ServerVariableSpec } from "./server-variables.js";
import { createTransport, type CallOptions, type TransportOptions } from "./transport.js";
import { fail, invalid } from "./validate.js";
import type { versionHeaders, VersionHeaderSpec } from "./version-header.js";

/** What generated/<api>/index.ts describes of an API besides its operations. */
export interface ApiSpec {
  /** The factory's name, for messages ("createPetsClient"). */
  readonly factory: string;
  /** Server URL templates by name (the first is the default). */
  readonly servers: { readonly [name: string]: string };
  readonly serverVariables?: { readonly [server: string]: { readonly [name: string]: ServerVariableSpec } };
  readonly securitySchemes?: { readonly [name: string]: SecuritySchemeSpec };
  /** The spec's top-level security requirement; an operation's own `security` overrides it. */
  readonly security?: SecurityRequirement;
  /** An enum-valued header every operation declares (an API version): sent on every call. */
  readonly versionHeader?: VersionHeaderSpec;
}

/**
 * The code for what only some specs declare, passed by a generated entry when its spec needs it, so
 * other APIs' bundles leave it out.
 */
export interface ClientParts {
  /** server-variables.ts's fillServerVariables: servers with variables. */
  fillVariables?: FillServerVariables;
  /** Scheme kinds beyond Authorization-header tokens (auth-basic.ts, auth-api-key.ts, auth-mutual-tls.ts). */
  schemeKinds?: SchemeKinds;
  /** version-header.ts's versionHeaders: required with `versionHeader`. */
  versionHeaders?: typeof versionHeaders;
  /** idempotency-keys.ts's addIdempotencyKey: an operation that declares `Idempotency-Key`. */
  idempotencyKey?: typeof addIdempotencyKey;
}

type Schemes<A extends ApiSpec> = A["securitySchemes"] extends object ? A["securitySchemes"] : {};
type VersionOption<A extends ApiSpec> = A["versionHeader"] extends { readonly values: readonly (infer V)[] } ? { /** Sent as the API's version header. Default: the newest value in the spec. */ apiVersion?: V } : {};

export type ApiClientOptions<A extends ApiSpec> = TransportOptions &
  UrlSecurityOptions &
  VersionOption<A> & {
    /** Which of the spec's servers to call. Default: the spec's first. */
    environment?: keyof A["servers"] & string;
    /** Overrides `environment`, e.g. for a proxy or a mock server. */
    baseUrl?: string;
    /** Values of the chosen server's variables; unset ones take the spec's defaults. */
    serverVariables?: Record<string, string>;
    /** Credentials by security scheme name: a token or token supplier, `{ username, password }` for HTTP Basic. */
    auth?: AuthOptions<Schemes<A>>;
    /**
     * Send an `Idempotency-Key` (one random UUID per call, the same on every retry) on operations
     * that declare that header, and retry them like idempotent calls. A key passed per call is kept.
     */
    idempotencyKeys?: boolean;
  };

export interface ApiClient<Paths, Owned extends string = never> {
  /** Sends one operation (an export of this API's entry) with `{ params, body, contentType }` as the spec types them. */
  request: Requester<Paths, Owned>;
}

const pathOnly: EncodeParams = (op) => ({ pathname: op.path, search: "" });

/** `parts`: the code for what the spec declares beyond the defaults (ClientParts). */
export function createApiClient<Paths, A extends ApiSpec = ApiSpec>(api: A, options: ApiClientOptions<A> = {} as ApiClientOptions<A>, parts: ClientParts = {}): ApiClient<Paths, OwnedHeadersOf<A>> {
  const { factory, versionHeader } = api;
  const given = options as ApiClientOptions<ApiSpec> & { apiVersion?: unknown };
  const baseUrl = serverUrl(api.servers, api.serverVariables, given, parts.fillVariables);
  const auth = createAuth(api.securitySchemes ?? {}, given.auth as Record<string, unknown> | undefined, parts.schemeKinds ?? {}, factory);
  const { secrets } = auth;
  let redact = redactor(secrets);
  const addSecret = (secret: string) => {
    if (!secrets.includes(secret)) redact = redactor(secrets.concat(secret)), secrets.push(secret);
  };
  const headers = versionHeader ? parts.versionHeaders!(versionHeader, given.apiVersion) : given.apiVersion === undefined ? {} : invalid(`apiVersion: this API declares no version header`, "apiVersion");
  const transport = createTransport(options);

  const request = async (op: OperationSpec, input: Input = {}, call: CallOptions = {}) => {
    const where = { method: op.method, path: op.path };
    // An operation without parameters names no encoder, and request-params.ts, query-styles.ts and
    // deep-object-query.ts send no header or cookie parameters: one none of them would send is refused here.
    const params = (input.params ?? {}) as Record<string, object>;
    for (const at in params) {
      if (op.params?.[at as "path"] && op.encodeParams) continue;
      for (const name in params[at]) fail(headers[name.toLowerCase()] ? "is set by the client (its API version option), not per call" : `is not a ${at} parameter of this operation`, name, where);
    }
    const { pathname, search, init } = buildRequest(op, input, { headers, encodeParams: op.encodeParams ?? pathOnly, encodeBody: op.encodeBody });
    // a copy: without header parameters init.headers is the client's own
    const signed = { headers: { ...(init.headers as Record<string, string>) }, search };
    await auth.sign(op.security ?? api.security ?? [], signed, where, addSecret);
    let { idempotent } = call;
    if (given.idempotencyKeys && parts.idempotencyKey?.(op, signed.headers)) idempotent ??= true;
    init.headers = signed.headers;
    const received = await transport(baseUrl + pathname + signed.search, init, { ...call, idempotent, path: pathname });
    const context = { method: op.method, path: pathname, redact };
    if (op.decodeResponse) return op.decodeResponse(op, received, context, input);
    return readJson(context, received, op.response);
  };
  return { request: request as Requester<Paths, OwnedHeadersOf<A>> };
}
