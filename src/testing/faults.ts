// Scripted failures: the next N matching requests get a fault instead of the API's answer.

export interface FakeFault {
  /** Answer with this status (and a vendor-shaped error body unless `body` is given). */
  status?: number;
  /** Sent as `Retry-After` (seconds, or an HTTP date string). */
  retryAfter?: number | string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (or before the API answers, when there is no status). */
  delayMs?: number;
  /** Drop the connection without any response. */
  reset?: boolean;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Only requests with this method and/or path (exact string or RegExp) consume the fault. */
  match?: { method?: string; path?: string | RegExp };
}

interface Pending {
  fault: FakeFault;
  remaining: number;
}

export class FaultQueue {
  #pending: Pending[] = [];

  add(count: number, fault: FakeFault): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`failNext: count must be a positive integer, got ${count}`);
    this.#pending.push({ fault, remaining: count });
  }

  /** The fault for this request, if one is scripted; consumes one use of it. */
  take(method: string, path: string): FakeFault | undefined {
    const entry = this.#pending.find(({ fault: { match } }) => {
      if (!match) return true;
      if (match.method && match.method.toUpperCase() !== method) return false;
      if (match.path === undefined) return true;
      return typeof match.path === "string" ? match.path === path : match.path.test(path);
    });
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.#pending.splice(this.#pending.indexOf(entry), 1);
    return entry.fault;
  }

  get size(): number {
    return this.#pending.reduce((n, p) => n + p.remaining, 0);
  }

  clear(): void {
    this.#pending = [];
  }
}
