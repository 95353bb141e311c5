// The one place requests go out: per-attempt timeout, overall deadline, the caller's AbortSignal,
// retries with backoff and Retry-After, and an optional client-side rate limiter.
// A small hand-written loop rather than p-retry: it must decide on Responses (status, Retry-After)
// and not only on thrown errors, and p-retry alone would take a third of the 5 KB bundle budget.
import { backoffDelay, retryDelay } from "./backoff.js";
import { sleep, startAttempt } from "./deadline.js";
import { ConnectionError, RedirectError, ResponseTooLargeError, TimeoutError } from "./errors.js";
import { checkNumbers } from "./check-numbers.js";
import type { RateLimiter } from "./rate-limiter.js";
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, defaultRetryPolicy, type RetryPolicy } from "./retry-policy.js";

/** What `onRetry` hears before each wait. It never holds headers, so it is safe to log. */
export interface RetryEvent {
  method: string;
  path: string;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  /** The status that is being retried, or the error when no response arrived. */
  status?: number;
  error?: ConnectionError;
}

export interface TransportOptions {
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in ms, covering the response body too. Default 30 s. */
  timeoutMs?: number;
  /** Overall deadline of one call in ms, across attempts and backoff waits. Default 90 s. */
  deadlineMs?: number;
  /** Retries for calls that may be replayed. Default 2; 0 turns retries off. */
  maxRetries?: number;
  /** Overrides of the retry policy's statuses, methods, backoff and Retry-After cap. */
  retry?: Partial<RetryPolicy>;
  /** Waited on before every attempt, retries included (see createRateLimiter). Default none. */
  rateLimiter?: RateLimiter;
  /** Largest response body read, in bytes after decompression; a larger one is a ResponseTooLargeError. Default 8 MiB. */
  maxResponseBytes?: number;
  /** Called before each retry's wait, e.g. to log or count retries. */
  onRetry?: (event: RetryEvent) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  deadlineMs?: number;
  maxRetries?: number;
  /** Whether the call may be replayed; defaults from the method (GET, HEAD, OPTIONS, PUT, DELETE). */
  idempotent?: boolean;
  retry?: Partial<RetryPolicy>;
  /** The path to name in errors (e.g. `/users/{id}` relative to the base URL); default the URL's path. */
  path?: string;
}

/**
 * A response whose body was read whole inside the attempt, so no timer outlives the call and
 * nothing is left to stall. The facade decodes the chunks itself (src/runtime/settle.ts); the raw clients
 * turn it back into a Response (src/runtime/raw-fetch.ts).
 */
export interface Received {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  /** The body as it arrived, in chunks; null when the response had none, for HEAD, and for 204, 205 and 304. */
  readonly body: readonly Uint8Array<ArrayBuffer>[] | null;
}

/**
 * fetch's init for one call. A retry sends the same init again: every body type here can be read
 * again, except a stream, which has `duplex: "half"` (fetch requires it) and is never retried.
 */
export interface SendInit extends RequestInit {
  method: string;
  body?: string | Uint8Array<ArrayBuffer> | ArrayBuffer | Blob | FormData | ReadableStream<Uint8Array> | null;
  duplex?: "half";
}

/**
 * Sends fetch's own arguments under the client's reliability policy: retries, timeouts, deadline,
 * rate limit, no redirects. The facade passes a URL (no Request to build and copy per call); a raw
 * client passes openapi-fetch's Request, with its body already read into `init.body`. A body that
 * breaks off or stalls is retried like a lost connection (for calls that may be replayed).
 */
export type Transport = (input: string | Request, init: SendInit, call?: CallOptions) => Promise<Received>;

