import { createRawClient, headerEnums, servers, type RawClient, type ServerName } from "../generated/sequence/client.js";
import { ValidationError } from "./errors.js";
import { checkBaseUrl, pickServer } from "./environments.js";
import { paginate, type Page, type PaginateOptions, type Paginator } from "./pagination.js";
import { redactor, settle, toSequenceUser, toUserList, type SequenceUser } from "./response.js";
import { sequenceAuthorization, type SequenceCredentials } from "./sequence-auth.js";
import { createTransport, type CallOptions, type Transport, type TransportOptions } from "./transport.js";
import { checkCursor, checkId, checkLimit } from "./validate.js";

export type SequenceEnvironment = ServerName;
/** Sequence base URLs by environment, from the spec's `servers`. */
export const sequenceEnvironments = servers;
/**
 * Production is the default: it is the server the vendor's own curl sample for `GET /users/{id}`
 * uses, and what SDKs conventionally default to (Seam's official SDK defaults to its production
 * endpoint too). Sandbox and dev are chosen explicitly with `environment`, or pass `baseUrl`.
 */
export const defaultSequenceEnvironment: SequenceEnvironment = "production";

/** Every `Sequence-Version` the spec knows. */
export type SequenceApiVersion = (typeof headerEnums)["Sequence-Version"][number];
export const sequenceApiVersions: readonly SequenceApiVersion[] = headerEnums["Sequence-Version"];
/** The newest version in the spec; sent unless `apiVersion` says otherwise. */
export const latestSequenceApiVersion: SequenceApiVersion = [...sequenceApiVersions].sort().at(-1)!;

export interface SequenceClientOptions extends SequenceCredentials, TransportOptions {
  /** Which of the spec's servers to call. Default "production" (see defaultSequenceEnvironment). */
  environment?: SequenceEnvironment;
  /** Overrides `environment`, e.g. for a proxy or a mock server. */
  baseUrl?: string;
  /** Sent as `Sequence-Version`. Default: the newest version in the spec. */
  apiVersion?: SequenceApiVersion;
}

/** Per-call options: an AbortSignal, and overrides of the client's timeout and retry policy. */
export type RequestOptions = Omit<CallOptions, "path">;

export interface ListUsersParams {
  /** Page size, 1..100. Default: the server's. */
  limit?: number;
  /** Resume forwards from a saved `pagination.after`. */
  after?: string;
  /** Walk backwards from a saved `pagination.before`. */
  before?: string;
}

export type ListUsersOptions = RequestOptions & PaginateOptions;

export interface SequenceClient {
  users: {
    /** A lazy paginator over all users; nothing is requested until you iterate. */
    list(params?: ListUsersParams, options?: ListUsersOptions): Paginator<SequenceUser>;
    get(id: string, options?: RequestOptions): Promise<SequenceUser>;
    /** Deletes the user and returns it (with `state` "deleted"). */
    delete(id: string, options?: RequestOptions): Promise<SequenceUser>;
  };
  /** The typed openapi-fetch client for this API, with auth, version header and transport applied. */
  raw: RawClient;
}

export function createSequenceClient(options: SequenceClientOptions = {}): SequenceClient {
  const { clientId, clientSecret, environment, baseUrl, apiVersion, ...transportOptions } = options;
  const { authorization, secrets } = sequenceAuthorization({ clientId, clientSecret });
  const version = apiVersion ?? latestSequenceApiVersion;
  if (typeof version !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(version)) {
    throw new ValidationError("apiVersion must be a YYYY-MM-DD date", { method: "", path: "", param: "apiVersion" });
  }
  const transport: Transport = createTransport(transportOptions);
  const redact = redactor(secrets);
  const raw = createRawClient({
    baseUrl:
      baseUrl !== undefined
        ? checkBaseUrl(baseUrl, "baseUrl")
        : pickServer(servers, environment ?? defaultSequenceEnvironment, "environment"),
    headers: { authorization, "sequence-version": version },
    // raw callers pass `signal` in the request init; hand it to the transport so aborts stop retries too
    fetch: (request: Request) => transport(request, { signal: request.signal }),
  });

  // Per-call options reach the transport through openapi-fetch's per-request `fetch`; `path` makes
  // transport errors name the API path (e.g. /users/u1) rather than the base URL's full path.
  const via = (call: RequestOptions | undefined, path: string) => {
    const options: CallOptions = call === undefined ? { path } : { ...call, path };
    return (request: Request) => transport(request, options);
  };

  const userCall =
    (method: "GET" | "DELETE") =>
    async (id: string, call?: RequestOptions): Promise<SequenceUser> => {
      checkId(id, "id", { method, path: "/users/{id}" });
      const path = `/users/${encodeURIComponent(id)}`;
      const init = { params: { path: { id } }, parseAs: "stream" as const, fetch: via(call, path) };
      const pending = method === "GET" ? raw.GET("/users/{id}", init) : raw.DELETE("/users/{id}", init);
      const [body, ctx] = await settle({ method, path, redact }, pending, call?.signal);
      return toSequenceUser(body, ctx);
    };

  return {
    raw,
    users: {
      get: userCall("GET"),
      delete: userCall("DELETE"),
      list(params, listOptions) {
        const where = { method: "GET", path: "/users" };
        const { limit: rawLimit, after: rawAfter, before: rawBefore } = params ?? {};
        const limit = checkLimit(rawLimit, where);
        const after = checkCursor(rawAfter, "after", where);
        const before = checkCursor(rawBefore, "before", where);
        if (after !== undefined && before !== undefined) {
          throw new ValidationError("GET /users: pass after or before, not both", { ...where, param: "before" });
        }
        const { maxPages, prefetch, ...call } = listOptions ?? {};
        const direction = before !== undefined ? "before" : "after";
        const fetchPage = async (cursor: string | undefined, signal: AbortSignal): Promise<Page<SequenceUser>> => {
          const query = cursor === undefined ? { limit } : { limit, [direction]: cursor };
          const pending = raw.GET("/users", {
            params: { query },
            parseAs: "stream",
            // buffered by default: a page body that breaks off is retried, so no page is lost
            fetch: (request: Request) => transport(request, { buffer: true, ...call, signal, path: "/users" }),
          });
          const [body, ctx] = await settle({ ...where, redact }, pending, signal);
          return toUserList(body, ctx);
        };
        return paginate(fetchPage, { cursor: after ?? before, direction }, { signal: call.signal, maxPages, prefetch }, where);
      },
    },
  };
}
