#!/usr/bin/env node
// @ts-check
// `npm run generate`: for each API in redocly.yaml, bundle and merge specs/<api>/ upstream and
// authored documents, apply specs/<api>/overlay.yaml, lint, and write the bundle, types and typed
// client into generated/<api>/. Everything runs in this one process through the tools' Node APIs;
// the heavy modules load only when some API's inputs changed.
//   --force    regenerate even when the headers say the inputs are unchanged
//   --check    regenerate into a temp dir and fail if generated/ differs (CI's drift check)
//   --verbose  also print lint warnings and file sizes
//   --quiet    print only errors
import { GenerateError } from "./lib/errors.mjs";
import { readHeaderHashes } from "./lib/header.mjs";
import { findApiInputs, generatorHash, readApiList } from "./lib/inputs.mjs";
import { syncPackageExports } from "./lib/package-exports.mjs";

// Built-ins through process.getBuiltinModule, not `import`: an ESM import of node:fs builds its
// facade by reading every export, which loads fs streams, part of the no-op run's cost.
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } = process.getBuiltinModule("node:fs");
const { join, resolve } = process.getBuiltinModule("node:path");
/** This package's root (scripts/ and node_modules/), which may differ from the project's. */
const TOOL_ROOT = join(import.meta.dirname, "..");

const args = new Set(process.argv.slice(2));
const known = new Set(["--force", "--check", "--verbose", "--quiet"]);
for (const a of args) {
  if (!known.has(a)) {
    console.error(`generate: unknown option ${a} (known: ${[...known].join(" ")})`);
    process.exit(2);
  }
}
const root = resolve(process.cwd());
const verbose = args.has("--verbose");
const quiet = args.has("--quiet") && !verbose;
const started = performance.now();
const ms = (/** @type {number} */ t) => `${Math.round(performance.now() - t)} ms`;
// Straight to fd 1: console.log would first set up a stdout stream (part of the no-op run's cost),
// and would make a piped fd 1 non-blocking, where a long listing then fails with EAGAIN.
const say = (/** @type {string} */ line) => quiet || writeAll(`${line}\n`);
function writeAll(/** @type {string} */ text) {
  let buffer = Buffer.from(text);
  while (buffer.length) {
    try {
      buffer = buffer.subarray(writeSync(1, buffer));
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); // the reader is behind: wait 5 ms
    }
  }
}

/** The files each API must have; roles.ts only when the spec has a role table. */
const REQUIRED = ["openapi.yaml", "types.ts", "client.ts", "operations.js", "operations.d.ts", "index.ts", "response-checks.js", "response-checks.d.ts"];

/** @param {string} dir @param {import("./lib/inputs.mjs").ApiInputs} api @param {string} gen */
function isCurrent(dir, api, gen) {
  if (!existsSync(dir)) return false;
  const files = readdirSync(dir);
  if (!REQUIRED.every((f) => files.includes(f))) return false;
  return files.every((f) => {
    const h = readHeaderHashes(join(dir, f));
    return h?.source === api.sourceHash && h.generator === gen;
  });
}

