// Issue 10's memory proof: a server that never ends its body, or a gzip bomb, cannot make the client
// hold more than maxResponseBytes. Run with `npm run bench:memory` (`-- --quick` for one round).
//
// Each call runs in a child process (child.ts) under a hard watchdog: RSS above WATCHDOG_BYTES or a
// run past WATCHDOG_MS kills it and counts as a failure. Rounds alternate cases and limits.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipBomb, startHostileServer } from "./servers.js";

const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 1 : 5;
const TARGET_MB = 64;
const WATCHDOG_BYTES = 512 * 2 ** 20;
const WATCHDOG_MS = 60_000;
const MiB = 2 ** 20;
const child = new URL("./child.ts", import.meta.url).pathname;

interface Result {
  idleRss: number;
  peakRss: number;
  hwm: number;
  error: string;
  ms: number;
  watchdogPeak: number;
}

function vmRss(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0; // exited between polls
  }
}

function runChild(url: string, limit: number | undefined): Promise<Result> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", child, url, ...(limit ? [String(limit)] : [])], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let watchdogPeak = 0;
    let killed = "";
    const started = Date.now();
    const poll = setInterval(() => {
      const rss = vmRss(proc.pid!);
      watchdogPeak = Math.max(watchdogPeak, rss);
      if (rss > WATCHDOG_BYTES) killed = `by the ${WATCHDOG_BYTES / MiB} MB RSS watchdog`;
      else if (Date.now() - started > WATCHDOG_MS) killed = `by the ${WATCHDOG_MS / 1000} s watchdog`;
      if (killed) proc.kill("SIGKILL");
    }, 20);
    proc.stdout.on("data", (c: Buffer) => (out += c));
    proc.on("close", (code) => {
      clearInterval(poll);
      if (killed) return reject(new Error(`child killed: ${killed}`));
      if (code !== 0) return reject(new Error(`child exited with ${code}`));
      resolve({ ...(JSON.parse(out) as Omit<Result, "watchdogPeak">), watchdogPeak });
    });
  });
}

const bomb = gzipBomb();
const servers = { endless: await startHostileServer("endless"), gzip: await startHostileServer("gzip", bomb) };
const limits: Array<{ label: string; bytes: number | undefined }> = [
  { label: "default (8 MiB)", bytes: undefined },
  { label: "64 MiB (comparison)", bytes: 64 * MiB },
  // far above the watchdog: what the body costs when the limit does not stop it
  { label: "1 GiB (comparison)", bytes: 2 ** 30 },
];
const rows = new Map<string, { kind: string; limit: string; results: Result[]; failures: string[] }>();
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of ["endless", "gzip"] as const) {
      for (const limit of round % 2 ? [...limits].reverse() : limits) {
        const key = `${kind}|${limit.label}`;
        const row = rows.get(key) ?? { kind, limit: limit.label, results: [], failures: [] };
        rows.set(key, row);
        try {
          row.results.push(await runChild(servers[kind].url, limit.bytes));
        } catch (error) {
          row.failures.push((error as Error).message);
        }
        process.stderr.write(`\r  round ${round + 1}/${ROUNDS}`);
      }
    }
  }
} finally {
  await servers.endless.close();
  await servers.gzip.close();
}
process.stderr.write("\n");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mb = (bytes: number) => (bytes / MiB).toFixed(1);
console.log(
  `Response size limit: memory, ${new Date().toISOString()}, Node ${process.version}, ${ROUNDS} round(s); gzip bomb ${mb(bomb.length)} MB inflating to 2048 MB; endless body capped at 4 GiB / 60 s\n`,
);
console.log("| server | maxResponseBytes | error seen | peak − idle RSS, median (sampled every 5 ms) | max | kernel VmHWM − idle, median | idle RSS, median | time, median | target < 64 MB |");
console.log("|---|---|---|---:|---:|---:|---:|---:|---|");
let failed = false;
for (const row of rows.values()) {
  const growth = row.results.map((r) => r.peakRss - r.idleRss);
  const errors = [...new Set(row.results.map((r) => r.error))].join(", ") || "-";
  const isDefault = row.limit.startsWith("default");
  const pass = row.failures.length === 0 && row.results.every((r) => r.error === "ResponseTooLargeError") && median(growth) < TARGET_MB * MiB;
  if (isDefault && !pass) failed = true;
  const killed = row.failures.length ? ` ${row.failures.length}/${ROUNDS} ${[...new Set(row.failures)].join("; ")}` : "";
  const verdict = isDefault ? `${pass ? "✅" : "❌"}${killed}` : `(comparison)${killed}`;
  if (row.results.length === 0) {
    console.log(`| ${row.kind} | ${row.limit} | - | - | - | - | - | - | ${verdict} |`);
    continue;
  }
  console.log(
    `| ${row.kind} | ${row.limit} | ${errors} | ${mb(median(growth))} MB | ${mb(Math.max(...growth))} MB | ${mb(median(row.results.map((r) => r.hwm - r.idleRss)))} MB | ${mb(median(row.results.map((r) => r.idleRss)))} MB | ${median(row.results.map((r) => r.ms)).toFixed(0)} ms | ${verdict} |`,
  );
}
if (failed) process.exitCode = 1;
