// Soak: long paginated listings through the public client against a loopback server that injects
// a random fault into ~10 % of requests, from a fixed seed. Faults the transport may retry are
// survived inside one call; the rest (malformed 2xx, a looping cursor, retries exhausted) end the
// listing with a typed error, and the caller resumes from the last page it finished, as an
// application would. Items expected must equal items received, with no duplicates.
//
//   npx tsx bench/soak.ts [--seed 42] [--users 20000] [--rounds 5] [--rate 0.1] [--without "looping cursor,..."] [--prefetch]
import { parseArgs } from "node:util";
import { ApiError, createSequenceClient, type SequenceUser } from "vendor-api-clients";
import { startFakeServer, type FakeFault } from "vendor-api-clients/testing";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "42" },
    users: { type: "string", default: "20000" },
    rounds: { type: "string", default: "5" },
    rate: { type: "string", default: "0.1" },
    "max-seconds": { type: "string", default: "300" },
    without: { type: "string", default: "" },
    prefetch: { type: "boolean", default: false },
  },
});
const seed = Number(values.seed);
const userCount = Number(values.users);
const rounds = Number(values.rounds);
const rate = Number(values.rate);
const maxMs = Number(values["max-seconds"]) * 1000;
const LIMIT = 100;

/** mulberry32: the same seed gives the same faults on every run and machine. */
function random(s: number): () => number {
  let state = s >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What each kind does is described in src/testing/faults.ts. Three are not retried by design:
// a complete 2xx that is not what the spec promises (truncated JSON, HTML), and a cursor that loops.
const allFaults: [label: string, fault: FakeFault][] = [
  ["reset", { reset: true }],
  ["hang (timeout)", { hang: true }],
  ["slow body (in time)", { slowBodyMs: 50 }],
  ["429", { status: 429 }],
  ["429 Retry-After: 0", { status: 429, retryAfter: 0 }],
  ["500", { status: 500 }],
  ["502", { status: 502 }],
  ["503", { status: 503 }],
  ["504", { status: 504 }],
  ["short page", { shortPage: true }],
  ["truncated JSON", { truncated: true }],
  ["body cut off", { cutBody: true }],
  ["wrong content-type", { malformed: true }],
  ["looping cursor", { loopCursor: true }],
];
const without = new Set(values.without.split(",").map((s) => s.trim()).filter(Boolean));
const menu = allFaults.filter(([label]) => !without.has(label));

const next = random(seed);
const injected = new Map<string, number>();
const server = await startFakeServer({
  users: userCount,
  acsUsers: 0,
  faultFor: () => {
    if (next() >= rate) return undefined;
    const [label, fault] = menu[Math.floor(next() * menu.length)]!;
    injected.set(label, (injected.get(label) ?? 0) + 1);
    return fault;
  },
});

let retries = 0;
const surfaced = new Map<string, number>();
const client = createSequenceClient({
  ...server.sequenceClientOptions,
  // Scaled down so the run takes seconds: 250 ms per attempt, backoff 20 ms doubling to 200 ms.
  timeoutMs: 250,
  retry: { baseDelayMs: 20, maxDelayMs: 200, random: random(seed + 1) },
  onRetry: () => void retries++,
});

const stop = AbortSignal.timeout(maxMs);
const start = performance.now();
let received = 0;
let duplicates = 0;
let lost = 0;
let resumes = 0;

for (let round = 0; round < rounds; round++) {
  const seen = new Set<string>();
  let cursor: string | undefined;
  let done = false;
  while (!done) {
    try {
      // every page body is read inside its attempt: one that breaks off or stalls is retried
      const pages = client.users.list({ limit: LIMIT, after: cursor }, { signal: stop, prefetch: values.prefetch }).pages();
      for await (const page of pages) {
        for (const user of page.items as SequenceUser[]) {
          if (seen.has(user.id)) duplicates++;
          seen.add(user.id);
          received++;
        }
        // Only a page that was fully processed moves the resume point.
        cursor = page.pagination.after ?? undefined;
      }
      done = true;
    } catch (error) {
      if (stop.aborted) throw new Error(`soak: stopped after ${maxMs / 1000} s`);
      if (!ApiError.isApiError(error)) throw error;
      surfaced.set(error.name, (surfaced.get(error.name) ?? 0) + 1);
      if (++resumes > 1_000) throw new Error("soak: over 1,000 resumes, giving up");
    }
  }
  lost += server.sequence.users().filter((u) => !seen.has(u.id)).length;
}
const ms = performance.now() - start;
await server.close();

const faults = [...injected.values()].reduce((a, b) => a + b, 0);
const failedCalls = [...surfaced.values()].reduce((a, b) => a + b, 0);
const expected = userCount * rounds;
const rows: [string, string | number][] = [
  ["seed", seed],
  ["listings", `${rounds} × ${userCount.toLocaleString("en")} users at limit ${LIMIT}${values.prefetch ? ", prefetch on" : ""}`],
  ["requests", server.requests.length],
  ["faults injected", `${faults} (${((faults / server.requests.length) * 100).toFixed(1)} % of requests)`],
  ["retries", retries],
  ["faults survived inside a call", faults - failedCalls],
  ["  of which needed no retry (short page, slow body)", (injected.get("short page") ?? 0) + (injected.get("slow body (in time)") ?? 0)],
  ["calls failed with a typed error, then resumed", `${failedCalls} (${[...surfaced].map(([k, v]) => `${k} ${v}`).join(", ") || "none"})`],
  ["items expected", expected],
  ["items received", received],
  ["items lost", lost],
  ["items duplicated", duplicates],
  ["wall time", `${(ms / 1000).toFixed(1)} s`],
];
console.log("\nFaults injected, by kind:");
for (const [label] of menu) console.log(`  ${label.padEnd(22)} ${injected.get(label) ?? 0}`);
console.log("");
for (const [k, v] of rows) console.log(`${k.padEnd(52)} ${v}`);
const ok = received === expected && lost === 0 && duplicates === 0;
console.log(ok ? "\nOK: every item received exactly once." : "\nFAIL: items lost or duplicated.");
process.exitCode = ok ? 0 : 1;
