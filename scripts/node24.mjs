#!/usr/bin/env node
// `npm run test:node24`: runs the vitest suite on Node 24 as well as the machine's Node 20.
// The npm package `node@24` provides the binary. It goes into .cache/node24, never into this
// project's devDependencies: a `node` in node_modules/.bin would shadow Node 20 in every npm script.
// Usage: node scripts/node24.mjs [vitest args…]   (e.g. `-- test/testing-fake.test.ts`)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prefix = join(root, ".cache", "node24");
const binDir = join(prefix, "node_modules", "node", "bin");
const node24 = join(binDir, "node");

const version = () => spawnSync(node24, ["--version"], { encoding: "utf8" }).stdout?.trim() ?? "";
if (!existsSync(node24) || !version().startsWith("v24.")) {
  console.log("node24: installing node@24 into .cache/node24");
  const install = spawnSync(
    "npm",
    ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel", "error", "node@24.21.0"],
    { cwd: root, stdio: "inherit" },
  );
  if (install.status !== 0 || !version().startsWith("v24.")) {
    console.error("node24: could not install node@24");
    process.exit(1);
  }
}
console.log(`node24: running vitest with ${version()}`);

// Child processes the tests start (npm, node via process.execPath) use Node 24 too.
const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ""}` };
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
const args = process.argv.slice(2).filter((a) => a !== "--");
const run = spawnSync(node24, [vitest, "run", ...args], { cwd: root, env, stdio: "inherit" });
process.exit(run.status ?? 1);
