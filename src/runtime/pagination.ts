// Lazy pagination: one loop (walk) for every scheme. Holds one page in memory (two with prefetch),
// stops where the scheme says the end is or on an empty page, and treats a position it has already
// requested as a server bug. Sequence's users.list() drives it with its after/before cursor;
// paginate-operation.ts drives it with each operation's declared scheme. Generic over the page type,
// which each API takes from its spec (e.g. ListSequenceUsersResponse).
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

/** Where a page starts: a cursor, a page number or an offset. */
export type Position = string | number;

/**
 * The lazy listing every scheme shares. `first` undefined starts at the first page; null (a saved
 * position at the end) requests and yields nothing. `nextOf` says where the page after `page` starts
 * (null: the end); it runs once per page, before the page is yielded, and may settle the page or
 * throw PaginationError. `seen` then records an accepted page's state on the paginator, so a page
 * refused as a loop leaves the state at the last good page.
 */
export function walk<P, I, Pos extends Position>(
  fetchPage: (at: Pos | undefined, signal: AbortSignal) => Promise<P>,
  first: Pos | null | undefined,
  itemsOf: (page: P) => readonly I[],
  nextOf: (page: P) => Pos | null,
  options: PaginateOptions,
  where: { method: string; path: string },
  seen: (paginator: any, page: P, next: Pos | null) => void,
): Walk<P, I> {
  const { signal: callerSignal, maxPages = Infinity, prefetch } = options;
  checkCount(options.maxPages, "maxPages", where, 1);

  const paginator: Walk<P, I> = {
    async *pages() {
      // Aborted by the caller's signal, or when the consumer stops early so a prefetch is cancelled.
      // Linked by hand rather than AbortSignal.any, which older browsers lack.
      const stop = new AbortController();
      const { signal } = stop;
      const follow = () => stop.abort(callerSignal!.reason);
      if (callerSignal?.aborted) follow();
      else callerSignal?.addEventListener("abort", follow);
      const requested = new Set<Pos | undefined>();

      const request = (at: Pos | undefined): Promise<P> => {
        const promise = signal.aborted ? Promise.reject(signal.reason) : fetchPage(at, signal);
        requested.add(at);
        promise.catch(noop); // a prefetch may be abandoned; its error surfaces only if awaited
        return promise;
      };

      let pending: Promise<P> | undefined = first === null ? undefined : request(first);
      try {
        while (pending) {
          const page = await pending;
          pending = undefined;
          const next = nextOf(page);
          const more = itemsOf(page).length > 0 && next !== null;
          // A position already requested means the server is looping (often: it ignored the cursor and
          // sent an earlier page again). Refuse this page before yielding it, so nothing is duplicated,
          // and keep the paginator's state at the last good page so a later resume re-requests this one.
          if (more && requested.has(next)) {
            throw new PaginationError(`${where.method} ${where.path}: the server repeated a cursor; stopped instead of looping`, where);
          }
          // the cursor goes back in a query string: one we could not send is the server's bug, not the caller's
          // (a number's length is undefined, and it is well formed)
          if (more && ((next as string).length > MAX_CURSOR_LENGTH || !isWellFormed(next as string))) {
            throw new PaginationError(`${where.method} ${where.path}: the server sent a cursor longer than ${MAX_CURSOR_LENGTH} characters or not valid unicode`, where);
          }
          seen(paginator, page, next);
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
        for (const item of itemsOf(page)) {
          if (callerSignal?.aborted) throw callerSignal.reason; // an abort stops at once, mid-page too
          yield item;
        }
      }
    },

    async toArray(options = {}) {
      const max = checkCount(options.max, "max", where) ?? Infinity;
      const items: I[] = [];
      if (max > 0) for await (const item of paginator) if (items.push(item) >= max) break;
      return items;
    },
  };
  return paginator;
}

/** What every paginator has, whatever its scheme. */
export interface Walk<P, I> extends AsyncIterable<I> {
  /** Yields the pages one by one. Each call starts again from the first request. */
  pages(): AsyncIterableIterator<P>;
  /** Collects items; stops requesting pages once `max` items are in. */
  toArray(options?: { max?: number }): Promise<I[]>;
}
