// Cursor pagination as Sequence does it: opaque base64 cursors, `after` for the next page,
// `before` for the previous one, and null at either end. A cursor holds a position in the
// creation order, so deleting users between pages neither repeats nor skips anyone.

export interface Positioned {
  position: number;
}

export interface PageRequest {
  limit: number;
  after?: string | undefined;
  before?: string | undefined;
}

export interface Page<T> {
  items: T[];
  after: string | null;
  before: string | null;
}

export function encodeCursor(position: number, direction: "after" | "before"): string {
  return Buffer.from(`${position}#${direction === "after" ? "ASC" : "DESC"}`).toString("base64");
}

/** The position a cursor holds, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  const match = /^(\d{1,15})#(ASC|DESC)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** One page of `sorted` (ascending by position). Cursors must already be valid. */
export function paginate<T extends Positioned>(sorted: readonly T[], request: PageRequest): Page<T> {
  const n = sorted.length;
  let lo: number;
  let hi: number;
  if (request.before !== undefined) {
    const bound = decodeCursor(request.before) ?? 0;
    hi = countBelow(sorted, bound);
    lo = Math.max(0, hi - request.limit);
  } else {
    const bound = request.after === undefined ? -1 : (decodeCursor(request.after) ?? -1);
    lo = countBelow(sorted, bound + 1);
    hi = Math.min(n, lo + request.limit);
  }
  const items = sorted.slice(lo, hi);
  // Items after the page start above the last item (or above the window when it is empty).
  const afterBound = hi > lo ? (sorted[hi - 1] as T).position : (sorted[hi] as T | undefined)?.position ?? 0;
  const beforeBound = hi > lo ? (sorted[lo] as T).position : (sorted[lo - 1] as T | undefined)?.position ?? 0;
  return {
    items,
    after: hi < n ? encodeCursor(hi > lo ? afterBound : afterBound - 1, "after") : null,
    before: lo > 0 ? encodeCursor(hi > lo ? beforeBound : beforeBound + 1, "before") : null,
  };
}

/** How many items have a position below `bound`. */
function countBelow(sorted: readonly Positioned[], bound: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Positioned).position < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
