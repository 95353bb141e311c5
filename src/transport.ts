// The one place requests go out: per-attempt timeout, overall deadline, the caller's AbortSignal,
// retries with backoff and Retry-After, and an optional client-side rate limiter.
// A small hand-written loop rather than p-retry: it must decide on Responses (status, Retry-After)
// and not only on thrown errors, and p-retry alone would take a third of the 5 KB bundle budget.
import { backoffDelay, retryDelay } from "./backoff.js";
import { sleep, startAttempt, type Attempt } from "./deadline.js";
import { ApiError, ConnectionError, RedirectError, ResponseTooLargeError, TimeoutError } from "./errors.js";
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
  /**
   * Largest response body read, in bytes after decompression; past it the read stops with a
   * ResponseTooLargeError. Default 8 MiB. Not applied to a raw client's `parseAs: "stream"`.
   */
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
  /**
   * Read a 2xx body inside the attempt, so a body that breaks off or stalls is retried like a lost
   * connection (for calls that may be replayed). Costs a copy of the body; worth it for list pages.
   */
  buffer?: boolean;
}

/**
 * A fetch-shaped function that applies the client's reliability policy to each request: a Request
 * (from openapi-fetch, for `raw`), or a URL and init (the facade's calls, so fetch builds the one
 * Request itself; read their body with readText).
 */
export type Transport = (input: Request | string, call?: CallOptions, init?: RequestInit) => Promise<Response>;

export function createTransport(options: TransportOptions = {}): Transport {
  const { fetch: fetchImpl = (input, init) => globalThis.fetch(input, init), rateLimiter, onRetry } = options;
  const clientPolicy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };

  return async (input, call = {}, init) => {
    const policy = call.retry ? { ...clientPolicy, ...call.retry } : clientPolicy;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadlineMs = call.deadlineMs ?? options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const request = typeof input === "string" ? undefined : input;
    const method = init?.method ?? request?.method ?? "GET";
    const { signal } = call;
    const maxRetries = (call.idempotent ?? policy.methods.includes(method)) ? (call.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES) : 0;
    // Errors name the API path; the URL is only parsed when there is an error to name.
    const pathOf = () => call.path ?? new URL(request?.url ?? (input as string)).pathname;
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
        !!request, // a facade call (URL input) always reads its body through readText
      );
      const last = retry >= maxRetries;
      let outcome: Response | ConnectionError;
      try {
        // A Request's body can be sent once: keep the original for the last attempt, send copies before it.
        const send = !request || last || request.body === null ? input : request.clone();
        // Never follow a redirect: another origin would get the credential headers (fetch drops only
        // Authorization) and a 307/308 would replay the call there.
        outcome = await fetchImpl(send, { ...init, signal: attempt.signal, redirect: "manual" });
        if (call.buffer && outcome.ok && outcome.body !== null) {
          outcome = new Response(await outcome.arrayBuffer(), outcome);
          attempt.release();
        }
      } catch (error) {
        attempt.release();
        if (signal?.aborted) throw signal.reason;
        const reason: unknown = attempt.signal.reason;
        outcome = ApiError.isApiError(reason) ? (reason as TimeoutError) : fail(ConnectionError, `failed: no response${codeOf(error)}`);
      }

      if (!(outcome instanceof ConnectionError) && ((outcome.status >= 300 && outcome.status < 400 && outcome.status !== 304) || outcome.type === "opaqueredirect")) {
        attempt.release();
        outcome.body?.cancel().catch(() => {});
        throw redirected(outcome, method, pathOf(), request?.url ?? (input as string));
      }

      let delay: number | undefined;
      if (outcome instanceof ConnectionError) {
        delay = backoffDelay(retry, policy);
        if (last || Date.now() + delay >= deadline) throw outcome;
      } else {
        // Not retried, or not worth waiting (Retry-After too long, or past the deadline): the caller gets this response.
        if (!last && policy.retryOn(outcome.status)) delay = retryDelay(retry, policy, outcome.headers.get("retry-after"));
        if (delay === undefined || Date.now() + delay >= deadline) {
          const limit = { method, path: pathOf(), max: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES };
          return releaseAfterBody(outcome, attempt, method, !!request, limit);
        }
        attempt.release();
        outcome.body?.cancel().catch(() => {});
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

// The attempt's timer and abort link stay on while the body is read, so a slow body times out and an
// abort stops it. A Response for openapi-fetch gets its readers wrapped to release them once read (or
// when the timer fires); a facade call's Response is left untouched (patching it costs about a tenth
// of loopback throughput) and its body is read through readText, which releases them.
interface BodyLimit {
  method: string;
  path: string;
  max: number;
}
const releases = new WeakMap<Response, { release: () => void; limit: BodyLimit }>();

function releaseAfterBody(response: Response, attempt: Attempt, method: string, wrap: boolean, limit: BodyLimit): Response {
  if (response.body === null || method === "HEAD" || response.status === 204) {
    attempt.release();
  } else if (wrap) {
    // openapi-fetch's readers, each reading at most `limit.max` bytes
    const target = response as unknown as Record<string, () => Promise<unknown>>;
    const bytes = () => readBounded(response, limit).finally(attempt.release);
    target.arrayBuffer = () => bytes().then((b) => b.buffer);
    target.text = () => bytes().then(decode);
    target.json = () => bytes().then((b) => JSON.parse(decode(b)));
    target.blob = () => bytes().then((b) => new Blob([b]));
  } else {
    releases.set(response, { release: attempt.release, limit });
  }
  return response;
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The whole body, stopping with ResponseTooLargeError once it grows past the limit. */
async function readBounded(response: Response, { method, path, max }: BodyLimit): Promise<Uint8Array<ArrayBuffer>> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      reader.cancel().catch(() => {});
      throw new ResponseTooLargeError(`${method} ${path} sent a body larger than maxResponseBytes (${max} bytes)`, { method, path, status: response.status });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Reads the body of a response the transport returned for a URL input, then releases its attempt. */
export async function readText(response: Response): Promise<string> {
  const entry = releases.get(response);
  try {
    return entry ? decode(await readBounded(response, entry.limit)) : await response.text();
  } finally {
    entry?.release();
  }
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
