import type { RetryPolicy } from "./retry-policy.js";
import { parseRetryAfter } from "./retry-after.js";

/** Exponential backoff with jitter: min(base·2^retry, cap), minus up to `jitter` of it at random. */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs) * (1 - policy.jitter * policy.random());
}

/**
 * How long to wait before retry number `retry` (0-based) after this response, or undefined when
 * the server asked for a longer wait than the policy honours (the caller then gets the response).
 */
export function retryDelay(retry: number, policy: RetryPolicy, retryAfter: string | null): number | undefined {
  const seconds = parseRetryAfter(retryAfter);
  if (seconds === undefined) return backoffDelay(retry, policy);
  const ms = seconds * 1000;
  return ms <= policy.maxRetryAfterMs ? ms : undefined;
}