export function createTransport(options: TransportOptions = {}): Transport {
  const { fetch: fetchImpl = (input, init) => globalThis.fetch(input, init), rateLimiter, onRetry } = options;
  checkNumbers(options);
  checkNumbers(options.retry);
  const clientPolicy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return async (input, init, call = {}) => {
    const policy = { ...clientPolicy, ...call.retry };
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadlineMs = call.deadlineMs ?? options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const { method } = init;
    const { signal } = call;
    checkNumbers(call, method, call.path);
    checkNumbers(call.retry, method, call.path);
    const maxRetries = !init.duplex && (call.idempotent ?? policy.methods.includes(method)) ? (call.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES) : 0;
    // Errors name the API path; the URL is only parsed when there is an error to name.
    const url = () => (typeof input === "string" ? input : input.url);
    const pathOf = () => call.path ?? new URL(url()).pathname;
    const fail = (Class: typeof ConnectionError, text: string, path = pathOf()) => new Class(`${method} ${path} ${text}`, { method, path });
    let deadline = 0;

    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw signal.reason;
      const wait = rateLimiter?.acquire(signal);
      if (wait) await wait;
      // The deadline starts with the first attempt, so time queued in the rate limiter is not lost.
      const now = Date.now();
      if (retry === 0) deadline = now + deadlineMs;
      const remaining = deadline - now;
      const pastDeadline = () => fail(TimeoutError, `ran past its ${deadlineMs} ms deadline`);
      if (remaining <= 0) throw pastDeadline();
      const attempt = startAttempt(Math.min(remaining, timeoutMs), signal, () =>
        remaining < timeoutMs ? pastDeadline() : fail(TimeoutError, `timed out after ${timeoutMs} ms`),
      );
      const last = retry >= maxRetries;
      let outcome: Received | ConnectionError;
      try {
        // Never follow a redirect: another origin would get the credential headers (fetch drops only
        // Authorization) and a 307/308 would replay the call there.
        const response = await fetchImpl(input, { ...init, signal: attempt.signal, redirect: "manual" });
        if ((response.status >= 300 && response.status < 400 && response.status !== 304) || response.type === "opaqueredirect") {
          response.body?.cancel().catch(() => {});
          throw redirected(response, method, pathOf(), url());
        }
        outcome = await readWhole(response, method, maxBytes, () => fail(ResponseTooLargeError, `returned a body over maxResponseBytes (${maxBytes})`));
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof ResponseTooLargeError || error instanceof RedirectError) throw error;
        // the caller's abort was thrown above, so an aborted attempt ran out of time: its reason is the TimeoutError
        outcome = (attempt.signal.reason as TimeoutError | undefined) ?? fail(ConnectionError, `failed: no response${codeOf(error)}`);
      } finally {
        attempt.release();
      }

      let delay: number | undefined;
      if (outcome instanceof ConnectionError) {
        delay = backoffDelay(retry, policy);
        if (last || Date.now() + delay >= deadline) throw outcome;
      } else {
        // Not retried, or not worth waiting (Retry-After too long, or past the deadline): the caller gets this response.
        if (!last && policy.retryOn(outcome.status)) delay = retryDelay(retry, policy, outcome.headers.get("retry-after"));
        if (delay === undefined || Date.now() + delay >= deadline) return outcome;
      }
      onRetry?.({
        method,
        path: pathOf(),
        retry: retry + 1,
        delayMs: delay,
        ...(outcome instanceof ConnectionError ? { error: outcome } : { status: outcome.status }),
      });
      await sleep(delay, signal);
    }
  };
}

// Reads the whole body, counting bytes as they arrive (after decompression). The chunks are kept as
// they are: the facade decodes them straight to text, with no second Response in between.
async function readWhole(response: Response, method: string, maxBytes: number, tooLarge: () => Error): Promise<Received> {
  const { status, statusText, headers } = response;
  const reader = response.body?.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  // null for a null-body status: the Response a raw client rebuilds (raw-fetch.ts) cannot have one, not even empty
  const empty = !reader || method === "HEAD" || status === 204 || status === 205 || status === 304;
  return { status, statusText, headers, body: empty ? null : chunks };
}

function redirected(response: Response, method: string, path: string, url: string): RedirectError {
  let location: string | undefined;
  try {
    const target = response.headers.get("location");
    if (target) location = new URL(target, url).origin;
  } catch {}
  // a browser's opaque redirect has status 0 and hides the target
  const status = response.status;
  return new RedirectError(`${method} ${path} answered ${status || "a redirect"}${location ? ` to ${location}` : ""}; API calls do not follow redirects`, {
    method,
    path,
    status,
    location,
  });
}

/**
 * Only the error code is kept, never the underlying error: a custom fetch may attach the request
 * (and its Authorization header) to what it throws.
 */
function codeOf(error: unknown): string {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return ` (${code})`;
  }
  return "";
}
