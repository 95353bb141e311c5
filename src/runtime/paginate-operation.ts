// The paginator of any operation whose table entry declares `paginate` (x-pagination in the spec):
// cursor, page and offset schemes on the one loop of pagination.ts, so each gets the same laziness,
// prefetch, resume, loop detection, maxPages, toArray({ max }) and abort. Kept apart from
// pagination.ts so a bundle that only lists Sequence users leaves the page and offset logic out.
import { PaginationError } from "./errors.js";
import { walk, type PaginateOptions, type Position, type Walk } from "./pagination.js";
import type { OperationOf, OperationSpec, PaginateSpec, Requester, RequestInput, ResponseData } from "./request.js";
import type { CallOptions } from "./transport.js";
import { checkCount, checkCursor } from "./validate.js";

/** The type at a dotted path ("pagination.after") of T. */
export type At<T, P extends string> = P extends `${infer H}.${infer R}` ? At<NonNullable<T>[H & keyof NonNullable<T>], R> : NonNullable<T>[P & keyof NonNullable<T>];

/** T with the value at a dotted path replaced by V (optional parents stay optional). */
type SetAt<T, P extends string, V> = T extends readonly unknown[]
  ? T
  : T extends object
    ? P extends `${infer H}.${infer R}`
      ? { [K in keyof T]: K extends H ? SetAt<T[K], R, V> : T[K] }
      : Flat<Omit<T, P> & { [K in P]: V }>
    : T;
type Flat<T> = { [K in keyof T]: T[K] };

/** A page as paginateOperation yields it: a declared `cursor` reads `string | null` (null: the end), never absent or "". */
export type PageOf<Page, S extends PaginateSpec> = S extends { readonly cursor: infer C extends string } ? SetAt<Page, C, Exclude<At<Page, C>, undefined | null> | null> : Page;
/** The item type of a page, from the declared items path. */
export type ItemAt<Page, S extends PaginateSpec> = At<Page, S["items"]> extends readonly (infer I)[] ? I : unknown;

/** A table entry that declares pagination. */
export type PaginatedOperation = OperationSpec & { readonly paginate: PaginateSpec };

export interface OperationPaginator<Page, Item> extends Walk<Page, Item> {
  /**
   * Where the page after the latest one yielded starts: a cursor, page number or offset; null once
   * the end is reached; undefined before the first page. Save it and pass it as `from` to resume.
   */
  readonly next: Position | null | undefined;
  /** The declared `total` of the latest page, once a page has arrived. */
  readonly totalResultSize: number | undefined;
}

export type PaginateOperationOptions = Omit<CallOptions, "path"> &
  PaginateOptions & {
    /**
     * Start here instead of at the first page (or at the position the input names): a saved
     * `paginator.next`. null means the end was reached: nothing is requested and nothing yielded.
     */
    from?: Position | null;
  };

/** The value at a dotted path; undefined where any step is missing. */
const read = (value: unknown, path: string): any => path.split(".").reduce((v: any, key) => (v == null ? undefined : v[key]), value);

/**
 * A lazy paginator over `op`, which must declare `paginate`. `request` is the API's requester
 * (createRequester); `input` is the call's input without the paging parameter, or with it to start
 * there. Generated clients expose this as `client.paginate(op, input, options)`.
 */
