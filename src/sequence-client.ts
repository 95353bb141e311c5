import { createRawClient, headerEnums, operations, servers, type RawClient, type ServerName } from "../generated/sequence/client.js";
import { checkBaseUrl, pickServer } from "./environments.js";
import { paginate, type Page, type PaginateOptions, type Paginator } from "./pagination.js";
import { redactor } from "./redact.js";
import { toSequenceUser, toUserList, type SequenceUser } from "./response.js";
import { settle } from "./settle.js";
import { sequenceAuthorization, type SequenceCredentials } from "./sequence-auth.js";
import { createTransport, type CallOptions, type TransportOptions } from "./transport.js";
import { checkCursor, checkId, checkLimit, invalid } from "./validate.js";

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
  const { clientId, clientSecret, environment = defaultSequenceEnvironment, baseUrl, apiVersion = latestSequenceApiVersion, ...transportOptions } = options;
  const { authorization, secrets } = sequenceAuthorization({ clientId, clientSecret });
  if (typeof apiVersion !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) invalid("apiVersion must be a YYYY-MM-DD date", "apiVersion");
  const transport = createTransport(transportOptions);
  const redact = redactor(secrets);
  const base = baseUrl === undefined ? pickServer(servers, environment, "environment") : checkBaseUrl(baseUrl, "baseUrl");
  const headers = { authorization, "sequence-version": apiVersion };
  const raw = createRawClient({
    baseUrl: base,
    headers,
    // raw callers pass `signal` in the request init; hand it to the transport so aborts stop retries too
    fetch: (request: Request) => transport(request, { signal: request.signal }),
  });

  // The facade's own calls skip openapi-fetch's Request building: fetch builds the one Request, which
  // keeps a call's CPU cost near a plain fetch's (bench/client). `path` makes errors name the API
  // path (e.g. /users/u1) rather than the base URL's full path.
  const send = (method: string, path: string, call: CallOptions, query = "") =>
    settle({ method, path, redact, signal: call.signal }, transport(base + path + query, { ...call, path }, { method, headers }));

  // Methods and paths come from the spec's operation table, so the facade cannot drift from it.
  const userCall =
    ({ method, path }: { method: string; path: "/users/{id}" }) =>
    async (id: string, call: RequestOptions = {}): Promise<SequenceUser> => {
      checkId(id, "id", { method, path });
      return toSequenceUser(...(await send(method, path.replace("{id}", encodeURIComponent(id)), call)));
    };

  return {
    raw,
    users: {
      get: userCall(operations.getUsersById),
      delete: userCall(operations.deleteUsersById),
      list(params, listOptions) {
        const where = { method: operations.getUsers.method, path: operations.getUsers.path };
        const { limit: rawLimit, after: rawAfter, before: rawBefore } = params ?? {};
        const limit = checkLimit(rawLimit, where);
        const after = checkCursor(rawAfter, "after", where);
        const before = checkCursor(rawBefore, "before", where);
        if (after && before) invalid("GET /users: pass after or before, not both", "before", where);
        const { maxPages, prefetch, ...call } = listOptions ?? {};
        const direction = before === undefined ? "after" : "before";
        const fetchPage = async (cursor: string | undefined, signal: AbortSignal): Promise<Page<SequenceUser>> => {
          const query = Object.entries({ limit, [direction]: cursor })
            .flatMap(([name, value]) => (value === undefined ? [] : `${name}=${encodeURIComponent(value)}`))
            .join("&");
          // buffered by default: a page body that breaks off is retried, so no page is lost
          return toUserList(...(await send("GET", where.path, { buffer: true, ...call, signal }, query && `?${query}`)));
        };
        return paginate(fetchPage, { cursor: after ?? before, direction }, { signal: call.signal, maxPages, prefetch }, where);
      },
    },
  };
}
