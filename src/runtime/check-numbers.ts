// The numeric options of the transport and its retry policy, checked per client and per call. A string
// or NaN must not slip through: `Date.now() + "2000"` concatenates and turns the deadline off, and a
// timer past 2^31 − 1 ms fires at once.
import { fail, invalid } from "./validate.js";

// option → smallest value allowed
const MIN: Record<string, number> = { timeoutMs: 1, deadlineMs: 1, maxRetries: 0, maxResponseBytes: 1, baseDelayMs: 0, maxDelayMs: 0, jitter: 0, maxRetryAfterMs: 0 };

/** Throws a ValidationError naming the first numeric option of `options` that is not a number in range. */
export function checkNumbers(options: object | undefined, method?: string, path = ""): void {
  for (const name in options) {
    const min = MIN[name];
    const value = (options as Record<string, unknown>)[name];
    if (min === undefined || value === undefined) continue; // path, signal, idempotent…
    const max = name === "jitter" ? 1 : name === "maxResponseBytes" ? 2 ** 53 : 2 ** 31 - 1;
    const whole = name === "maxRetries" || name === "maxResponseBytes";
    if (!(typeof value === "number" && value >= min && value <= max && (!whole || value % 1 === 0))) {
      const message = `must be a ${whole ? "whole " : ""}number from ${min} to ${max}; omit it for the default`;
      method ? fail(message, name, { method, path }) : invalid(`${name} ${message}`, name);
    }
  }
}
