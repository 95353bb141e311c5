// Client benchmark (issue 3, "Speed"): what the facade costs per call, side by side with bare
// openapi-fetch and plain fetch, on a shared and noisy machine. Variants run alternately in the same
// process and each target is a ratio of medians taken in the same rounds, so load from other jobs
// affects both sides alike. Prints a markdown table and writes it to bench/results/client.md.
//
//   npm run bench:client [-- --quick]
//   (the npm script builds first and runs this on dist/, as applications import the package:
//   bench/client/tsconfig.json drops the root config's paths to src/)
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import type { paths } from "../../generated/sequence/types.js";
import { cases as sizeCases, measure as measureSize } from "../../scripts/size.mjs";
import { createSequenceClient } from "vendor-api-clients/sequence";

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number, digits = 2) => n.toFixed(digits);

const USER = { id: "u1", email: "u1@example.test", sequenceAccountIds: ["83da2ca4-49c7-4d81-9c9a-ba5be11768b0"], state: "active", roles: [] };
const USER_JSON = JSON.stringify(USER);
const credentials = { clientId: "bench-id", clientSecret: "bench-secret" };
const headers = { authorization: `Basic ${btoa("bench-id:bench-secret")}`, "sequence-version": "2024-07-30" };

interface Row {
  what: string;
  result: string;
  target: string;
  pass?: boolean;
}
const rows: Row[] = [];

/** Runs each variant for `iterations` calls per sample, rotating the order every round. */
async function alternate<K extends string>(variants: Record<K, () => Promise<unknown>>, rounds: number, iterations: number): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      const call = variants[name];
      const start = performance.now();
      for (let i = 0; i < iterations; i++) await call();
      samples[name].push(((performance.now() - start) * 1000) / iterations);
    }
  }
  return samples;
}

/** Median over rounds of a/b measured in the same round. */
const pairedRatio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));

async function cpuOverhead(): Promise<void> {
  // The "network": a fetch that answers at once with a Response built from a prebuilt body and headers.
  const init = { status: 200, headers: { "content-type": "application/json" } };
  const fetch = (async () => new Response(USER_JSON, init)) as typeof globalThis.fetch;
  const baseUrl = "https://eu.sequencehq.com/api";
  const bare = createClient<paths>({ baseUrl, headers, fetch });
  const facade = createSequenceClient({ ...credentials, baseUrl, fetch });
  const variants = {
    direct: async () => (await fetch(`${baseUrl}/users/u1`, { headers })).json(),
    bare: () => bare.GET("/users/{id}", { params: { path: { id: "u1" } } }),
    facade: () => facade.users.get("u1"),
  };
  await alternate(variants, 3, quick ? 500 : 3_000); // warm-up: JIT, inline caches
  const s = await alternate(variants, quick ? 9 : 31, quick ? 500 : 2_000);
  const ratio = pairedRatio(s.facade, s.bare);
  rows.push({
    what: "CPU per `users.get`, prebuilt Response (µs/call, median)",
    result: `direct ${round(median(s.direct))} · bare openapi-fetch ${round(median(s.bare))} · facade ${round(median(s.facade))}`,
    target: "",
  });
  rows.push({ what: "bare openapi-fetch ÷ direct fetch (CPU)", result: `${round(pairedRatio(s.bare, s.direct))}×`, target: "reference" });
  rows.push({ what: "facade ÷ bare openapi-fetch (CPU)", result: `${round(ratio)}×`, target: "≤ 1.15×", pass: ratio <= 1.15 });
}

