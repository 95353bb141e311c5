// The one place requests go out: per-attempt timeout, overall deadline, the caller's AbortSignal,
// retries with backoff and Retry-After, and an optional client-side rate limiter.
// A small hand-written loop rather than p-retry: it must decide on Responses (status, Retry-After)
// and not only on thrown errors, and p-retry alone would take a third of the 5 KB bundle budget.
import { backoffDelay, retryDelay } from "./backoff.js";
import { sleep, startAttempt, type Attempt } from "./deadline.js";
import { ApiError, ConnectionError, TimeoutError } from "./errors.js";
import type { RateLimiter } from "./rate-limiter.js";
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, defaultRetryPolicy, type RetryPolicy } from "./retry-policy.js";

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
  /**
   * Read a 2xx body inside the attempt, so a body that breaks off or stalls is retried like a lost
   * connection (for calls that may be replayed). Costs a copy of the body; worth it for list pages.
   */
  buffer?: boolean;
}

/** A fetch-shaped function that applies the client's reliability policy to each request. */
export type Transport = (request: Request, call?: CallOptions) => Promise<Response>;

// The readers openapi-fetch's parseAs can call; others (bytes, formData, the raw stream) simply keep
// the attempt's timer until it fires.
const BODY_READERS = ["text", "json", "arrayBuffer", "blob"] as const;
const ignore = () => {};

export function createTransport(options: TransportOptions = {}): Transport {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const clientPolicy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const { rateLimiter, onRetry } = options;

  return async (request, call = {}) => {
    const policy = call.retry ? { ...clientPolicy, ...call.retry } : clientPolicy;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadlineMs = call.deadlineMs ?? options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const method = request.method;
    const idempotent = call.idempotent ?? policy.methods.includes(method);
    const maxRetries = idempotent ? (call.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES) : 0;
    const signal = call.signal;
    const path = () => call.path ?? new URL(request.url).pathname;
    let deadline = 0;

    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw signal.reason;
      if (rateLimiter) {
        const wait = rateLimiter.acquire(signal);
        if (wait) await wait;
      }
      // The deadline starts with the first attempt, so time queued in the rate limiter is not lost.
      const now = Date.now();
      if (retry === 0) deadline = now + deadlineMs;
      const remaining = deadline - now;
      if (remaining <= 0) throw deadlineError(method, path(), deadlineMs);
      const cut = remaining < timeoutMs;
      const attempt = startAttempt(cut ? remaining : timeoutMs, signal, () =>
        cut ? deadlineError(method, path(), deadlineMs) : new TimeoutError(`${method} ${path()} timed out after ${timeoutMs} ms`, { method, path: path() }),
      );
      const last = retry >= maxRetries;
      let outcome: Response | ConnectionError;
      try {
        // A body can be sent once: keep the original for the last attempt, send copies before it.
        outcome = await fetchImpl(last || request.body === null ? request : request.clone(), { signal: attempt.signal });
        if (call.buffer && outcome.ok && outcome.body !== null) {
          outcome = new Response(await outcome.arrayBuffer(), outcome);
          attempt.release();
        }
      } catch (error) {
        attempt.release();
        if (signal?.aborted) throw signal.reason;
        const reason: unknown = attempt.signal.aborted ? attempt.signal.reason : undefined;
        outcome = ApiError.isApiError(reason) ? (reason as TimeoutError) : connectionError(method, path(), error);
      }

      let delay: number | undefined;
      if (outcome instanceof ConnectionError) {
        delay = backoffDelay(retry, policy);
        if (last || Date.now() + delay >= deadline) throw outcome;
      } else {
        if (last || !policy.retryOn(outcome.status)) return releaseAfterBody(outcome, attempt, method);
        delay = retryDelay(retry, policy, outcome.headers.get("retry-after"));
        // Not worth waiting (Retry-After too long, or past the deadline): the caller gets this response.
        if (delay === undefined || Date.now() + delay >= deadline) return releaseAfterBody(outcome, attempt, method);
        attempt.release();
        outcome.body?.cancel().catch(ignore);
      }
      onRetry?.({
        method,
        path: path(),
        retry: retry + 1,
        delayMs: delay,
        ...(outcome instanceof ConnectionError ? { error: outcome } : { status: outcome.status }),
      });
      await sleep(delay, signal);
    }
  };
}

/**
 * The attempt's timer and abort link stay on while the body is read, so a slow body times out
 * and an abort stops it; they are released once a body reader settles (or when the timer fires).
 */
function releaseAfterBody(response: Response, attempt: Attempt, method: string): Response {
  if (response.body === null || method === "HEAD" || response.status === 204) {
    attempt.release();
    return response;
  }
  const target = response as unknown as Record<string, unknown>;
  for (const name of BODY_READERS) {
    const read = target[name];
    if (typeof read === "function") target[name] = () => (read.call(response) as Promise<unknown>).finally(attempt.release);
  }
  return response;
}

function deadlineError(method: string, path: string, deadlineMs: number): TimeoutError {
  return new TimeoutError(`${method} ${path} ran past its ${deadlineMs} ms deadline`, { method, path });
}

/**
 * Only the error code is kept, never the underlying error: a custom fetch may attach the request
 * (and its Authorization header) to what it throws.
 */
function connectionError(method: string, path: string, error: unknown): ConnectionError {
  let code: string | undefined;
  for (let e = error, depth = 0; e && depth < 4 && code === undefined; e = (e as { cause?: unknown }).cause, depth++) {
    const value = (e as { code?: unknown }).code;
    if (typeof value === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(value)) code = value;
  }
  return new ConnectionError(`${method} ${path} failed: no response${code ? ` (${code})` : ""}`, { method, path });
}
