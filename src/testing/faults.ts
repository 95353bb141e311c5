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
  /** Answer 200 with a body that is not JSON (HTML with `content-type: text/html`). */
  malformed?: boolean;
  /** Never answer; the connection stays open until the client gives up or the fake closes. */
  hang?: boolean;
  /** Send the headers and half the API's body, then the rest after this many ms. */
  slowBodyMs?: number;
  /** Send the headers and half the API's body, then drop the connection. */
  cutBody?: boolean;
  /** A complete answer whose JSON stops half way (Content-Length matches what is sent). */
  truncated?: boolean;
  /** A Sequence listing whose `after` cursor leads back to the page just served. */
  loopCursor?: boolean;
  /** A Sequence listing with half the requested `limit`, and a cursor right after those items. */
  shortPage?: boolean;
  /** A Sequence listing with `after`/`before` left out instead of null at the ends of the list. */
  omitNullCursors?: boolean;
  /** A hostile server: every request header (credentials too) copied into the body and `x-echo`. */
  echoHeaders?: boolean;
  /** Answer `status` (default 307) with a Location on this origin (e.g. `http://127.0.0.2:8080`), same path and query. */
  redirectTo?: string;
  /** A 200 JSON body that never ends: written until the client disconnects or `ENDLESS_BODY_CAP` bytes. */
  endlessBody?: boolean;
  /** A small gzip body that inflates to `GZIP_BOMB_BYTES` bytes. */
  gzipBomb?: boolean;
  /** Copy this request header's value into the `x-request-id` answer header (as it is, unchecked). */
  echoRequestIdFrom?: string;
  /** A 200 whose JSON is this many arrays nested in each other (at most `MAX_NESTING`). */
  deepJson?: number;
  /** Only requests with this method and/or path (exact string or RegExp) consume the fault. */
  match?: { method?: string; path?: string | RegExp };
}

/** Bytes an `endlessBody` fault writes at most, so a client without a limit still ends. */
export const ENDLESS_BODY_CAP = 256 * 1024 * 1024;
/** What a `gzipBomb` body inflates to. */
export const GZIP_BOMB_BYTES = 64 * 1024 * 1024;
/** The deepest `deepJson` the fake builds. */
export const MAX_NESTING = 1_000_000;

/** Faults that answer without asking the API. */
export function replacesAnswer(fault: FakeFault): boolean {
  return Boolean(
    fault.reset || fault.hang || fault.malformed || fault.status !== undefined || fault.echoHeaders ||
      fault.redirectTo !== undefined || fault.endlessBody || fault.gzipBomb || fault.deepJson !== undefined,
  );
}

/** Faults that change how (or which) API answer is sent. */
export function altersAnswer(fault: FakeFault): boolean {
  return Boolean(
    fault.slowBodyMs !== undefined || fault.cutBody || fault.truncated || fault.loopCursor || fault.shortPage || fault.omitNullCursors || fault.echoRequestIdFrom,
  );
}

interface Pending {
  fault: FakeFault;
  remaining: number;
}

export class FaultQueue {
  #pending: Pending[] = [];

  add(count: number, fault: FakeFault): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`failNext: count must be a positive integer, got ${count}`);
    if (fault.deepJson !== undefined && !(Number.isInteger(fault.deepJson) && fault.deepJson >= 1 && fault.deepJson <= MAX_NESTING)) {
      throw new RangeError(`failNext: deepJson must be an integer from 1 to ${MAX_NESTING}, got ${fault.deepJson}`);
    }
    if (fault.redirectTo !== undefined && !/^https?:\/\/[^/?#]+$/.test(fault.redirectTo)) {
      throw new RangeError(`failNext: redirectTo must be an origin such as "http://127.0.0.2:8080", got ${JSON.stringify(fault.redirectTo)}`);
    }
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
