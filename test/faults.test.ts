// Fault injection through the public API: each case scripts what the loopback server does to the
// next requests, then checks the outcome, the exact number of requests sent, the elapsed time
// (generous bounds: the machine is shared) and, for listings, that no item was lost or repeated.
import { afterEach, describe, expect, test } from "vitest";
import {
  ConnectionError,
  createSeamClient,
  createSequenceClient,
  InternalServerError,
  MalformedResponseError,
  NotFoundError,
  PaginationError,
  RateLimitError,
  TimeoutError,
  type SequenceClientOptions,
} from "vendor-api-clients";
import type { FakeServer } from "vendor-api-clients/testing";
import { script, startFake } from "./helpers/fake.js";

// Small delays so the file runs in seconds; jitter off so elapsed times are predictable.
const fast = { retry: { baseDelayMs: 40, maxDelayMs: 160, jitter: 0 }, timeoutMs: 2_000 } satisfies SequenceClientOptions;

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(options: Parameters<typeof startFake>[0] = {}, client: SequenceClientOptions = {}) {
  server = await startFake({ users: 5, ...options });
  const sequence = createSequenceClient({ ...server.sequenceClientOptions, ...fast, ...client });
  return { server, sequence };
}

/** Runs `fn` and returns its outcome (value or error) and the elapsed ms. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const start = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

const ids = (items: { id: string }[]) => items.map((u) => u.id);
const expectedIds = (server: FakeServer) => server.sequence.users().map((u) => u.id);
/** The fake's `after` cursor for the page ending at the n-th user (its cursors hold a 1-based position). */
const afterCursor = (n: number) => Buffer.from(`${n}#ASC`).toString("base64");

