// Lazy cursor pagination. Holds one page in memory (two with prefetch), stops on a null/absent
// cursor or an empty page, and treats a cursor it has already requested as a server bug.
import { PaginationError } from "./errors.js";
import type { PaginationResponse } from "./response.js";
import { checkCount } from "./validate.js";

export interface Page<T> {
  items: T[];
  pagination: PaginationResponse;
}

export type Direction = "after" | "before";

/** Fetches the page at `cursor` (the first page when undefined), walking in `direction`. */
export type FetchPage<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

export interface PaginateOptions {
  /** Stops page requests (and a running prefetch) when aborted; iteration then throws its reason. */
  signal?: AbortSignal;
  /** Stop after this many pages. `paginator.pagination` then still holds the cursor to resume from. */
  maxPages?: number;
  /** Request the next page while the caller works on the current one. Default false. */
  prefetch?: boolean;
}

/** A lazy, re-iterable listing: `for await` over items, `.pages()` over pages, `.toArray()`. */
export interface Paginator<T> extends AsyncIterable<T> {
  /** Yields `{ items, pagination }` page by page. Each call starts again from the first request. */
  pages(): AsyncIterableIterator<Page<T>>;
  /** Collects items; stops requesting pages once `max` items are in. */
  toArray(options?: { max?: number }): Promise<T[]>;
  /** `pagination.totalResultSize` of the latest page, once a page has arrived. */
  readonly totalResultSize: number | undefined;
  /**
   * The pagination of the latest page yielded. Save its `after` (or `before`) to resume later with
   * `list({ after })`; resuming is per page (a page refused as a loop is requested again).
   */
  readonly pagination: PaginationResponse | undefined;
}

const noop = () => {};

class CursorPaginator<T> implements Paginator<T> {
  totalResultSize: number | undefined;
  pagination: PaginationResponse | undefined;
  readonly #fetchPage: FetchPage<T>;
  readonly #start: string | undefined;
  readonly #direction: Direction;
  readonly #options: PaginateOptions;
  readonly #where: { method: string; path: string };

  constructor(fetchPage: FetchPage<T>, start: string | undefined, direction: Direction, options: PaginateOptions, where: { method: string; path: string }) {
    this.#fetchPage = fetchPage;
    this.#start = start;
    this.#direction = direction;
    this.#options = options;
    this.#where = where;
  }

  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const { signal: callerSignal, maxPages, prefetch = false } = this.#options;
    // Aborted by the caller's signal, or when the consumer stops early so a prefetch is cancelled.
    // Linked by hand rather than AbortSignal.any, which older browsers lack.
    const stop = new AbortController();
    const signal = stop.signal;
    const follow = () => stop.abort(callerSignal!.reason);
    if (callerSignal?.aborted) follow();
    else callerSignal?.addEventListener("abort", follow, { once: true });
    const requested = new Set<string>();
    let count = 0;

    const request = (cursor: string | undefined): Promise<Page<T>> => {
      let promise: Promise<Page<T>>;
      if (signal.aborted) {
        promise = Promise.reject(signal.reason);
      } else {
        if (cursor !== undefined) requested.add(cursor);
        count++;
        promise = this.#fetchPage(cursor, signal);
      }
      promise.catch(noop); // a prefetch may be abandoned; its error surfaces only if awaited
      return promise;
    };

    let pending: Promise<Page<T>> | undefined = request(this.#start);
    try {
      while (pending) {
        const page: Page<T> = await pending;
        pending = undefined;
        const next = page.pagination[this.#direction];
        const more = page.items.length > 0 && typeof next === "string" && next !== "";
        // A cursor already requested means the server is looping (often: it ignored the cursor and
        // sent an earlier page again). Refuse this page before yielding it, so nothing is duplicated,
        // and keep `pagination` at the last good page so a later resume re-requests this one.
        if (more && requested.has(next)) {
          const { method, path } = this.#where;
          throw new PaginationError(`${method} ${path}: the server returned a cursor it returned before; stopping instead of looping`, {
            method,
            path,
          });
        }
        this.pagination = page.pagination;
        if (page.pagination.totalResultSize !== undefined) this.totalResultSize = page.pagination.totalResultSize;
        const go = more && (maxPages === undefined || count < maxPages);
        if (go && prefetch) pending = request(next);
        yield page;
        if (go && !pending) pending = request(next);
      }
    } finally {
      callerSignal?.removeEventListener("abort", follow);
      stop.abort();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const { signal } = this.#options;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        if (signal?.aborted) throw signal.reason; // an abort stops at once, mid-page too
        yield item;
      }
    }
  }

  async toArray(options: { max?: number } = {}): Promise<T[]> {
    const max = checkCount(options.max, "max", this.#where);
    const items: T[] = [];
    if (max === 0) return items;
    for await (const item of this) {
      items.push(item);
      if (max !== undefined && items.length >= max) break;
    }
    return items;
  }
}

export function paginate<T>(
  fetchPage: FetchPage<T>,
  start: { cursor: string | undefined; direction: Direction },
  options: PaginateOptions,
  where: { method: string; path: string },
): Paginator<T> {
  checkCount(options.maxPages, "maxPages", where, 1);
  return new CursorPaginator(fetchPage, start.cursor, start.direction, options, where);
}
