// STUB, to be replaced by the reliability work (retries, deadlines, rate limiting).
// The contract the facade relies on is the exported types and createTransport's signature.
import { ConnectionError, TimeoutError } from "./errors.js";

export interface TransportOptions {
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
  maxRetries?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /** Whether the call may be replayed; defaults from the method (GET, HEAD, PUT, DELETE). */
  idempotent?: boolean;
}

/** A fetch-shaped function that applies the client's reliability policy to each request. */
export type Transport = (request: Request, call?: CallOptions) => Promise<Response>;

export function createTransport(options: TransportOptions = {}): Transport {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return async (request, call = {}) => {
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 30_000;
    const signals = [AbortSignal.timeout(timeoutMs), ...(call.signal ? [call.signal] : [])];
    const path = new URL(request.url).pathname;
    try {
      return await fetchImpl(new Request(request, { signal: AbortSignal.any(signals) }));
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason;
      if ((error as Error).name === "TimeoutError") {
        throw new TimeoutError(`${request.method} ${path} timed out after ${timeoutMs} ms`, { method: request.method, path, cause: error });
      }
      throw new ConnectionError(`${request.method} ${path} failed: no response`, { method: request.method, path, cause: error });
    }
  };
}