export function paginateOperation<Paths, O extends PaginatedOperation, Owned extends string = never>(
  request: Requester<Paths, Owned>,
  op: O,
  input: RequestInput<OperationOf<Paths, O>, Owned>,
  options: PaginateOperationOptions = {},
): OperationPaginator<PageOf<ResponseData<OperationOf<Paths, O>>, O["paginate"]>, ItemAt<ResponseData<OperationOf<Paths, O>>, O["paginate"]>> {
  const spec: PaginateSpec = op.paginate;
  const where = { method: op.method, path: op.path };
  const { from, maxPages, prefetch, ...call } = options;
  const given = input as { params?: { query?: Record<string, unknown> } };
  const query = given.params?.query;
  const start = from !== undefined ? from : (query?.[spec.param] as Position | undefined);
  // a saved position is checked like the caller's input: it goes back into a query string
  if (start != null) {
    if (spec.kind === "cursor") typeof start === "number" || checkCursor(start, from === undefined ? spec.param : "from", where);
    else checkCount(start, from === undefined ? spec.param : "from", where);
  }
  const limit = spec.limit === undefined ? undefined : query?.[spec.limit];
  const positions = new WeakMap<object, Position | undefined>();
  let signature: string | undefined;
  const serverBug = (what: string) => new PaginationError(`${where.method} ${where.path}: the server ${what}`, where);

  const fetchPage = async (at: Position | undefined, signal: AbortSignal) => {
    const params = { ...given.params, query: { ...query, [spec.param]: at } };
    // the requester's types bind the entry's path literal; inside this generic function it is only a string
    const send = request as unknown as (op: OperationSpec, input: unknown, call: object) => Promise<unknown>;
    const page = (await send(op, { ...input, params }, { ...call, signal })) as object;
    if (page !== null && typeof page == "object") positions.set(page, at);
    return page;
  };

  const nextOf = (page: object): Position | null => {
    const items: unknown[] = read(page, spec.items);
    if (!Array.isArray(items)) throw serverBug(`sent a page without a list at ${spec.items}`);
    const at = positions.get(page);
    if (spec.hasMore !== undefined && read(page, spec.hasMore) === false) return null;
    if (spec.kind === "cursor") {
      if (spec.lastItem !== undefined) return items.length ? cursorOf(read(items[items.length - 1], spec.lastItem)) : null;
      const keys = spec.cursor!.split(".");
      const last = keys.pop()!;
      const parent = keys.length ? read(page, keys.join(".")) : page;
      if (parent === null || typeof parent != "object") return null;
      // absent or "" is an end too: the page then says null, which `from` takes as "ended"
      if (parent[last] == null || parent[last] === "") parent[last] = null;
      return cursorOf(parent[last]);
    }
    // Page and offset positions are the client's own count, so a server that ignores them sends the
    // same page again: refused before it is yielded, like a repeated cursor.
    const seen = JSON.stringify(items);
    if (at !== start) {
      if (items.length && seen === signature) throw serverBug(`sent the same page again for ${spec.param}=${at}; stopped instead of looping`);
    }
    signature = seen;
    if (spec.kind === "page") {
      const current = (at as number | undefined) ?? spec.start ?? 1;
      const pages = spec.totalPages === undefined ? undefined : read(page, spec.totalPages);
      return typeof pages == "number" && current >= pages ? null : current + 1;
    }
    const next = ((at as number | undefined) ?? 0) + items.length;
    const total = spec.total === undefined ? undefined : read(page, spec.total);
    // a stated total beats the short-page rule: a server may cap the page below the limit asked for
    if (typeof total == "number") return next >= total ? null : next;
    return typeof limit == "number" && items.length < limit ? null : next;
  };

  const cursorOf = (value: unknown): Position | null => {
    if (value == null || value === "") return null;
    if (typeof value != "string" && typeof value != "number") throw serverBug(`sent a cursor that is not a string or number at ${spec.cursor ?? spec.lastItem}`);
    return value;
  };

  return walk(fetchPage, start, (page) => read(page, spec.items), nextOf, { signal: call.signal, maxPages, prefetch }, where, (self, page, next) => {
    const total = spec.total === undefined ? undefined : read(page, spec.total);
    self.next = next;
    self.totalResultSize = typeof total == "number" ? total : self.totalResultSize;
  }) as never;
}

/**
 * `paginateOperation` over a client's requester, as generated entries export it:
 * `paginate(client, listCharges, { params }, { prefetch: true })`. A standalone function, not a
 * client method, so a bundle that pages nothing leaves this module out.
 */
export function paginate<Paths, O extends PaginatedOperation, Owned extends string = never>(
  client: { readonly request: Requester<Paths, Owned> },
  op: O,
  input: RequestInput<OperationOf<Paths, O>, Owned>,
  options?: PaginateOperationOptions,
): OperationPaginator<PageOf<ResponseData<OperationOf<Paths, O>>, O["paginate"]>, ItemAt<ResponseData<OperationOf<Paths, O>>, O["paginate"]>> {
  return paginateOperation(client.request, op, input, options);
}