async function main() {
  const configText = readFileSync(join(root, "redocly.yaml"), "utf8");
  const gen = generatorHash();
  const outRoot = join(root, "generated");
  const forced = args.has("--force") || args.has("--check");
  const plan = (/** @type {boolean} */ fast) => {
    const apis = readApiList(root, { fast }).map((name) => findApiInputs(root, name, configText));
    const orphans = existsSync(outRoot)
      ? readdirSync(outRoot, { withFileTypes: true })
          .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !apis.some((a) => a.name === e.name))
          .map((e) => e.name)
      : [];
    const todo = forced ? apis : apis.filter((a) => !isCurrent(join(root, a.output), a, gen));
    return { apis, orphans, todo };
  };
  // A quick look first, without loading `yaml`; see readApiList.
  const quick = forced ? null : plan(true);
  // the package's entries follow `apis:` (in --check, a difference is reported with the files')
  if (!args.has("--check")) {
    const synced = syncPackageExports(root, readApiList(root, { fast: true }));
    if (synced) say(`generate: ${synced}`);
  }
  if (quick && quick.todo.length === 0 && quick.orphans.length === 0) {
    say(`generate: ${quick.apis.length} APIs up to date (${ms(started)}); --force to regenerate`);
    return 0;
  }
  // There is work to do: read redocly.yaml in full, with its usual errors.
  const { apis, orphans, todo } = plan(false);
  if (todo.length === 0 && orphans.length === 0) {
    say(`generate: ${apis.length} APIs up to date (${ms(started)}); --force to regenerate`);
    return 0;
  }

  const tmp = join(outRoot, `.tmp-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  try {
    // Node 22.1+ keeps the tools' compiled code between runs (checked against each file's source),
    // which saves most of their loading time on small specs. Node 20 has no such cache.
    const { enableCompileCache } = /** @type {{ enableCompileCache?: (dir: string) => unknown }} */ (process.getBuiltinModule("node:module"));
    enableCompileCache?.(join(TOOL_ROOT, "node_modules", ".cache", "generate-compile-cache"));
    const { buildApi } = await import("./lib/build.mjs");
    const tImport = performance.now() - started;
    if (verbose) say(`generate: tools loaded in ${Math.round(tImport)} ms`);
    for (const api of todo) {
      const files = await buildApi(api, { root, generator: gen, log: (step, t, note) => say(`${api.name.padEnd(10)} ${step.padEnd(8)} ${String(Math.round(t)).padStart(5)} ms${note ? `  ${note}` : ""}`), print: say, verbose });
      const dir = join(tmp, api.name);
      mkdirSync(dir);
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      if (!quiet && !args.has("--check")) {
        const { summarizeApiChanges } = await import("./changes/summary.mjs");
        say(`${api.name.padEnd(10)} changes  ${await summarizeApiChanges(root, api.name, files["openapi.yaml"] ?? "", files["roles.ts"] ?? null)}`);
      }
    }
    if (args.has("--check")) return reportDrift(todo.map((a) => a.name), orphans, tmp, outRoot);
    // Every API built: swap them in. Until here generated/ was untouched.
    for (const api of todo) {
      const target = join(outRoot, api.name);
      const old = join(tmp, `.old-${api.name}`);
      if (existsSync(target)) renameSync(target, old);
      renameSync(join(tmp, api.name), target);
    }
    for (const name of orphans) rmSync(join(outRoot, name), { recursive: true, force: true });
    const removed = orphans.length ? `, removed ${orphans.join(", ")}` : "";
    say(`generate: wrote ${todo.map((a) => a.name).join(", ") || "nothing"}${removed} in ${ms(started)}`);
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Compares freshly built output with generated/ and prints what differs. */
function reportDrift(/** @type {string[]} */ names, /** @type {string[]} */ orphans, /** @type {string} */ tmp, /** @type {string} */ outRoot) {
  const problems = orphans.map((n) => `generated/${n}/ belongs to no API in redocly.yaml`);
  const exportsDrift = syncPackageExports(root, readApiList(root), { check: true });
  if (exportsDrift) problems.push(`${exportsDrift} (the entries follow apis: in redocly.yaml)`);
  for (const name of names) {
    const fresh = readdirSync(join(tmp, name));
    const committed = existsSync(join(outRoot, name)) ? readdirSync(join(outRoot, name)) : [];
    for (const f of fresh) {
      const path = join(outRoot, name, f);
      if (!committed.includes(f)) problems.push(`generated/${name}/${f} is missing`);
      else if (!readFileSync(path).equals(readFileSync(join(tmp, name, f)))) problems.push(`generated/${name}/${f} differs${lineDiff(readFileSync(path, "utf8"), readFileSync(join(tmp, name, f), "utf8"))}`);
    }
    for (const f of committed) if (!fresh.includes(f)) problems.push(`generated/${name}/${f} should not exist`);
  }
  if (problems.length === 0) {
    say(`generate --check: generated/ is current (${names.length} APIs, ${ms(started)})`);
    return 0;
  }
  console.error(`generate --check: generated/ is stale:\n${problems.map((p) => `  ${p}`).join("\n")}\nRun \`npm run generate\` and commit the result.`);
  return 1;
}

/** " (first difference at line N)" */
function lineDiff(/** @type {string} */ a, /** @type {string} */ b) {
  const x = a.split("\n");
  const y = b.split("\n");
  const i = x.findIndex((line, n) => line !== y[n]);
  return ` (first difference at line ${(i === -1 ? x.length : i) + 1})`;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof GenerateError) console.error(`generate: failed, generated/ left unchanged\n${error.format()}`);
    else console.error("generate: failed, generated/ left unchanged\n", error);
    process.exit(1);
  },
);
