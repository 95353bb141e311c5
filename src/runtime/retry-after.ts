// RFC 9110 §10.2.3: delay-seconds (digits only) or an HTTP-date, of which senders must use
// IMF-fixdate. Date.parse alone reads "-1" or "1, 2" as dates in 2001, which would retry at once;
// an IMF-fixdate is exactly what toUTCString writes back, a cheaper check than a regex of names.

/**
 * Parses a `Retry-After` header (delay-seconds or an IMF-fixdate) into seconds from `now`.
 * Returns undefined when absent or anything else, so normal backoff applies; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date) || new Date(date).toUTCString() !== text) return undefined;
  return Math.max(0, (date - now) / 1000);
}
