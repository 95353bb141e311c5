// The client every API gets from what generate writes (generated/<api>/index.ts): the spec's servers
// as environments, its securitySchemes as the `auth` option, an API-version header as `apiVersion`,
// every parameter style, body and response media type, the transport's retries, timeouts, size cap
// and redirect refusal, typed errors, and redaction of every credential it sends.
// Generated code holds data, and per operation the encoders it needs beyond the defaults here (no
// parameters, JSON bodies and responses), so a bundle holds only those of the operations it imports.
import { authFor, checkAuth, type AuthOptions, type SecurityRequirement, type SecuritySchemeSpec } from "./auth.js";
import type { UrlSecurityOptions } from "./environments.js";
import { redactor } from "./redact.js";
import { buildRequest, type EncodeParams, type Input, type OperationSpec, type OwnedHeadersOf, type Requester } from "./request.js";
import { checkResponse } from "./response.js";
import { serverUrl, type FillServerVariables, type ServerVariableSpec } from "./server-variables.js";
import { settle } from "./settle.js";
import { createTransport, type CallOptions, type TransportOptions } from "./transport.js";
import { fail, invalid } from "./validate.js";

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
  readonly versionHeader?: { readonly name: string; readonly values: readonly string[] };
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

/** `fillVariables`: server-variables.ts's fillServerVariables, passed by entries whose servers have variables. */
export function createApiClient<Paths, A extends ApiSpec = ApiSpec>(api: A, options: ApiClientOptions<A> = {} as ApiClientOptions<A>, fillVariables?: FillServerVariables): ApiClient<Paths, OwnedHeadersOf<A>> {
  const { factory, securitySchemes: schemes = {}, versionHeader } = api;
  const given = options as ApiClientOptions<ApiSpec> & { apiVersion?: unknown };
  const baseUrl = serverUrl(api.servers, api.serverVariables, given, fillVariables);
  const auth = (given.auth ?? {}) as Record<string, unknown>;
  const secrets = checkAuth(schemes, given.auth as Record<string, unknown> | undefined, factory);
  let redact = redactor(secrets);
  const addSecret = (secret: string) => {
    if (!secrets.includes(secret)) redact = redactor(secrets.concat(secret)), secrets.push(secret);
  };
  const headers: Record<string, string> = {};
  if (versionHeader) {
    const { apiVersion = [...versionHeader.values].sort().at(-1) } = given;
    if (!versionHeader.values.includes(apiVersion as string)) invalid(`apiVersion must be one of ${versionHeader.values.join(", ")} (sent as ${versionHeader.name})`, "apiVersion");
    headers[versionHeader.name.toLowerCase()] = apiVersion as string;
  } else if (given.apiVersion !== undefined) invalid(`apiVersion: this API declares no version header`, "apiVersion");
  const transport = createTransport(options);

  const request = async (op: OperationSpec, input: Input = {}, call: CallOptions = {}) => {
    const where = { method: op.method, path: op.path };
    // An operation without parameters names no encoder, and request-params.ts and query-styles.ts send
    // no header or cookie parameters: a parameter none of them would send is refused here.
    const params = (input.params ?? {}) as Record<string, object>;
    for (const at in params) {
      if (op.params?.[at as "path"] && op.encodeParams) continue;
      for (const name in params[at]) fail(headers[name.toLowerCase()] ? "is set by the client (its API version option), not per call" : `is not a ${at} parameter of this operation`, name, where);
    }
    const { pathname, search, init } = buildRequest(op, input, { headers, encodeParams: op.encodeParams ?? pathOnly, encodeBody: op.encodeBody });
    const parts = await authFor(op.security ?? api.security ?? [], schemes, auth, where, addSecret, factory);
    const sent: Record<string, string> = { ...(init.headers as Record<string, string>), ...parts.headers };
    if (parts.cookies.length) sent.cookie = [sent.cookie, ...parts.cookies].filter(Boolean).join("; ");
    let { idempotent } = call;
    if (given.idempotencyKeys && Object.keys(op.params?.header ?? {}).some((name) => name.toLowerCase() === "idempotency-key")) {
      // one key per logical call: the transport sends this same init on every retry
      sent["idempotency-key"] ??= crypto.randomUUID();
      idempotent ??= true;
    }
    init.headers = sent;
    const query = [search.slice(1), ...parts.query].filter(Boolean).join("&");
    const received = await transport(baseUrl + pathname + (query && `?${query}`), init, { ...call, idempotent, path: pathname });
    const context = { method: op.method, path: pathname, redact };
    if (op.decodeResponse) return op.decodeResponse(op, received, context, input);
    const [body, ctx] = settle(context, received);
    return op.response ? checkResponse(body, op.response, ctx) : body;
  };
  return { request: request as Requester<Paths, OwnedHeadersOf<A>> };
}
