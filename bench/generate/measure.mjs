// @ts-check
// What the generate benchmarks share: one command's wall time and peak RSS, and the median.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const TIME = "/usr/bin/time";
export const hasTime = existsSync(TIME);

/**
 * Runs one command; resolves with its wall time, peak RSS and stdout, or rejects with the tail of
 * its output. Peak RSS comes from GNU time's %M (KiB) when present, else from rss-hook.mjs, which
 * every Node process of the command then reports through (the largest counts).
 * @param {string} cmd @param {string[]} args @param {string} cwd
 * @returns {Promise<{ ms: number, rssMB: number, stdout: string }>}
 */
export function timed(cmd, args, cwd) {
  const rssFile = join(cwd, `.rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const [file, fileArgs] = hasTime ? [TIME, ["-f", "%M", "-o", rssFile, cmd, ...args]] : [cmd, args];
  const hook = hasTime ? {} : { BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${new URL("./rss-hook.mjs", import.meta.url)}` };
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(file, fileArgs, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...hook, NO_COLOR: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - t;
      if (code !== 0) {
        reject(new Error(`${cmd} ${args.join(" ")} (cwd ${cwd}) exited ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-4000)}`));
        return;
      }
      const kb = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number).filter((x) => x > 0));
      rmSync(rssFile, { force: true });
      resolve({ ms, rssMB: kb / 1024, stdout });
    });
  });
}

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const at = (/** @type {number} */ i) => /** @type {number} */ (s[i]);
  return s.length % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}
