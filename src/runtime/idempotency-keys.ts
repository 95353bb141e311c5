// The `idempotencyKeys` option: an `Idempotency-Key` (one random UUID per call) on operations that
// declare that header. Passed to createApiClient by entries with such an operation.
import type { OperationSpec } from "./request.js";

/** Adds a key to `headers` unless the caller passed one; true when the operation declares the header (the call may then be retried). */
export function addIdempotencyKey(op: OperationSpec, headers: Record<string, string>): boolean {
  if (!Object.keys(op.params?.header ?? {}).some((name) => name.toLowerCase() === "idempotency-key")) return false;
  // one key per logical call: the transport sends these same headers on every retry
  headers["idempotency-key"] ??= crypto.randomUUID();
  return true;
}
