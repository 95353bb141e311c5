#!/usr/bin/env node
// `npm run test:node26`: runs the vitest suite on Node 26 (Active LTS) as well as the machine's Node,
// which `npm test` runs first and which is our `engines` floor (Node 20).
// The npm package `node@26` provides the binary. It goes into .cache/node26, never into this
// project's devDependencies: a `node` in node_modules/.bin would shadow the machine's Node in every npm script.
// Usage: node scripts/node26.mjs [vitest args…]   (e.g. `-- test/testing-fake.test.ts`)
//        node scripts/node26.mjs --print-bin      installs if needed, prints the bin folder to put first on PATH
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The Node release the second run uses: the newest 26.x on the npm registry when last bumped. */
export const NODE_VERSION = "26.10.0";
const MAJOR = NODE_VERSION.split(".")[0];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prefix = join(root, ".cache", `node${MAJOR}`);
const binDir = join(prefix, "node_modules", "node", "bin");
const nodeBin = join(binDir, "node");
const tag = `node${MAJOR}`;

const version = () => spawnSync(nodeBin, ["--version"], { encoding: "utf8" }).stdout?.trim() ?? "";

/** Installs node@NODE_VERSION into .cache/node26 unless it is there already; exits 1 if it can't. */
function ensureNode() {
  if (existsSync(nodeBin) && version() === `v${NODE_VERSION}`) return;
  console.log(`${tag}: installing node@${NODE_VERSION} into .cache/${tag}`);
  const install = spawnSync(
    "npm",
    ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel", "error", `node@${NODE_VERSION}`],
    { cwd: root, stdio: "inherit" },
  );
  if (install.status !== 0 || version() !== `v${NODE_VERSION}`) {
    console.error(`${tag}: could not install node@${NODE_VERSION} (npm exited ${install.status})`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  ensureNode();
  if (process.argv.includes("--print-bin")) {
    console.log(binDir);
    process.exit(0);
  }
  console.log(`${tag}: running vitest with ${version()}`);
  // Child processes the tests start (npm, node via process.execPath) use Node 26 too.
  const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ""}` };
  const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const run = spawnSync(nodeBin, [vitest, "run", ...args], { cwd: root, env, stdio: "inherit" });
  process.exit(run.status ?? 1);
}
