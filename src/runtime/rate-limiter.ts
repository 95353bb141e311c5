// Client-side rate limiting, opt-in. An API that allows N requests a minute per key answers 429
// beyond that; waiting here keeps bulk listings and deletes under the limit instead of meeting a
// storm of 429s. Share one limiter between every client that uses the same key.
import { invalid } from "./validate.js";

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
 * A token bucket holding `burst` tokens and refilled at (limit − burst) per interval, so any
 * window of `intervalMs` admits at most burst + (limit − burst) = limit requests. Waiters queue in
 * order; tokens are counted when a waiter is let go, not when it queued, so a late timer (a busy
 * event loop) cannot bunch requests together beyond `burst`.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { limit, intervalMs = 60_000, now = Date.now } = options;
  const burst = options.burst ?? Math.max(1, Math.floor(limit / 60));
  // a string, NaN or Infinity would slip past plain comparisons; Infinity re-armed a 1 ms timer
  if (!(Number.isInteger(limit) && limit >= 2)) invalid("createRateLimiter: limit must be a whole number of at least 2", "limit");
  if (!(typeof intervalMs === "number" && intervalMs > 0 && intervalMs <= 2 ** 31 - 1)) {
    invalid("createRateLimiter: intervalMs must be a number of ms above 0 and at most 2^31 - 1; omit it for a minute", "intervalMs");
  }
  if (!(Number.isInteger(burst) && burst >= 1 && burst < limit)) invalid("createRateLimiter: burst must be a whole number from 1 to limit - 1; omit it for limit / 60", "burst");
  const perMs = (limit - burst) / intervalMs;
  let tokens = burst;
  let last = now();
  // waiters in order; an aborted one is marked and skipped, so aborting N waiters costs O(N)
  let queue: Waiter[] = [];
  let head = 0;
  let waiting = 0;
  // one abort listener per signal, however many waiters share it
  const groups = new Map<AbortSignal, Group>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + (t - last) * perMs);
    last = t;
  };
  // Arms the timer while someone waits, and clears it once nobody does, so it never holds the process.
  const schedule = () => {
    if (waiting === 0) {
      clearTimeout(timer);
      timer = undefined;
      queue = [];
      head = 0;
    } else timer ??= setTimeout(drain, Math.ceil((1 - tokens) / perMs));
  };
  const leave = (waiter: Waiter) => {
    const group = waiter.signal && groups.get(waiter.signal);
    if (group?.waiters.delete(waiter) && group.waiters.size === 0) {
      waiter.signal!.removeEventListener("abort", group.onAbort);
      groups.delete(waiter.signal!);
    }
  };
  const drain = () => {
    timer = undefined;
    refill();
    while (head < queue.length && tokens >= 1) {
      const waiter = queue[head++]!;
      if (waiter.done) continue;
      tokens -= 1;
      waiting -= 1;
      waiter.done = true;
      leave(waiter);
      waiter.resolve();
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    schedule();
  };

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      refill();
      if (waiting === 0 && tokens >= 1) {
        tokens -= 1;
        return undefined;
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal, done: false };
        if (signal) {
          let group = groups.get(signal);
          if (!group) {
            const waiters = new Set<Waiter>();
            const onAbort = () => {
              groups.delete(signal);
              for (const w of waiters) {
                w.done = true;
                waiting -= 1;
                w.reject(signal.reason);
              }
              schedule();
            };
            group = { waiters, onAbort };
            groups.set(signal, group);
            signal.addEventListener("abort", onAbort, { once: true });
          }
          group.waiters.add(waiter);
        }
        queue.push(waiter);
        waiting += 1;
        schedule();
      });
    },
  };
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  done: boolean;
}

interface Group {
  waiters: Set<Waiter>;
  onAbort: () => void;
}
