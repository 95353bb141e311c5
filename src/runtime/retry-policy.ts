// The retry and timeout defaults, in one place. Every value can be changed per client and per call.

/** When and how the transport replays a request. */
export interface RetryPolicy {
  /** Methods that are safe to replay. POST is replayed only when a call says `idempotent: true`. */
  methods: readonly string[];
  /** Statuses worth another attempt. Default: 408, 429 and every 5xx. */
  retryOn: (status: number) => boolean;
  /** First backoff delay; it doubles on each retry. Default 500 ms. */
  baseDelayMs: number;
  /** Backoff cap. Default 8 s. */
  maxDelayMs: number;
  /** Fraction of the delay taken off at random, so clients don't retry in lockstep. Default 0.25. */
  jitter: number;
  /** A longer `Retry-After` is not waited out: the 429/503 goes to the caller. Default 60 s. */
  maxRetryAfterMs: number;
  /** Source of randomness for the jitter (tests pass a fixed one). */
  random: () => number;
}

export const defaultRetryPolicy: Readonly<RetryPolicy> = {
  methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"],
  retryOn: (status) => status === 408 || status === 429 || status >= 500,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  jitter: 0.25,
  maxRetryAfterMs: 60_000,
  random: Math.random,
};

/** Retries after the first attempt, for calls that may be replayed. */
export const DEFAULT_MAX_RETRIES = 2;
/** Per-attempt timeout: from sending the request to the end of its body. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Largest response body read, after decompression: a page of 100 Sequence users fits many times over. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 2 ** 20;
/** Overall deadline for one call, across all its attempts and the waits between them. */
export const DEFAULT_DEADLINE_MS = 90_000;
