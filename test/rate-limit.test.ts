// The opt-in client-side limiter: the exact Sequence setting (1,500 a minute) on a fake clock, then
// bulk work through the public API against a server that enforces a (scaled-down) limit with 429s.
import { afterEach, describe, expect, test, vi } from "vitest";
import { createRateLimiter, createSequenceClient, RateLimitError, sequenceRateLimit, ValidationError, type RateLimitOptions } from "vendor-api-clients";
import type { FakeServer } from "vendor-api-clients/testing";
import { startFake } from "./helpers/fake.js";

/** The most grants inside any closed window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! > windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<PromiseSettledResult<unknown>[]> {
  const results: PromiseSettledResult<unknown>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!).then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

let server: FakeServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe("rate-limit", () => {
  test("rate-limit: the Sequence setting never lets more than 1,470 of the allowed 1,500 requests into any minute", async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = createRateLimiter(sequenceRateLimit);
    const times: number[] = [];
    const all: Promise<void>[] = [];
    // 2,000 requests queued at once, as a bulk delete with unbounded concurrency would
    for (let i = 0; i < 2_000; i++) all.push(Promise.resolve(limiter.acquire()).then(() => void times.push(Date.now())));
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all(all);
    expect(times).toHaveLength(2_000);
    expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(1_470);
    // and it is not needlessly slow: 24 at once, then 1,446 a minute
    expect(times.filter((t) => t === 0)).toHaveLength(24);
    expect(Math.max(...times)).toBeLessThan(((2_000 - 24) / 1_446) * 60_000 + 100);
  });

  test("rate-limit: an aborted wait rejects with the reason and leaves the queue", async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = createRateLimiter({ limit: 10, intervalMs: 900, burst: 1 });
    expect(limiter.acquire()).toBeUndefined();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    // the aborted waiter took no token: the next caller goes after one refill (900 ms / 9)
    let granted = -1;
    void limiter.acquire()!.then(() => (granted = Date.now()));
    await vi.advanceTimersByTimeAsync(300);
    expect(granted).toBe(100);
  });

  test("rate-limit: a late timer does not let more than the burst through at once", async () => {
    vi.useFakeTimers({ now: 0 });
    let clock = 0;
    const limiter = createRateLimiter({ limit: 100, intervalMs: 1_000, burst: 5, now: () => clock });
    const times: number[] = [];
    for (let i = 0; i < 20; i++) void Promise.resolve(limiter.acquire()).then(() => void times.push(clock));
    await Promise.resolve();
    // the event loop was busy for 2 s: the bucket refilled, but only up to its 5 tokens
    clock = 2_000;
    await vi.advanceTimersByTimeAsync(20);
    await Promise.resolve();
    expect(times.filter((t) => t === 0)).toHaveLength(5);
    expect(times.filter((t) => t === 2_000)).toHaveLength(5);
  });

  test("rate-limit: rejects settings it cannot honour with a ValidationError naming the option", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ limit: 1 }, "limit"],
      [{ limit: 2.5 }, "limit"],
      [{ limit: Infinity }, "limit"],
      [{ limit: "10" }, "limit"],
      [{ limit: 10, burst: 10 }, "burst"],
      [{ limit: 10, burst: 0 }, "burst"],
      [{ limit: 10, burst: NaN }, "burst"],
      [{ limit: 10, intervalMs: 0 }, "intervalMs"],
      [{ limit: 10, intervalMs: Infinity }, "intervalMs"],
      [{ limit: 10, intervalMs: NaN }, "intervalMs"],
      [{ limit: 10, intervalMs: "1000" }, "intervalMs"],
    ];
    for (const [options, param] of cases) {
      let error: unknown;
      try {
        createRateLimiter(options as unknown as RateLimitOptions);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(options)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).param).toBe(param);
      expect((error as Error).message).toContain(param);
    }
  });

  test("rate-limit: once its last waiter is aborted no timer keeps the process alive", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const limiter = createRateLimiter({ limit: 2, intervalMs: 10_000, burst: 1 });
    expect(limiter.acquire()).toBeUndefined();
    const before = timers();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    expect(timers()).toBe(before + 1);
    controller.abort(new Error("stop"));
    expect(timers()).toBe(before); // checked at once, before other tests' timers can come and go
    await expect(waiting).rejects.toThrow("stop");
  });

  test("rate-limit: aborting 100,000 waiters that share one signal is fast and adds one listener", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => void warnings.push(w);
    process.on("warning", onWarning);
    try {
      const limiter = createRateLimiter({ limit: 2, intervalMs: 10_000, burst: 1 });
      limiter.acquire();
      const controller = new AbortController();
      const settled = Promise.allSettled(Array.from({ length: 100_000 }, () => limiter.acquire(controller.signal)));
      const started = performance.now();
      controller.abort(new Error("stop"));
      const results = await settled;
      const elapsed = performance.now() - started;
      expect(results.every((r) => r.status === "rejected")).toBe(true);
      expect(elapsed).toBeLessThan(1_000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });

  // The server allows 30 requests a second (Sequence's 1,500 a minute, scaled down 60×). The client
  // aims 10 % under: on a busy test machine, arrival times at the server wobble by tens of ms.
  const serverLimit = { limit: 30, windowMs: 1_000 };
  const clientLimit = { limit: 27, intervalMs: 1_000 };

  test("rate-limit: without a limiter, a bulk delete meets a storm of 429s", async () => {
    server = await startFake({ users: 40, sequenceRateLimit: serverLimit });
    const sequence = createSequenceClient({ ...server.sequenceClientOptions, maxRetries: 0 });
    const results = await pool(server.sequence.users(), 40, (user) => sequence.users.delete(user.id));
    const limited = results.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitError);
    expect(limited.length).toBeGreaterThanOrEqual(5);
  });

  test("rate-limit: with the limiter, a bulk delete stays under the limit and every user is deleted", async () => {
    server = await startFake({ users: 40, sequenceRateLimit: serverLimit });
    const rateLimiter = createRateLimiter(clientLimit);
    const sequence = createSequenceClient({ ...server.sequenceClientOptions, maxRetries: 0, rateLimiter });
    const start = performance.now();
    const results = await pool(server.sequence.users(), 10, (user) => sequence.users.delete(user.id));
    const ms = performance.now() - start;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(server.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(server.requests).toHaveLength(40);
    expect(busiestWindow(server.requests.map((r) => r.time.getTime()), serverLimit.windowMs - 1)).toBeLessThanOrEqual(serverLimit.limit);
    // 1 at once, then 26 a second: about 39/26 s ≈ 1,500 ms
    expect(ms).toBeGreaterThan(1_350);
    expect(ms).toBeLessThan(5_000);
  });

  test("rate-limit: one limiter shared by a listing and a bulk delete keeps both under the limit", async () => {
    server = await startFake({ users: 100, sequenceRateLimit: serverLimit });
    const rateLimiter = createRateLimiter(clientLimit);
    const options = { ...server.sequenceClientOptions, maxRetries: 0, rateLimiter };
    const lister = createSequenceClient(options);
    const deleter = createSequenceClient(options);
    const all = server.sequence.users().map((u) => u.id);
    const doomed = new Set(all.slice(0, 20));
    const [listed, deleted] = await Promise.all([
      lister.users.list({ limit: 10 }).toArray(),
      pool([...doomed], 5, (id) => deleter.users.delete(id)),
    ]);
    // The fake drops deleted users from later pages, so a doomed user shows up only if its page came
    // first; everyone else exactly once, in order.
    const listedIds = new Set(listed.map((u) => u.id));
    expect(listed.map((u) => u.id)).toEqual(all.filter((id) => !doomed.has(id) || listedIds.has(id)));
    expect(deleted.filter((r) => r.status === "rejected")).toEqual([]);
    expect(server.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(busiestWindow(server.requests.map((r) => r.time.getTime()), serverLimit.windowMs - 1)).toBeLessThanOrEqual(serverLimit.limit);
    // 20 deletes and the pages (10 when no page lost a doomed user, fewer otherwise)
    expect(server.requests.filter((r) => r.method === "DELETE")).toHaveLength(20);
    expect(server.requests.filter((r) => r.method === "GET")).toHaveLength(Math.ceil(listed.length / 10));
  });
});
