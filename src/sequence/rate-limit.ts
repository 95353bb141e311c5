// Sequence's documented rate limit, as options for the runtime's createRateLimiter.
import type { RateLimitOptions } from "../runtime/rate-limiter.js";

/**
 * For Sequence's documented limit of 1,500 requests a minute per API key, kept 2 % under it:
 * requests reach the server's counter after varying network delays, not when they were sent.
 */
export const sequenceRateLimit: Readonly<RateLimitOptions> = { limit: 1_470, intervalMs: 60_000 };