/** A loopback API in a child process, so its CPU does not share the client's event loop. */
async function startChildServer(): Promise<{ url: string; stop: () => void }> {
  const child = fork(join(here, "server.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("error", reject);
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill() };
}

async function loopback(): Promise<void> {
  const server = await startChildServer();
  try {
    const baseUrl = server.url;
    const facade = createSequenceClient({ ...credentials, baseUrl });
    const bare = createClient<paths>({ baseUrl, headers });
    const concurrency = 8;
    const count = quick ? 400 : 2_000;
    /** Requests per second for `count` calls with `concurrency` in flight. */
    const throughput = async (call: () => Promise<unknown>) => {
      let next = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next++ < count) await call();
        }),
      );
      return count / ((performance.now() - start) / 1000);
    };
    const variants = {
      fetch: async () => (await fetch(`${baseUrl}/users/u1`, { headers })).json(),
      // what any per-attempt timeout costs: a fresh signal for fetch, and a timer
      fetchWithTimeout: async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        const user: unknown = await (await fetch(`${baseUrl}/users/u1`, { headers, signal: controller.signal })).json();
        clearTimeout(timer);
        return user;
      },
      bare: () => bare.GET("/users/{id}", { params: { path: { id: "u1" } } }),
      facade: () => facade.users.get("u1"),
    };
    const names = Object.keys(variants) as (keyof typeof variants)[];
    const s: Record<string, number[]> = { fetch: [], fetchWithTimeout: [], bare: [], facade: [] };
    for (const name of names) await throughput(variants[name]); // warm-up: connections, JIT
    const rounds = quick ? 3 : 7;
    for (let r = 0; r < rounds; r++) for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      s[name]!.push(await throughput(variants[name]));
    }
    const ratio = pairedRatio(s.facade!, s.fetch!);
    rows.push({
      what: `Loopback throughput, ${count} × GET /users/{id}, ${concurrency} in flight (req/s, median)`,
      result: `plain fetch ${Math.round(median(s.fetch!))} · with AbortSignal + timer ${Math.round(median(s.fetchWithTimeout!))} · bare openapi-fetch ${Math.round(median(s.bare!))} · facade ${Math.round(median(s.facade!))}`,
      target: "",
    });
    rows.push({ what: "plain fetch with a per-request AbortSignal + timer ÷ plain fetch (loopback)", result: `${round(pairedRatio(s.fetchWithTimeout!, s.fetch!))}×`, target: "reference" });
    rows.push({ what: "bare openapi-fetch ÷ plain fetch (loopback)", result: `${round(pairedRatio(s.bare!, s.fetch!))}×`, target: "reference" });
    rows.push({ what: "facade ÷ plain fetch (loopback)", result: `${round(ratio)}×`, target: "≥ 0.85×", pass: ratio >= 0.85 });
  } finally {
    server.stop();
  }
}

async function pagination(): Promise<void> {
  const total = quick ? 2_000 : 10_000;
  const limit = 100;
  const latencyMs = 20;
  const workMs = 20;
  const users = Array.from({ length: total }, (_, i) => ({ ...USER, id: `u${String(i).padStart(6, "0")}` }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const from = Number(url.searchParams.get("after") ?? 0);
    const items = users.slice(from, from + limit);
    const after = from + limit < total ? String(from + limit) : null;
    const body = JSON.stringify({ items, pagination: { after, before: from ? String(from) : null, totalResultSize: total } });
    setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(body), latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sequence = createSequenceClient({ ...credentials, baseUrl });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const run = async (prefetch: boolean) => {
    const start = performance.now();
    let seen = 0;
    for await (const page of sequence.users.list({ limit }, { prefetch }).pages()) {
      seen += page.items.length;
      await wait(workMs); // the caller's work on this page
    }
    if (seen !== total) throw new Error(`expected ${total} users, saw ${seen}`);
    return performance.now() - start;
  };
  try {
    const off: number[] = [];
    const on: number[] = [];
    for (let r = 0; r < (quick ? 1 : 2); r++) {
      off.push(await run(false));
      on.push(await run(true));
    }
    const speedup = median(off) / median(on);
    rows.push({
      what: `Pagination: ${total.toLocaleString("en")} users at limit ${limit}, ${latencyMs} ms server latency + ${workMs} ms caller work per page`,
      result: `prefetch off ${round(median(off) / 1000)} s · on ${round(median(on) / 1000)} s`,
      target: "",
    });
    rows.push({ what: "prefetch speed-up", result: `${round(speedup)}×`, target: "≥ 1.8×", pass: speedup >= 1.8 });
  } finally {
    server.close();
  }
}

async function size(): Promise<void> {
  for (const c of sizeCases as { name: string; code: string; budget?: number }[]) {
    if (c.budget === undefined && !c.name.startsWith("openapi-fetch")) continue;
    const { gzip } = (await measureSize(c)) as { gzip: number };
    rows.push({
      what: `Size: ${c.name}, min+gzip`,
      result: `${round(gzip / 1000)} kB`,
      target: c.budget ? `≤ ${round(c.budget / 1000)} kB` : "reference",
      ...(c.budget ? { pass: gzip <= c.budget } : {}),
    });
  }
}

await cpuOverhead();
await loopback();
await pagination();
await size();

const table = [
  `Client benchmark, ${new Date().toISOString()}, Node ${process.version}${quick ? " (--quick)" : ""}`,
  "",
  "| what | result | target | |",
  "|---|---|---|---|",
  ...rows.map((r) => `| ${r.what} | ${r.result} | ${r.target} | ${r.pass === undefined ? "" : r.pass ? "pass" : "FAIL"} |`),
  "",
].join("\n");
console.log(table);
mkdirSync(join(here, "..", "results"), { recursive: true });
writeFileSync(join(here, "..", "results", "client.md"), table);
