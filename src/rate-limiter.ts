// Client-side rate limiting, opt-in. Sequence allows 1,500 requests a minute per API key and
// answers 429 beyond that; waiting here keeps bulk listings and deletes under the limit instead
// of meeting a storm of 429s. Share one limiter between every client that uses the same key.

export interface RateLimiter {
  /** Resolves when a request may go out; undefined when it may go at once. Rejects on abort. */
  acquire(signal?: AbortSignal): Promise<void> | undefined;
}

export interface RateLimitOptions {
  /** Requests allowed per interval (at least 2). */
  limit: number;
  /** Interval in ms. Default 60,000 (a minute). */
  intervalMs?: number;
  /**
   * Requests that may go out back to back; the rest are spaced evenly. Default 1/60 of `limit`
   * (at least 1, less than `limit`). No window of `intervalMs` ever sees more than `limit` requests.
   */
  burst?: number;
  /** Clock, for tests. Default Date.now. */
  now?: () => number;
}

/**
 * For Sequence's documented limit of 1,500 requests a minute per API key, kept 2 % under it:
 * requests reach the server's counter after varying network delays, not when they were sent.
 */
export const sequenceRateLimit: Readonly<RateLimitOptions> = { limit: 1_470, intervalMs: 60_000 };

/**
 * A token bucket holding `burst` tokens and refilled at (limit − burst) per interval, so any
 * window of `intervalMs` admits at most burst + (limit − burst) = limit requests. Waiters queue in
 * order; tokens are counted when a waiter is let go, not when it queued, so a late timer (a busy
 * event loop) cannot bunch requests together beyond `burst`.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { limit, intervalMs = 60_000, now = Date.now } = options;
  const burst = options.burst ?? Math.max(1, Math.floor(limit / 60));
  if (!(limit >= 2 && intervalMs > 0 && burst >= 1 && burst < limit)) {
    throw new RangeError("createRateLimiter: need limit >= 2, intervalMs > 0 and 1 <= burst < limit");
  }
  const perMs = (limit - burst) / intervalMs;
  let tokens = burst;
  let last = now();
  const queue: { go: () => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + (t - last) * perMs);
    last = t;
  };
  const drain = () => {
    timer = undefined;
    refill();
    while (queue.length > 0 && tokens >= 1) {
      tokens -= 1;
      queue.shift()!.go();
    }
    if (queue.length > 0) timer = setTimeout(drain, Math.ceil((1 - tokens) / perMs));
  };

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      refill();
      if (queue.length === 0 && tokens >= 1) {
        tokens -= 1;
        return undefined;
      }
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          go: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
        if (timer === undefined) timer = setTimeout(drain, Math.ceil((1 - tokens) / perMs));
      });
    },
  };
}
