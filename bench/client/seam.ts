// Seam rows of the client benchmark: our Seam client against Seam's SDK (@seamapi/http) for the same
// delete call. Bundle min+gzip (esbuild, as scripts/size.mjs); CPU per call with the transport
// answering at once (our `fetch` option, the SDK's axios `adapter`, both handing back the same
// prebuilt JSON text), and sequential throughput against a node:http server in a child process on
// 127.0.0.1. Variants alternate round by round in one process; medians and ratios.
// Prints a markdown table and writes it to bench/results/client-seam.md.
//
//   npm run bench:client:seam [-- --quick]
//   (the npm script builds first and runs this on dist/, as applications import the package:
//   bench/client/tsconfig.json drops the root config's paths to src/)
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SeamHttp } from "@seamapi/http/connect";
import { createSeamClient } from "vendor-api-clients/seam";
import { measure as measureSize } from "../../scripts/size.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const KEY = "seam_bench_key";
const BODY = { acs_user_id: "acs_user1" };

const gzipSize = async (code: string) => (await measureSize({ code })).gzip;

/** A server in its own process, so its CPU is not counted: `{ ok: true }` for any request. */
async function startChild(): Promise<{ url: string; stop: () => void }> {
  const code = `require("node:http").createServer((q, s) => { q.resume(); q.on("end", () => { s.writeHead(200, { "content-type": "application/json" }); s.end('{"ok":true}'); }); }).listen(0, "127.0.0.1", function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("bench server did not start in 10 s")), 10_000);
    child.stdout.once("data", (chunk: Buffer) => (clearTimeout(timer), resolve(chunk.toString().trim())));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const server = await startChild();
try {
  const ours = createSeamClient({ apiKey: KEY, endpoint: server.url, maxRetries: 0 });
  const sdk = SeamHttp.fromApiKey(KEY, { endpoint: server.url });
  const JSON_HEADERS = { "content-type": "application/json" };
  const oursStub = createSeamClient({ apiKey: KEY, maxRetries: 0, fetch: async () => new Response('{"ok":true}', { headers: JSON_HEADERS }) });
  const sdkStub = SeamHttp.fromApiKey(KEY, {
    axiosOptions: { adapter: async (config) => ({ data: '{"ok":true}', status: 200, statusText: "OK", headers: JSON_HEADERS, config, request: {} }) },
  });
  const stubbed = { ours: () => oursStub.acs.users.delete(BODY), sdk: () => sdkStub.acs.users.delete(BODY) };
  const variants = { ours: () => ours.acs.users.delete(BODY), sdk: () => sdk.acs.users.delete(BODY) };
  type Name = keyof typeof variants;
  const rounds = quick ? 5 : 15;
  const iterations = quick ? 100 : 400;
  for (const run of [...Object.values(variants), ...Object.values(stubbed)]) for (let i = 0; i < 50; i++) await run(); // warm-up
  const cpu: Record<Name, number[]> = { ours: [], sdk: [] };
  const wall: Record<Name, number[]> = { ours: [], sdk: [] };
  for (let r = 0; r < rounds; r++) {
    const order = (r % 2 ? ["sdk", "ours"] : ["ours", "sdk"]) as Name[];
    for (const name of order) {
      const start = process.cpuUsage();
      for (let i = 0; i < iterations * 5; i++) await stubbed[name]();
      const used = process.cpuUsage(start);
      cpu[name].push((used.user + used.system) / (iterations * 5));
      const t0 = performance.now();
      for (let i = 0; i < iterations; i++) await variants[name]();
      wall[name].push((performance.now() - t0) / iterations);
    }
  }
  const [ourSize, sdkSize] = [
    await gzipSize(`import { createSeamClient } from "./src/seam.ts"; export const run = (o) => createSeamClient(o).acs.users.delete({ acs_user_id: "x" });`),
    await gzipSize(`import { SeamHttp } from "@seamapi/http/connect"; export const run = (k) => SeamHttp.fromApiKey(k).acs.users.delete({ acs_user_id: "x" });`),
  ];
  const cpuRatio = median(cpu.ours) / median(cpu.sdk);
  const rows = [
    "| Seam delete call | ours | SDK (@seamapi/http) | ratio | target |",
    "|---|---:|---:|---:|---|",
    `| bundle, min+gzip | ${(ourSize / 1024).toFixed(2)} kB | ${(sdkSize / 1024).toFixed(2)} kB | ${(ourSize / sdkSize).toFixed(3)}× | ≤ 0.12× ${ourSize / sdkSize <= 0.12 ? "pass" : "FAIL"} |`,
    `| CPU per call, transport answering at once (median of ${rounds} rounds × ${iterations * 5}) | ${median(cpu.ours).toFixed(0)} µs | ${median(cpu.sdk).toFixed(0)} µs | ${cpuRatio.toFixed(3)}× | ≤ 0.25× ${cpuRatio <= 0.25 ? "pass" : "FAIL"} |`,
    `| loopback throughput, sequential (median of ${rounds} rounds × ${iterations}) | ${(1000 / median(wall.ours)).toFixed(0)} calls/s | ${(1000 / median(wall.sdk)).toFixed(0)} calls/s | ${(median(wall.sdk) / median(wall.ours)).toFixed(2)}× (ours ÷ SDK) | - |`,
  ];
  const table = rows.join("\n");
  console.log(table);
  mkdirSync(join(here, "..", "results"), { recursive: true });
  writeFileSync(join(here, "..", "results", "client-seam.md"), table + "\n");
} finally {
  server.stop();
}