describe("faults: connection errors", () => {
  test("faults: a reset connection is retried and the call succeeds", async () => {
    const { server, sequence } = await setup();
    script(server, { reset: true });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.value?.id).toBe("user-000001");
    expect(server.requests).toHaveLength(2);
    expect(r.ms).toBeGreaterThanOrEqual(35);
    expect(r.ms).toBeLessThan(2_000);
  });

  test("faults: resets on every attempt give a ConnectionError after 1 + 2 attempts", async () => {
    const { server, sequence } = await setup();
    script(server, { reset: true }, { reset: true }, { reset: true });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(r.error).not.toBeInstanceOf(TimeoutError);
    expect((r.error as ConnectionError).message).toMatch(/^GET \/users\/user-000001 failed: no response/);
    expect(server.requests).toHaveLength(3);
    // backoff 40 + 80 ms
    expect(r.ms).toBeGreaterThanOrEqual(110);
    expect(r.ms).toBeLessThan(3_000);
  });

  test("faults: maxRetries 0 per call sends exactly one request", async () => {
    const { server, sequence } = await setup();
    script(server, { reset: true });
    const r = await timed(() => sequence.users.get("user-000001", { maxRetries: 0 }));
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("faults: timeouts", () => {
  test("faults: a hanging server times out per attempt, then is retried", async () => {
    const { server, sequence } = await setup({}, { timeoutMs: 200 });
    script(server, { hang: true });
    const r = await timed(() => sequence.users.get("user-000002"));
    expect(r.value?.id).toBe("user-000002");
    expect(server.requests).toHaveLength(2);
    expect(r.ms).toBeGreaterThanOrEqual(230);
    expect(r.ms).toBeLessThan(2_500);
  });

  test("faults: hanging on every attempt ends in a TimeoutError after 3 attempts", async () => {
    const { server, sequence } = await setup({}, { timeoutMs: 150 });
    script(server, { hang: true }, { hang: true }, { hang: true });
    const r = await timed(() => sequence.users.get("user-000002"));
    expect(r.error).toBeInstanceOf(TimeoutError);
    expect((r.error as Error).message).toBe("GET /users/user-000002 timed out after 150 ms");
    expect(server.requests).toHaveLength(3);
    // 3 × 150 ms + 40 + 80 ms of backoff
    expect(r.ms).toBeGreaterThanOrEqual(540);
    expect(r.ms).toBeLessThan(4_000);
  });

  test("faults: the overall deadline stops retries", async () => {
    const { server, sequence } = await setup({}, { timeoutMs: 200, deadlineMs: 300 });
    script(server, { hang: true }, { hang: true }, { hang: true });
    const r = await timed(() => sequence.users.get("user-000002"));
    expect(r.error).toBeInstanceOf(TimeoutError);
    expect((r.error as Error).message).toBe("GET /users/user-000002 ran past its 300 ms deadline");
    // 200 ms attempt, 40 ms wait, then the second attempt is cut to the ~60 ms left
    expect(server.requests).toHaveLength(2);
    expect(r.ms).toBeGreaterThanOrEqual(290);
    expect(r.ms).toBeLessThan(2_500);
  });

  test("faults: a slow body that ends within the timeout is fine", async () => {
    const { server, sequence } = await setup({}, { timeoutMs: 1_000 });
    script(server, { slowBodyMs: 150 });
    const r = await timed(() => sequence.users.get("user-000003"));
    expect(r.value?.id).toBe("user-000003");
    expect(server.requests).toHaveLength(1);
    expect(r.ms).toBeGreaterThanOrEqual(140);
    expect(r.ms).toBeLessThan(2_000);
  });

  test("faults: a body slower than the per-attempt timeout fails with TimeoutError, not a hang", async () => {
    const { server, sequence } = await setup({}, { timeoutMs: 200, maxRetries: 0 });
    script(server, { slowBodyMs: 5_000 });
    const r = await timed(() => sequence.users.get("user-000003"));
    expect(r.error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
    expect(r.ms).toBeGreaterThanOrEqual(190);
    expect(r.ms).toBeLessThan(2_000);
  });
});

describe("faults: malformed responses", () => {
  test("faults: truncated JSON on a 2xx is a MalformedResponseError with status and snippet, not retried", async () => {
    const { server, sequence } = await setup();
    script(server, { truncated: true });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.error).toBeInstanceOf(MalformedResponseError);
    const error = r.error as MalformedResponseError;
    expect(error.status).toBe(200);
    expect(error.snippet).toMatch(/^\{"id":"user-000001"/);
    expect(server.requests).toHaveLength(1);
  });

  test("faults: a body that breaks off (no retries left) is a ConnectionError, never a crash or a success", async () => {
    const { server, sequence } = await setup({}, { maxRetries: 0 });
    script(server, { cutBody: true });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  test("faults: an HTML body with the wrong content-type is a MalformedResponseError", async () => {
    const { server, sequence } = await setup();
    script(server, { malformed: true });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.error).toBeInstanceOf(MalformedResponseError);
    expect((r.error as MalformedResponseError).status).toBe(200);
    expect((r.error as MalformedResponseError).snippet).toContain("<html>");
    expect(server.requests).toHaveLength(1);
  });
});

describe("faults: rate limits and server errors", () => {
  test("faults: 429 without Retry-After is retried after the backoff", async () => {
    const { server, sequence } = await setup();
    script(server, { status: 429 });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.value?.id).toBe("user-000001");
    expect(server.requests).toHaveLength(2);
    expect(r.ms).toBeGreaterThanOrEqual(35);
    expect(r.ms).toBeLessThan(2_000);
  });

  test("faults: 429 with Retry-After: 0 retries at once", async () => {
    const { server, sequence } = await setup({}, { retry: { baseDelayMs: 5_000 } });
    script(server, { status: 429, retryAfter: 0 });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.value?.id).toBe("user-000001");
    expect(server.requests).toHaveLength(2);
    expect(r.ms).toBeLessThan(1_000);
  });

  test("faults: 429 with Retry-After in seconds waits that long", async () => {
    const { server, sequence } = await setup();
    script(server, { status: 429, retryAfter: 1 });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.value?.id).toBe("user-000001");
    expect(server.requests).toHaveLength(2);
    const gap = server.requests[1]!.time.getTime() - server.requests[0]!.time.getTime();
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(r.ms).toBeLessThan(3_000);
  });

  test("faults: 429 with Retry-After as an HTTP date waits until then", async () => {
    const { server, sequence } = await setup();
    // HTTP dates have whole seconds: 2 s ahead means a wait of 1–2 s
    script(server, { status: 429, retryAfter: new Date(Date.now() + 2_000).toUTCString() });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.value?.id).toBe("user-000001");
    expect(server.requests).toHaveLength(2);
    expect(r.ms).toBeGreaterThanOrEqual(900);
    expect(r.ms).toBeLessThan(4_000);
  });

  test("faults: Retry-After over 60 s fails fast with RateLimitError.retryAfter", async () => {
    const { server, sequence } = await setup();
    script(server, { status: 429, retryAfter: 120 });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.error).toBeInstanceOf(RateLimitError);
    expect((r.error as RateLimitError).retryAfter).toBe(120);
    expect((r.error as RateLimitError).status).toBe(429);
    expect(server.requests).toHaveLength(1);
    expect(r.ms).toBeLessThan(1_000);
  });

  test("faults: a Retry-After date beyond 60 s fails fast too", async () => {
    const { server, sequence } = await setup();
    script(server, { status: 429, retryAfter: new Date(Date.now() + 300_000).toUTCString() });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.error).toBeInstanceOf(RateLimitError);
    expect((r.error as RateLimitError).retryAfter).toBeGreaterThan(290);
    expect(server.requests).toHaveLength(1);
    expect(r.ms).toBeLessThan(1_000);
  });

  test("faults: a Retry-After longer than the time left before the deadline fails fast", async () => {
    const { server, sequence } = await setup({}, { deadlineMs: 500 });
    script(server, { status: 503, retryAfter: 5 });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(r.ms).toBeLessThan(1_000);
  });

  test("faults: a burst of two 503s is ridden out", async () => {
    const { server, sequence } = await setup();
    script(server, { status: 503 }, { status: 502 });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.value?.id).toBe("user-000001");
    expect(server.requests).toHaveLength(3);
    expect(r.ms).toBeGreaterThanOrEqual(110);
    expect(r.ms).toBeLessThan(2_000);
  });

  test("faults: three 5xx in a row surface as InternalServerError after 3 requests", async () => {
    const { server, sequence } = await setup();
    script(server, { status: 500 }, { status: 503 }, { status: 504 });
    const r = await timed(() => sequence.users.get("user-000001"));
    expect(r.error).toBeInstanceOf(InternalServerError);
    expect((r.error as InternalServerError).status).toBe(504);
    expect(server.requests).toHaveLength(3);
  });

  test("faults: 404 is not retried", async () => {
    const { server, sequence } = await setup();
    const r = await timed(() => sequence.users.get("nobody"));
    expect(r.error).toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });

  test("faults: DELETE is idempotent and retried on 503", async () => {
    const { server, sequence } = await setup();
    script(server, { status: 503 });
    const r = await timed(() => sequence.users.delete("user-000004"));
    expect(r.value?.state).toBe("deleted");
    expect(server.requests.map((q) => q.method)).toEqual(["DELETE", "DELETE"]);
  });
});

