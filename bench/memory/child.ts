// One client call against a hostile server, in its own process so its RSS is the client's alone.
// argv: <baseUrl> [maxResponseBytes]. Prints one JSON line: idle and peak RSS, the error, the time.
import { readFileSync } from "node:fs";
import { createSequenceClient } from "../../src/index.js";

const [baseUrl, limit] = process.argv.slice(2);
const rss = () => process.memoryUsage().rss;
const client = createSequenceClient({ clientId: "c", clientSecret: "s", baseUrl, maxRetries: 0, ...(limit ? { maxResponseBytes: Number(limit) } : {}) });
// A small answered call first, so fetch's own lazy loading counts as idle, not as the response's cost.
await client.users.get("warm");
const idleRss = rss();
let peakRss = idleRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rss())), 5);
const started = performance.now();
let error = "none";
try {
  await client.users.get("u1");
} catch (e) {
  error = (e as Error).name;
}
const ms = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, rss());
// the kernel's high-water mark catches a peak between samples (it also covers start-up, so it is an upper bound)
const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;
console.log(JSON.stringify({ idleRss, peakRss, hwm, error, ms }));
