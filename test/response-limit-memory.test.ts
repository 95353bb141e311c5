// maxResponseBytes bounds memory, measured in a child process (bench/memory/child.ts) so the test
// runner's own heap does not count. The full measurement is `npm run bench:memory`.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHostileServer, type HostileServer } from "../bench/memory/servers.js";

const MiB = 2 ** 20;
const child = new URL("../bench/memory/child.ts", import.meta.url).pathname;
let endless: HostileServer;
beforeAll(async () => void (endless = await startHostileServer("endless")));
afterAll(() => endless.close());

function runChild(limit: number): Promise<{ idleRss: number; peakRss: number; error: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", child, endless.url, String(limit)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    // hard bound: the child is killed if it runs past 15 s
    const watchdog = setTimeout(() => proc.kill("SIGKILL"), 15_000);
    proc.stdout.on("data", (c: Buffer) => (out += c));
    proc.stderr.on("data", (c: Buffer) => (err += c));
    proc.on("close", (code, signal) => {
      clearTimeout(watchdog);
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`child ended with ${signal ?? code}: ${err}`));
    });
  });
}

it("transport: an endless body stops at maxResponseBytes with ResponseTooLargeError and RSS grows under 64 MB", async () => {
  const result = await runChild(1 * MiB);
  expect(result.error).toBe("ResponseTooLargeError");
  expect(result.peakRss - result.idleRss).toBeLessThan(64 * MiB);
}, 20_000);
