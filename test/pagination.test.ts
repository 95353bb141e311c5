import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSequenceClient, PaginationError, ValidationError, type SequenceClient } from "vendor-api-clients";
import { json, startServer, user, type FakeServer, type RecordedRequest } from "./helpers/server.js";

let server: FakeServer;
let sequence: SequenceClient;

type Pagination = { after?: string | null; before?: string | null; totalResultSize?: number };
/** Pages by the cursor that asks for them ("" = first page); the handler looks up after ?? before. */
function pages(book: Record<string, { ids: string[]; pagination: Pagination }>) {
  return (req: RecordedRequest, res: Parameters<typeof json>[0]) => {
    const key = req.query.get("after") ?? req.query.get("before") ?? "";
    const page = book[key];
    if (!page) return json(res, 400, { error: { type: "BadCursor", message: key } });
    json(res, 200, { items: page.ids.map((id) => user(id)), pagination: page.pagination });
  };
}

const cursorsSent = () => server.requests.map((r) => r.query.get("after") ?? (r.query.get("before") ? `<${r.query.get("before")}` : ""));

beforeAll(async () => {
  server = await startServer();
  sequence = createSequenceClient({ clientId: "id", clientSecret: "secret", baseUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const threePages = {
  "": { ids: ["a", "b"], pagination: { after: "c1", before: null, totalResultSize: 5 } },
  c1: { ids: ["c", "d"], pagination: { after: "c2", before: "b1", totalResultSize: 5 } },
  c2: { ids: ["e"], pagination: { after: null, before: "b2", totalResultSize: 5 } },
};

describe("pagination", () => {
  it("pagination: is lazy and iterates every item across pages, stopping when after is null", async () => {
    server.handle(pages(threePages));
    const list = sequence.users.list({ limit: 2 });
    expect(server.requests).toHaveLength(0);
    expect(list.totalResultSize).toBeUndefined();
    const ids: string[] = [];
    for await (const u of list) ids.push(u.id);
    expect(ids).toEqual(["a", "b", "c", "d", "e"]);
    expect(cursorsSent()).toEqual(["", "c1", "c2"]);
    expect(server.requests.every((r) => r.query.get("limit") === "2")).toBe(true);
    expect(list.totalResultSize).toBe(5);
  });

  it("pagination: stops when after is absent", async () => {
    server.handle(pages({ "": { ids: ["a"], pagination: { after: "x" } }, x: { ids: ["b"], pagination: {} } }));
    expect((await sequence.users.list().toArray()).map((u) => u.id)).toEqual(["a", "b"]);
    expect(server.requests).toHaveLength(2);
  });

  it("pagination: stops at an empty page even when it carries a cursor", async () => {
    server.handle(pages({ "": { ids: ["a"], pagination: { after: "x" } }, x: { ids: [], pagination: { after: "y" } } }));
    expect((await sequence.users.list().toArray()).map((u) => u.id)).toEqual(["a"]);
    expect(server.requests).toHaveLength(2);
  });

  it("pagination: a page with fewer items than limit but with a cursor continues", async () => {
    server.handle(pages({ "": { ids: ["a"], pagination: { after: "x" } }, x: { ids: ["b", "c"], pagination: { after: null } } }));
    expect((await sequence.users.list({ limit: 3 }).toArray()).map((u) => u.id)).toEqual(["a", "b", "c"]);
  });

  it("pagination: a repeated cursor throws PaginationError instead of looping", async () => {
    server.handle(
      pages({
        "": { ids: ["a"], pagination: { after: "x" } },
        x: { ids: ["b"], pagination: { after: "y" } },
        y: { ids: ["c"], pagination: { after: "x" } },
      }),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const u of sequence.users.list()) seen.push(u.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ method: "GET", path: "/users" });
    // the page that points back is refused before its items are yielded
    expect(seen).toEqual(["a", "b"]);
    expect(server.requests).toHaveLength(3);
  });

  it("pagination: a server that ignores the cursor yields its page once, and resume starts at the refused page", async () => {
    let calls = 0;
    server.handle((_req, res) => {
      calls++;
      json(res, 200, { items: [user("a"), user("b")], pagination: { after: "x" } });
    });
    const list = sequence.users.list();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const u of list) seen.push(u.id);
      })(),
    ).rejects.toBeInstanceOf(PaginationError);
    expect(seen).toEqual(["a", "b"]);
    expect(calls).toBe(2);
    expect(list.pagination?.after).toBe("x");
  });

  it("pagination: an abort stops item iteration at once, mid-page", async () => {
    server.handle(pages(threePages));
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const u of sequence.users.list({ limit: 2 }, { signal: controller.signal })) {
          seen.push(u.id);
          if (u.id === "c") controller.abort(new Error("enough"));
        }
      })(),
    ).rejects.toThrow("enough");
    expect(seen).toEqual(["a", "b", "c"]);
    expect(server.requests).toHaveLength(2);
  });

  it("pagination: a server that hands back the starting cursor is caught too", async () => {
    server.handle(pages({ s: { ids: ["a"], pagination: { after: "s" } } }));
    await expect(sequence.users.list({ after: "s" }).toArray()).rejects.toBeInstanceOf(PaginationError);
    expect(server.requests).toHaveLength(1);
  });

  it("pagination: resumes from a saved after cursor", async () => {
    server.handle(pages(threePages));
    const first = sequence.users.list({ limit: 2 }, { maxPages: 1 });
    expect((await first.toArray()).map((u) => u.id)).toEqual(["a", "b"]);
    const saved = first.pagination?.after;
    expect(saved).toBe("c1");
    const rest = await sequence.users.list({ limit: 2, after: saved ?? undefined }).toArray();
    expect(rest.map((u) => u.id)).toEqual(["c", "d", "e"]);
    expect(cursorsSent()).toEqual(["", "c1", "c2"]);
  });

  it("pagination: a saved pagination.after of null resumes as an ended listing: nothing is requested or yielded", async () => {
    server.handle(pages(threePages));
    const all = sequence.users.list({ limit: 2 });
    for await (const _ of all.pages());
    expect(all.pagination?.after).toBeNull();
    server.requests.length = 0;
    // the README's save-and-resume pattern, passing the saved value as it is
    expect(await sequence.users.list({ limit: 2, after: all.pagination?.after }).toArray()).toEqual([]);
    expect(await sequence.users.list({ before: null }).toArray()).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("pagination: after and before together are refused, null included", () => {
    expect(() => sequence.users.list({ after: null, before: "b1" })).toThrow(ValidationError);
    expect(() => sequence.users.list({ after: "a1", before: null })).toThrow(ValidationError);
  });

  it("pagination: a server cursor that could not be sent back stops the listing with PaginationError, after the good pages", async () => {
    for (const bad of ["\ud800", "x".repeat(4097)]) {
      server.requests.length = 0;
      server.handle(pages({ "": { ids: ["a"], pagination: { after: "c1" } }, c1: { ids: ["b"], pagination: { after: bad } } }));
      const seen: string[] = [];
      const error = await (async () => {
        for await (const u of sequence.users.list()) seen.push(u.id);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaginationError);
      expect((error as Error).message).toMatch(/cursor longer than 4096 characters or not valid unicode/);
      expect(seen).toEqual(["a"]);
      expect(server.requests).toHaveLength(2);
    }
  });

  it("pagination: walks backwards with before until before is null", async () => {
    server.handle(
      pages({
        b2: { ids: ["c", "d"], pagination: { after: "c2", before: "b1" } },
        b1: { ids: ["a", "b"], pagination: { after: "c1", before: null } },
      }),
    );
    const pagesSeen: string[][] = [];
    for await (const page of sequence.users.list({ before: "b2" }).pages()) pagesSeen.push(page.items.map((u) => u.id));
    expect(pagesSeen).toEqual([["c", "d"], ["a", "b"]]);
    expect(cursorsSent()).toEqual(["<b2", "<b1"]);
    expect(server.requests.every((r) => !r.query.has("after"))).toBe(true);
  });

  it("pagination: pages() yields items with their pagination", async () => {
    server.handle(pages(threePages));
    const got = [];
    for await (const page of sequence.users.list({ limit: 2 }).pages()) got.push(page);
    expect(got.map((p) => p.pagination.after)).toEqual(["c1", "c2", null]);
    expect(got[2]?.items.map((u) => u.email)).toEqual(["e@example.test"]);
  });

  it("pagination: maxPages caps the page requests and keeps the cursor to resume from", async () => {
    server.handle(pages(threePages));
    const list = sequence.users.list({ limit: 2 }, { maxPages: 2 });
    expect((await list.toArray()).map((u) => u.id)).toEqual(["a", "b", "c", "d"]);
    expect(server.requests).toHaveLength(2);
    expect(list.pagination?.after).toBe("c2");
  });

  it("pagination: the same id on two pages is yielded twice, as the server sent it (no dedupe)", async () => {
    server.handle(
      pages({
        "": { ids: ["a", "b"], pagination: { after: "c1" } },
        c1: { ids: ["b", "c"], pagination: { after: null } },
      }),
    );
    expect((await sequence.users.list().toArray()).map((u) => u.id)).toEqual(["a", "b", "b", "c"]);
  });

  it("pagination: a listing that never ends, with a fresh cursor on every page, stops only at maxPages", async () => {
    // no default page cap: each page names a new cursor, so the repeated-cursor check never fires
    server.handle((req, res) => {
      const n = Number(req.query.get("after") ?? "0");
      json(res, 200, { items: [user(`u${n}`)], pagination: { after: String(n + 1) } });
    });
    const list = sequence.users.list({}, { maxPages: 25 });
    expect(await list.toArray()).toHaveLength(25);
    expect(server.requests).toHaveLength(25);
    expect(list.pagination?.after).toBe("25");
  });

  it("pagination: a server cursor of 1 MB stops the listing with PaginationError and is never sent back", async () => {
    const huge = "x".repeat(1_000_000);
    server.handle(pages({ "": { ids: ["a"], pagination: { after: huge } } }));
    const error = await sequence.users.list().toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).not.toContain("xxxx");
    expect(server.requests).toHaveLength(1);
  });

  it("pagination: toArray({ max }) stops requesting pages once it has max items", async () => {
    server.handle(pages(threePages));
    const items = await sequence.users.list({ limit: 2 }).toArray({ max: 3 });
    expect(items.map((u) => u.id)).toEqual(["a", "b", "c"]);
    expect(server.requests).toHaveLength(2);
  });

  it("pagination: each iteration starts again from the first request", async () => {
    server.handle(pages(threePages));
    const list = sequence.users.list({ limit: 2 });
    expect(await list.toArray()).toHaveLength(5);
    expect(await list.toArray()).toHaveLength(5);
    expect(server.requests).toHaveLength(6);
  });

  it("pagination: with prefetch the next page is requested while the caller works on the current one", async () => {
    server.handle(pages(threePages));
    const requestsWhileHolding: number[] = [];
    for await (const page of sequence.users.list({ limit: 2 }, { prefetch: true }).pages()) {
      if (page.pagination.after) await waitFor(() => server.requests.length > requestsWhileHolding.length + 1);
      requestsWhileHolding.push(server.requests.length);
    }
    expect(requestsWhileHolding).toEqual([2, 3, 3]);
  });

  it("pagination: without prefetch nothing is requested while the caller works", async () => {
    server.handle(pages(threePages));
    const counts: number[] = [];
    for await (const _page of sequence.users.list({ limit: 2 }).pages()) {
      await new Promise((r) => setTimeout(r, 30));
      counts.push(server.requests.length);
    }
    expect(counts).toEqual([1, 2, 3]);
  });

  it("pagination: an abort stops further page requests, with or without prefetch", async () => {
    for (const prefetch of [false, true]) {
      server.requests.length = 0;
      server.handle(pages(threePages));
      const controller = new AbortController();
      const seen: string[] = [];
      const error = await (async () => {
        for await (const u of sequence.users.list({ limit: 2 }, { signal: controller.signal, prefetch })) {
          seen.push(u.id);
          controller.abort(new Error("user gave up"));
        }
      })().catch((e: unknown) => e);
      expect((error as Error).message).toBe("user gave up");
      expect(seen).toEqual(["a"]);
      await new Promise((r) => setTimeout(r, 30));
      // Without prefetch only the first page was asked for. With prefetch, page 2's request was
      // already in flight when the abort came; whether it reached the server before being cancelled
      // depends on the runtime (it does on Node 20, not on 24). Nothing may be asked for after it.
      const cursors = server.requests.map((r) => r.query.get("after"));
      expect(cursors).toEqual(prefetch ? [null, "c1"].slice(0, Math.max(1, cursors.length)) : [null]);
    }
  });

  it("pagination: breaking out cancels a pending prefetch and leaves no unhandled rejection", async () => {
    let release: () => void = () => {};
    server.handle((req, res) => {
      if (req.query.get("after") === "c1") {
        release = () => pages(threePages)(req, res);
        return;
      }
      pages(threePages)(req, res);
    });
    for await (const u of sequence.users.list({ limit: 2 }, { prefetch: true })) {
      await waitFor(() => server.requests.length === 2);
      expect(u.id).toBe("a");
      break;
    }
    release();
    await new Promise((r) => setTimeout(r, 30));
    expect(server.requests).toHaveLength(2);
  });

  it("pagination: a page whose body breaks off is requested again, nothing lost or duplicated", async () => {
    let calls = 0;
    server.handle((req, res) => {
      if (++calls === 2) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
        res.write('{"items":[{"id":"c"');
        setTimeout(() => res.destroy(), 5);
        return;
      }
      pages(threePages)(req, res);
    });
    const client = createSequenceClient({ clientId: "id", clientSecret: "secret", baseUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    expect((await client.users.list({ limit: 2 }).toArray()).map((u) => u.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(cursorsSent()).toEqual(["", "c1", "c1", "c2"]);
  });

  it("pagination: after and before together, a bad maxPages or a bad max are validation errors", async () => {
    expect(() => sequence.users.list({ after: "a", before: "b" })).toThrow(ValidationError);
    expect(() => sequence.users.list({}, { maxPages: 0 })).toThrow(ValidationError);
    await expect(sequence.users.list().toArray({ max: -1 })).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}
