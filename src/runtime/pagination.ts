// Lazy cursor pagination. Holds one page in memory (two with prefetch), stops on a null/absent
// cursor or an empty page, and treats a cursor it has already requested as a server bug. Generic
// over the page type, which each API takes from its spec (e.g. ListSequenceUsersResponse).
import { PaginationError } from "./errors.js";
import { checkCount, isWellFormed, MAX_CURSOR_LENGTH } from "./validate.js";

/** What paging needs of a page: its items and its cursors. */
export interface CursorPage {
  items: readonly unknown[];
  pagination: { after?: string | null; before?: string | null; totalResultSize?: number };
}
/** The item type of a page. */
export type ItemOf<P extends CursorPage> = P["items"][number];

/**
 * A page as the paginator yields it: `after` and `before` always present, `null` where that end was
 * reached (a server may leave a null cursor out), so a saved cursor never reads as "start over".
 */
export type SettledPage<P extends CursorPage> = {
  [K in keyof P]: K extends "pagination" ? Flat<Omit<P[K], "after" | "before"> & { after: string | null; before: string | null }> : P[K];
};
type Flat<T> = { [K in keyof T]: T[K] };

export type Direction = "after" | "before";

/** Fetches the page at `cursor` (the first page when undefined), walking in `direction`. */
export type FetchPage<P> = (cursor: string | undefined, signal: AbortSignal) => Promise<P>;

export interface PaginateOptions {
  /** Stops page requests (and a running prefetch) when aborted; iteration then throws its reason. */
  signal?: AbortSignal;
  /** Stop after this many pages. `paginator.pagination` then still holds the cursor to resume from. */
  maxPages?: number;
  /** Request the next page while the caller works on the current one. Default false. */
  prefetch?: boolean;
}

/** A lazy, re-iterable listing: `for await` over items, `.pages()` over pages, `.toArray()`. */
export interface Paginator<P extends CursorPage> extends AsyncIterable<ItemOf<P>> {
  /** Yields `{ items, pagination }` page by page. Each call starts again from the first request. */
  pages(): AsyncIterableIterator<P>;
  /** Collects items; stops requesting pages once `max` items are in. */
  toArray(options?: { max?: number }): Promise<ItemOf<P>[]>;
  /** `pagination.totalResultSize` of the latest page, once a page has arrived. */
  readonly totalResultSize: number | undefined;
  /**
   * The pagination of the latest page yielded. Save its `after` (or `before`) to resume later with
   * `list({ after })`; resuming is per page (a page refused as a loop is requested again).
   */
  readonly pagination: P["pagination"] | undefined;
}

const noop = () => {};

/**
 * `start.cursor` undefined starts at the first page; null (a saved `pagination.after` at the end)
 * means that end was reached: nothing is requested and nothing yielded.
 */
export function paginate<P extends CursorPage>(
  fetchPage: FetchPage<P>,
  start: { cursor: string | null | undefined; direction: Direction },
  options: PaginateOptions,
  where: { method: string; path: string },
): Paginator<SettledPage<P>> {
  const { signal: callerSignal, maxPages = Infinity, prefetch } = options;
  checkCount(options.maxPages, "maxPages", where, 1);
  const { cursor: first, direction } = start;

  type S = SettledPage<P>;
  const paginator: { -readonly [K in keyof Paginator<S>]: Paginator<S>[K] } = {
    totalResultSize: undefined,
    pagination: undefined,

    async *pages() {
      // Aborted by the caller's signal, or when the consumer stops early so a prefetch is cancelled.
      // Linked by hand rather than AbortSignal.any, which older browsers lack.
      const stop = new AbortController();
      const { signal } = stop;
      const follow = () => stop.abort(callerSignal!.reason);
      if (callerSignal?.aborted) follow();
      else callerSignal?.addEventListener("abort", follow);
      const requested = new Set<string | undefined>();

      const request = (cursor: string | undefined): Promise<P> => {
        const promise = signal.aborted ? Promise.reject(signal.reason) : fetchPage(cursor, signal);
        requested.add(cursor);
        promise.catch(noop); // a prefetch may be abandoned; its error surfaces only if awaited
        return promise;
      };

      let pending: Promise<P> | undefined = first === null ? undefined : request(first);
      try {
        while (pending) {
          const page = (await pending) as unknown as S;
          pending = undefined;
          const { pagination } = page;
          // absent or "" is an end too: store null, which list({ after }) takes as "ended"
          pagination.after ||= null;
          pagination.before ||= null;
          const next = pagination[direction];
          const more = page.items.length > 0 && next !== null;
          // A cursor already requested means the server is looping (often: it ignored the cursor and
          // sent an earlier page again). Refuse this page before yielding it, so nothing is duplicated,
          // and keep `pagination` at the last good page so a later resume re-requests this one.
          if (more && requested.has(next)) {
            throw new PaginationError(`${where.method} ${where.path}: the server repeated a cursor; stopped instead of looping`, where);
          }
          // the cursor goes back in a query string: one we could not send is the server's bug, not the caller's
          if (more && (next.length > MAX_CURSOR_LENGTH || !isWellFormed(next))) {
            throw new PaginationError(`${where.method} ${where.path}: the server sent a cursor longer than ${MAX_CURSOR_LENGTH} characters or not valid unicode`, where);
          }
          paginator.pagination = pagination;
          paginator.totalResultSize = pagination.totalResultSize ?? paginator.totalResultSize;
          const go = more && requested.size < maxPages;
          if (go && prefetch) pending = request(next);
          yield page;
          if (go && !pending) pending = request(next);
        }
      } finally {
        callerSignal?.removeEventListener("abort", follow);
        stop.abort();
      }
    },

    async *[Symbol.asyncIterator]() {
      for await (const page of paginator.pages()) {
        for (const item of page.items) {
          if (callerSignal?.aborted) throw callerSignal.reason; // an abort stops at once, mid-page too
          yield item;
        }
      }
    },

    async toArray(options = {}) {
      const max = checkCount(options.max, "max", where) ?? Infinity;
      const items: ItemOf<S>[] = [];
      if (max > 0) for await (const item of paginator) if (items.push(item) >= max) break;
      return items;
    },
  };
  return paginator;
}
