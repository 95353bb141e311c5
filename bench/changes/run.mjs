#!/usr/bin/env node
// @ts-check
// `npm run bench:changes`: `npm run changes` on the full GitHub REST spec (@octokit/openapi) against
// the same spec with one operation removed, in a throwaway git repo. Target: ≤ 2 s wall-clock per
// run, and the one breaking change printed exactly once (JSON and markdown).
//   --rounds N   runs per output mode (default 5)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = join(root, "scripts", "changes.mjs");
const require = createRequire(import.meta.url);
const specPath = require.resolve("@octokit/openapi/generated/api.github.com.json");
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5;
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) throw new Error("--rounds takes a whole number from 1 to 50");
const TARGET_MS = 2000;
const REMOVED = { path: "/meta", method: "get" };

const dir = mkdtempSync(join(tmpdir(), "bench-changes-"));
try {
  const git = (/** @type {string[]} */ ...args) => execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@localhost", ...args], { cwd: dir, stdio: "ignore" });
  const text = readFileSync(specPath, "utf8");
  mkdirSync(join(dir, "generated", "github"), { recursive: true });
  writeFileSync(join(dir, "redocly.yaml"), "apis:\n  github:\n    root: generated/github/openapi.yaml\n");
  writeFileSync(join(dir, "generated/github/openapi.yaml"), text);
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "full spec");
  const doc = JSON.parse(text);
  delete doc.paths[REMOVED.path][REMOVED.method];
  writeFileSync(join(dir, "generated/github/openapi.yaml"), `${JSON.stringify(doc, null, 2)}\n`);
  const ops = Object.values(doc.paths).reduce((n, item) => n + Object.keys(/** @type {object} */ (item)).filter((k) => /^(get|put|post|delete|patch|head|options|trace)$/.test(k)).length, 0);
  console.log(`spec: @octokit/openapi api.github.com.json, ${(text.length / 1e6).toFixed(1)} MB, ${ops + 1} operations, ${Object.keys(doc.components.schemas).length} schemas; removed ${REMOVED.method.toUpperCase()} ${REMOVED.path}`);

  /** @type {Record<string, number[]>} */
  const times = { json: [], markdown: [] };
  for (let i = 0; i < rounds; i++) {
    // Alternate the two modes so machine noise hits both alike.
    for (const mode of i % 2 ? ["markdown", "json"] : ["json", "markdown"]) {
      const t = performance.now();
      const run = spawnSync(process.execPath, [script, ...(mode === "json" ? ["--json"] : [])], { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 });
      const ms = performance.now() - t;
      if (run.status !== 0) throw new Error(`changes failed (${run.status}):\n${run.stderr}`);
      const message = `Operation ${REMOVED.method.toUpperCase()} ${REMOVED.path} was removed.`;
      const count = run.stdout.split(message).length - 1;
      if (mode === "json") {
        const report = JSON.parse(run.stdout);
        const breaking = report.apis.github.filter((/** @type {{ severity: string }} */ c) => c.severity === "breaking");
        if (report.semver !== "major" || breaking.length !== 1 || breaking[0].kind !== "operation-removed" || count !== 1) {
          throw new Error(`expected the one breaking change exactly once, got:\n${run.stdout.slice(0, 2000)}`);
        }
        if (i === 0) console.log(`json: ${report.apis.github.length} entries, 1 breaking: ${breaking[0].message}`);
      } else if (count !== 1) throw new Error(`markdown printed the removal ${count} times`);
      times[mode]?.push(ms);
    }
  }
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  for (const [mode, xs] of Object.entries(times)) {
    const m = median(xs);
    console.log(`${mode.padEnd(8)} median ${Math.round(m)} ms, max ${Math.round(Math.max(...xs))} ms over ${xs.length} runs (target ≤ ${TARGET_MS} ms) ${m <= TARGET_MS ? "ok" : "OVER TARGET"}`);
  }
  if (Math.max(median(times.json ?? []), median(times.markdown ?? [])) > TARGET_MS) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
