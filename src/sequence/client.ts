// each operation is its own export: this module bundles the ones it calls, not the whole table
import * as operations from "../../generated/sequence/operations.js";
import type { paths } from "../../generated/sequence/types.js";
import { walk, type PaginateOptions, type Paginator, type SettledPage } from "../runtime/pagination.js";
import { buildRequest, createRequester, type OperationOf, type RequestInput } from "../runtime/request.js";
import { encodeParams, type Plainly } from "../runtime/request-params.js";
import type { ListSequenceUsersResponse, PaginationResponse, SequenceUser } from "./types.js";
import { sequenceConnection, type SequenceClientOptions } from "./options.js";
import type { CallOptions } from "../runtime/transport.js";
import { checkCursor, invalid } from "../runtime/validate.js";

export {
  defaultSequenceEnvironment,
  latestSequenceApiVersion,
  sequenceApiVersions,
  sequenceEnvironments,
  type SequenceApiVersion,
  type SequenceClientOptions,
  type SequenceEnvironment,
} from "./options.js";

/** Per-call options: an AbortSignal, and overrides of the client's timeout and retry policy. */
export type RequestOptions = Omit<CallOptions, "path">;

// Sequence's operations must stay within what the plain request path sends as the spec says: a
// parameter style, a number path id, a non-JSON body or response in a new spec fails to compile here.
export type SequenceOperations = Plainly<typeof operations>;

type GetUsers = OperationOf<paths, typeof operations.getUsers>;

// users.list() pages as Sequence's overlay declares it (x-pagination: `after` ← `pagination.after`,
// over `items`); a declaration that changes must not compile until list() follows it.
type Declared<T extends { readonly kind: "cursor"; readonly param: "after"; readonly cursor: "pagination.after"; readonly items: "items" }> = T;
export type SequenceUsersPagination = Declared<typeof operations.getUsers.paginate>;
type ListQuery = NonNullable<RequestInput<GetUsers>["params"]>["query"];

/**
 * `GET /users`'s query parameters, from the spec. `after`/`before` also take what a page's
 * `pagination.after`/`.before` hold, `null` included: null means that end was reached, and the
 * listing yields nothing.
 */
export type ListUsersParams = Omit<NonNullable<ListQuery>, "after" | "before"> & {
  after?: PaginationResponse["after"];
  before?: PaginationResponse["before"];
};

export type ListUsersOptions = RequestOptions & PaginateOptions;

/**
 * One page of `GET /users` as `list()` yields it: the spec's page, with `pagination.after` and
 * `.before` always `string | null` (null: that end was reached), ready for a `string | null` store.
 */
export type SequenceUsersPage = SettledPage<ListSequenceUsersResponse>;

export interface SequenceClient {
  users: {
    /** A lazy paginator over all users; nothing is requested until you iterate. */
    list(params?: ListUsersParams, options?: ListUsersOptions): Paginator<SequenceUsersPage>;
    get(id: string, options?: RequestOptions): Promise<SequenceUser>;
    /** Deletes the user and returns it (with `state` "deleted"). */
    delete(id: string, options?: RequestOptions): Promise<SequenceUser>;
  };
}

export function createSequenceClient(options: SequenceClientOptions = {}): SequenceClient {
  const connection = sequenceConnection(options);
  const config = { ...connection, encodeParams };
  const request = createRequester<paths>(config);

  return {
    users: {
      get: (id, call) => request(operations.getUsersById, { params: { path: { id } } }, call),
      delete: (id, call) => request(operations.deleteUsersById, { params: { path: { id } } }, call),
      list(params = {}, listOptions = {}) {
        const op = operations.getUsers;
        const where = { method: op.method, path: op.path };
        const { after, before, ...query } = params;
        if (after !== undefined && before !== undefined) invalid("GET /users: pass after or before, not both", "before", where);
        const direction = before === undefined ? "after" : "before";
        const start = direction === "after" ? after : before;
        checkCursor(start, direction, where); // null passes: that end was reached
        // two literals, not one with a computed key: a cursor parameter the spec renames must not compile
        const input = (cursor: string | undefined): RequestInput<GetUsers> => {
          if (direction === "after") return { params: { query: { ...query, after: cursor } } };
          return { params: { query: { ...query, before: cursor } } };
        };
        buildRequest(op, input(start ?? undefined), config); // bad parameters throw now, not on the first page
        type Page = SequenceUsersPage;
        return walk<Page, Page["items"][number], string>(
          // the transport ignores the paging options (maxPages, prefetch) that ride along
          (cursor, signal) => request(op, input(cursor), { ...listOptions, signal }) as Promise<Page>,
          start,
          (page) => page.items,
          ({ pagination }) => {
            // absent or "" is an end too: store null, which list({ after }) takes as "ended"
            pagination.after ||= null;
            pagination.before ||= null;
            return pagination[direction];
          },
          listOptions,
          where,
          (self: { -readonly [K in keyof Paginator<Page>]: Paginator<Page>[K] }, { pagination }) => {
            self.pagination = pagination;
            self.totalResultSize = pagination.totalResultSize ?? self.totalResultSize;
          },
        ) as Paginator<Page>;
      },
    },
  };
}
