// Timers and signals for one attempt, and the waits between attempts. A plain controller and
// listener instead of AbortSignal.timeout()/any(): they cost far less per call, and the listener
// on the caller's signal is removed as soon as the attempt is over.

export interface Attempt {
  /** Aborts on the timer (with the reason `onTimeout` builds) or when the caller aborts. */
  signal: AbortSignal;
  /** Stops the timer and unhooks the caller's signal. Safe to call more than once. */
  release(): void;
}

export function startAttempt(ms: number, caller: AbortSignal | undefined, onTimeout: () => unknown): Attempt {
  const controller = new AbortController();
  const onAbort = () => controller.abort(caller!.reason);
  const release = () => {
    clearTimeout(timer);
    caller?.removeEventListener("abort", onAbort);
  };
  const timer = setTimeout(() => {
    release();
    controller.abort(onTimeout());
  }, ms);
  caller?.addEventListener("abort", onAbort); // no `once`: release() unhooks it, and a signal aborts only once
  return { signal: controller.signal, release };
}

/** Resolves after `ms` (a timer that keeps the process alive); rejects at once with the signal's reason when it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort);
  });
}