describe("faults: Seam POST /acs/users/delete", () => {
  const acsUser = (server: FakeServer) => server.seam.acsUsers()[0]!;
  const seamFor = (server: FakeServer) => createSeamClient({ ...server.seamClientOptions("apiKey"), ...fast });

  test("faults: delete by acs_user_id is retried on 503 and the body is replayed unchanged", async () => {
    server = await startFake();
    const acsUserId = acsUser(server).acs_user_id;
    script(server, { status: 503 });
    const r = await timed(() => seamFor(server!).acs.users.delete({ acs_user_id: acsUserId }));
    expect(r.value).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((q) => q.body)).toEqual([{ acs_user_id: acsUserId }, { acs_user_id: acsUserId }]);
  });

  test("faults: delete by user_identity_id + acs_system_id is not replayed (the pair is resolved per request)", async () => {
    server = await startFake();
    script(server, { status: 503 });
    const { user_identity_id, acs_system_id } = acsUser(server);
    const body = { user_identity_id, acs_system_id };
    const r = await timed(() => seamFor(server!).acs.users.delete(body));
    expect(r.error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    // the caller can still opt in
    script(server, { status: 503 });
    const again = await timed(() => seamFor(server!).acs.users.delete(body, { idempotent: true }));
    expect(again.value).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  test("faults: delete with idempotent: false is never replayed", async () => {
    server = await startFake();
    script(server, { reset: true });
    const r = await timed(() => seamFor(server!).acs.users.delete({ acs_user_id: acsUser(server!).acs_user_id }, { idempotent: false }));
    expect(r.error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("faults: listings", () => {
  test("faults: a listing survives resets, 429s and 5xx with nothing lost or duplicated", async () => {
    const { server, sequence } = await setup({ users: 250 });
    // page 1 ok, page 2 reset then ok, page 3 429 then 503 then ok
    script(server, 
      { delayMs: 0 },
      { reset: true },
      { delayMs: 0 },
      { status: 429 },
      { status: 503 },
    );
    const users = await sequence.users.list({ limit: 100 }).toArray();
    expect(ids(users)).toEqual(expectedIds(server));
    expect(new Set(ids(users)).size).toBe(250);
    // 3 pages + 3 retried requests
    expect(server.requests).toHaveLength(6);
    expect(server.requests.map((q) => q.query.after)).toEqual([undefined, afterCursor(100), afterCursor(100), afterCursor(200), afterCursor(200), afterCursor(200)]);
  });

  test("faults: a page whose body breaks off or stalls is retried, nothing lost", async () => {
    const { server, sequence } = await setup({ users: 40 }, { timeoutMs: 200 });
    script(server, { delayMs: 0 }, { cutBody: true }, { delayMs: 0 }, { slowBodyMs: 2_000 });
    const users = await sequence.users.list({ limit: 10 }).toArray();
    expect(ids(users)).toEqual(expectedIds(server));
    // 4 pages + 2 retried
    expect(server.requests).toHaveLength(6);
    expect(server.requests.map((q) => q.query.after)).toEqual([undefined, afterCursor(10), afterCursor(10), afterCursor(20), afterCursor(20), afterCursor(30)]);
  });

  test("faults: a looping cursor is a PaginationError, with no further request", async () => {
    const { server, sequence } = await setup({ users: 30 });
    script(server, { delayMs: 0 }, { loopCursor: true });
    const seen: string[] = [];
    const r = await timed(async () => {
      for await (const user of sequence.users.list({ limit: 10 })) seen.push(user.id);
    });
    expect(r.error).toBeInstanceOf(PaginationError);
    expect(server.requests).toHaveLength(2);
    expect(seen).toEqual(expectedIds(server).slice(0, seen.length));
  });

  test("faults: resuming from the saved cursor after a looping cursor neither duplicates nor skips", async () => {
    const { server, sequence } = await setup({ users: 30 });
    script(server, { delayMs: 0 }, { loopCursor: true });
    const seen: string[] = [];
    const first = sequence.users.list({ limit: 10 });
    await expect(
      (async () => {
        for await (const user of first) seen.push(user.id);
      })(),
    ).rejects.toBeInstanceOf(PaginationError);
    // an application saves `pagination.after` and resumes later; the server is healthy again
    const after = first.pagination?.after ?? undefined;
    for await (const user of sequence.users.list({ limit: 10, after })) seen.push(user.id);
    expect(seen).toEqual(expectedIds(server));
  });

  test("faults: a looping cursor on the first page is caught too", async () => {
    const { server, sequence } = await setup({ users: 30 });
    script(server, { loopCursor: true }, { loopCursor: true });
    const r = await timed(() => sequence.users.list({ limit: 10 }).toArray());
    expect(r.error).toBeInstanceOf(PaginationError);
    expect(server.requests).toHaveLength(2);
  });

  test("faults: a short page with a cursor does not end the listing", async () => {
    const { server, sequence } = await setup({ users: 25 });
    script(server, { shortPage: true });
    const users = await sequence.users.list({ limit: 10 }).toArray();
    expect(ids(users)).toEqual(expectedIds(server));
    // 5 + 10 + 10 items
    expect(server.requests).toHaveLength(3);
  });

  test("faults: a null cursor stops the listing", async () => {
    const { server, sequence } = await setup({ users: 20 });
    const users = await sequence.users.list({ limit: 10 }).toArray();
    expect(ids(users)).toEqual(expectedIds(server));
    expect(server.requests).toHaveLength(2);
  });

  test("faults: an absent cursor stops the listing", async () => {
    const { server, sequence } = await setup({ users: 20 });
    script(server, { omitNullCursors: true }, { omitNullCursors: true });
    const users = await sequence.users.list({ limit: 10 }).toArray();
    expect(ids(users)).toEqual(expectedIds(server));
    expect(server.requests).toHaveLength(2);
  });

  test("faults: a listing whose last page left its cursors out saves null, and resuming from it yields nothing instead of starting over", async () => {
    const { server, sequence } = await setup({ users: 150 });
    script(server, { omitNullCursors: true }, { omitNullCursors: true });
    const list = sequence.users.list({ limit: 100 });
    const saved: (string | null)[] = [];
    for await (const page of list.pages()) saved.push(page.pagination.after, page.pagination.before);
    // page 1 has no `before` on the wire, page 2 no `after`: both read as null, never undefined
    expect(saved[1]).toBeNull();
    expect(saved[2]).toBeNull();
    expect(list.pagination?.after).toBeNull();
    expect(server.requests).toHaveLength(2);

    const resumed = await sequence.users.list({ limit: 100, after: saved[2] }).toArray();
    expect(resumed).toEqual([]);
    expect(server.requests).toHaveLength(2);
    // and walking back from the first page's saved `before` is at its end too
    expect(await sequence.users.list({ before: saved[1] }).toArray()).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  test("faults: maxPages caps the requests", async () => {
    const { server, sequence } = await setup({ users: 100 });
    const users = await sequence.users.list({ limit: 10 }, { maxPages: 3 }).toArray();
    expect(ids(users)).toEqual(expectedIds(server).slice(0, 30));
    expect(server.requests).toHaveLength(3);
  });

  test("faults: a malformed page fails the listing instead of skipping it", async () => {
    const { server, sequence } = await setup({ users: 30 });
    script(server, { delayMs: 0 }, { truncated: true });
    const seen: string[] = [];
    const r = await timed(async () => {
      for await (const user of sequence.users.list({ limit: 10 })) seen.push(user.id);
    });
    expect(r.error).toBeInstanceOf(MalformedResponseError);
    expect(seen).toEqual(expectedIds(server).slice(0, 10));
    expect(server.requests).toHaveLength(2);
  });
});

describe("faults: abort", () => {
  test("faults: aborting a hanging call rejects at once with the signal's reason, no retry", async () => {
    const { server, sequence } = await setup({}, { timeoutMs: 5_000 });
    script(server, { hang: true }, { hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const r = await timed(() => sequence.users.get("user-000001", { signal: controller.signal }));
    expect((r.error as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
    expect(r.ms).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests).toHaveLength(1);
  });

  test("faults: aborting during the backoff wait sends nothing more", async () => {
    const { server, sequence } = await setup({}, { retry: { baseDelayMs: 2_000, jitter: 0 } });
    script(server, { status: 503 });
    const controller = new AbortController();
    const reason = new Error("stop now");
    setTimeout(() => controller.abort(reason), 150);
    const r = await timed(() => sequence.users.get("user-000001", { signal: controller.signal }));
    expect(r.error).toBe(reason);
    expect(r.ms).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.requests).toHaveLength(1);
  });

  test("faults: an already aborted signal sends no request", async () => {
    const { server, sequence } = await setup();
    const r = await timed(() => sequence.users.get("user-000001", { signal: AbortSignal.abort() }));
    expect((r.error as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(0);
  });

  test("faults: aborting a listing mid-way stops page requests", async () => {
    const { server, sequence } = await setup({ users: 100 });
    const controller = new AbortController();
    const seen: string[] = [];
    const r = await timed(async () => {
      for await (const user of sequence.users.list({ limit: 10 }, { signal: controller.signal })) {
        seen.push(user.id);
        if (seen.length === 15) controller.abort();
      }
    });
    expect((r.error as Error).name).toBe("AbortError");
    expect(seen).toHaveLength(15);
    expect(server.requests).toHaveLength(2);
  });

  test("faults: aborting during a slow body stops the read at once", async () => {
    const { server, sequence } = await setup({}, { timeoutMs: 10_000 });
    script(server, { slowBodyMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const r = await timed(() => sequence.users.get("user-000001", { signal: controller.signal }));
    expect((r.error as Error).name).toBe("AbortError");
    expect(r.ms).toBeLessThan(1_500);
    expect(server.requests).toHaveLength(1);
  });
});
