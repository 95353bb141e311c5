// Issue 8's memory target: listing 1,000,000 users from the testing fake at limit 100 holds at most
// 2 pages at once. Run with `npm run bench:listing-memory` (node --expose-gc; fake in a child process).
//
// It measures what one page costs on the heap when retained, then lists every user with prefetch
// off and on, forcing a GC every GC_EVERY pages and recording the heap that survives it (what the
// listing retains), and the peak heap seen without forcing (garbage included).
import { fork } from "node:child_process";
import { createSequenceClient, type SequenceClientOptions } from "../../src/sequence.js";

const USERS = Number(process.env.USERS ?? 1_000_000);
const LIMIT = 100;
const GC_EVERY = 200;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench:listing-memory)");

const child = fork(new URL("./fake-child.ts", import.meta.url), [String(USERS)], { execArgv: ["--max-old-space-size=16384", "--import", "tsx"], stdio: "inherit" });
const options = await new Promise<SequenceClientOptions>((resolve, reject) => {
  child.once("message", (m) => resolve((m as { sequenceClientOptions: SequenceClientOptions }).sequenceClientOptions));
  child.once("exit", (code) => reject(new Error(`fake exited with ${code}`)));
});
const sequence = createSequenceClient({ ...options, timeoutMs: 60_000 });
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const settled = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

// What one page costs when retained: keep 20 pages, divide the growth.
const keep: unknown[] = [];
const before = settled();
for await (const page of sequence.users.list({ limit: LIMIT }, { maxPages: 20 }).pages()) keep.push(page);
const pageBytes = (settled() - before) / keep.length;
keep.length = 0;

async function run(prefetch: boolean) {
  const base = settled();
  let retained = 0;
  let first = 0;
  let last = 0;
  let peak = 0;
  let pages = 0;
  let users = 0;
  const started = performance.now();
  for await (const page of sequence.users.list({ limit: LIMIT }, { prefetch }).pages()) {
    pages++;
    users += page.items.length;
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    if (pages % GC_EVERY === 0) {
      last = settled() - base;
      if (pages === GC_EVERY) first = last;
      retained = Math.max(retained, last);
      process.stderr.write(`\r  prefetch ${prefetch ? "on " : "off"}: ${users.toLocaleString("en")} / ${USERS.toLocaleString("en")} users`);
    }
  }
  process.stderr.write("\n");
  // What grows with the page count (not with page size) is the paginator's set of cursors it has
  // requested, kept to detect a looping server: reported per 1,000 pages, apart from pages held.
  const perThousand = ((last - first) / (pages - GC_EVERY)) * 1000;
  return { prefetch, users, pages, seconds: (performance.now() - started) / 1000, retained, first, perThousand, peak };
}

// Warm up (JIT, connection pool, caches) so their growth is not counted as pages held.
for (const prefetch of [false, true]) for await (const _ of sequence.users.list({ limit: LIMIT }, { prefetch, maxPages: 50 }).pages());
const results = [await run(false), await run(true)];
child.disconnect();

console.log(`Listing memory, ${new Date().toISOString()}, Node ${process.version}: ${USERS.toLocaleString("en")} users at limit ${LIMIT}, one retained page = ${mb(pageBytes)} MB of heap\n`);
console.log(`| prefetch | users listed | pages | time | retained after GC at page ${GC_EVERY} (pages' worth) | retained growth per 1,000 pages (cursor set) | retained after GC, max | peak heap growth without forced GC | target: ≤ 2 pages held |`);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
for (const r of results) {
  const held = r.first / pageBytes;
  console.log(
    `| ${r.prefetch ? "on" : "off"} | ${r.users.toLocaleString("en")} | ${r.pages} | ${r.seconds.toFixed(1)} s | ${mb(r.first)} MB (${held.toFixed(2)}) | ${(r.perThousand / 1024).toFixed(1)} kB | ${mb(r.retained)} MB | ${mb(r.peak)} MB | ${held <= 2 ? "pass" : "FAIL"} |`,
  );
}
if (results.some((r) => r.users !== USERS || r.first / pageBytes > 2)) process.exitCode = 1;
