#!/usr/bin/env node
// @ts-check
// `npm run bench:generate:machinery`: each piece of generator machinery against the plain
// alternative it replaces, on the bench's inputs (bench/generate/inputs.mjs). Every variant is a
// patched copy of scripts/ in a temp dir (the shipped scripts have no switches); variants rotate
// within each round. Wall time and peak RSS (/usr/bin/time %M) medians; prints a markdown table.
//   --rounds N   cold-run rounds per input (default 5; Seam gets min(N, --seam-rounds))
//   --seam-rounds N   (default 3)
//   --noop-rounds N   (default 20)
//   --only a,b   inputs: ours, seam, github, stripe, noop
//   --variants a,b   of: shipped, reparse (cold runs); the no-op input always runs shipped vs fullparse
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { inputs } from "./inputs.mjs";
import { median, timed } from "./measure.mjs";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    "seam-rounds": { type: "string", default: "3" },
    "noop-rounds": { type: "string", default: "20" },
    only: { type: "string", default: "ours,seam,noop" },
    variants: { type: "string", default: "shipped,reparse" },
  },
  strict: false,
});
const rounds = Number(args.rounds);
const seamRounds = Math.min(rounds, Number(args["seam-rounds"]));
const noopRounds = Number(args["noop-rounds"]);
const only = new Set(String(args.only).split(","));

/** A patch: file under scripts/, the text to find (must occur once) and its replacement. */
/** @typedef {{ file: string, find: string, replace: string }} Patch */

// (a) the worker thread was measured here against the same work on the main thread and removed
// (BENCHMARKS.md); to rerun that comparison, run this bench at the commit that added it (2096980).

/** @type {Record<string, { label: string, patches: Patch[], files?: Record<string, string> }>} */
const VARIANTS = {
  shipped: { label: "shipped", patches: [] },
  reparse: {
    label: "(c) lint parses the bundle text (makeDocumentFromString)",
    patches: [{ file: "lib/build.mjs", find: ", parsed: doc }", replace: " }" }],
  },
  fullparse: {
    label: "(b) no fast `apis:` reader: yaml.parse of redocly.yaml",
    patches: [{ file: "generate.mjs", find: "const quick = forced ? null : plan(true);", replace: "const quick = forced ? null : plan(false);" }],
  },
};
const coldVariants = String(args.variants).split(",");

const work = mkdtempSync(join(tmpdir(), "bench-machinery-"));

/** A copy of this repo's scripts/ with a variant's patches, next to a node_modules link. */
function toolCopy(/** @type {string} */ key) {
  const v = VARIANTS[key];
  if (!v) throw new Error(`unknown variant ${key}`);
  const dir = join(work, "tools", key);
  cpSync(join(repo, "scripts"), join(dir, "scripts"), { recursive: true });
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
  for (const [file, text] of Object.entries(v.files ?? {})) writeFileSync(join(dir, "scripts", file), text);
  for (const p of v.patches) {
    const path = join(dir, "scripts", p.file);
    const text = readFileSync(path, "utf8");
    if (text.split(p.find).length !== 2) throw new Error(`variant ${key}: "${p.find}" not found once in scripts/${p.file}; update the bench`);
    writeFileSync(path, text.replace(p.find, p.replace));
  }
  return join(dir, "scripts", "generate.mjs");
}

/** `node <args>` in cwd: wall time, peak RSS, stdout. @param {string[]} args @param {string} cwd */
const run = (args, cwd) => timed(process.execPath, args, cwd);

/**
 * Alternating rounds of each variant in its project; the order rotates every round.
 * @param {(k: string) => string} cwdOf @param {string[]} keys @param {string[]} extra @param {number} n
 * @param {(r: { stdout: string }) => void} [check] @param {(script: string, cwd: string) => Promise<unknown>} [prepare]
 */
async function compare(cwdOf, keys, extra, n, check = () => {}, prepare = async () => {}) {
  const scripts = Object.fromEntries(keys.map((k) => [k, toolCopy(k)]));
  for (const k of keys) await prepare(/** @type {string} */ (scripts[k]), cwdOf(k));
  for (const k of keys) check(await run([/** @type {string} */ (scripts[k]), ...extra], cwdOf(k))); // warm-up
  /** @type {Record<string, { ms: number, rssMB: number }[]>} */
  const res = Object.fromEntries(keys.map((k) => [k, []]));
  for (let i = 0; i < n; i++) {
    const order = [...keys.slice(i % keys.length), ...keys.slice(0, i % keys.length)];
    for (const k of order) {
      const r = await run([/** @type {string} */ (scripts[k]), ...extra], cwdOf(k));
      check(r);
      res[k]?.push(r);
    }
    console.error(`machinery: ${cwdOf(keys[0] ?? "")}: round ${i + 1}/${n}: ${keys.map((k) => `${k} ${Math.round(res[k]?.[i]?.ms ?? NaN)} ms`).join(", ")}`);
  }
  rmSync(join(work, "tools"), { recursive: true, force: true });
  return Object.fromEntries(keys.map((k) => [k, { ms: median((res[k] ?? []).map((r) => r.ms)), rssMB: median((res[k] ?? []).map((r) => r.rssMB)), n }]));
}

/** @type {string[]} */
const rows = [];
const row = (/** @type {string} */ input, /** @type {Record<string, { ms: number, rssMB: number, n: number }>} */ r, /** @type {string} */ base) => {
  const b = /** @type {{ ms: number, rssMB: number }} */ (r[base]);
  for (const [k, v] of Object.entries(r)) {
    const vs = k === base ? "" : ` (${(v.ms / b.ms).toFixed(2)}× time, ${(v.rssMB / b.rssMB).toFixed(2)}× RSS)`;
    rows.push(`| ${input} | ${VARIANTS[k]?.label} | ${v.ms >= 1000 ? `${(v.ms / 1000).toFixed(2)} s` : `${Math.round(v.ms)} ms`} | ${Math.round(v.rssMB)} MB${vs} | ${v.n} |`);
  }
};

try {
  const projects = inputs(repo, work, [...only].filter((k) => k !== "noop").concat(only.has("noop") ? ["ours"] : []));
  for (const p of projects) {
    if (!only.has(p.key)) continue;
    const n = p.key === "ours" ? rounds : p.key === "seam" ? seamRounds : 1;
    row(p.label, await compare(() => p.oursDir, coldVariants, ["--force", "--quiet"], n), "shipped");
  }
  if (only.has("noop")) {
    const p = projects.find((x) => x.key === "ours");
    if (!p) throw new Error("no ours project");
    // One project per variant, generated by that variant: the headers' generator hash covers scripts/.
    const cwdOf = (/** @type {string} */ k) => join(work, "noop", k);
    for (const k of ["shipped", "fullparse"]) cpSync(p.oursDir, cwdOf(k), { recursive: true });
    const noop = (/** @type {{ stdout: string }} */ r) => {
      if (!/up to date/.test(r.stdout)) throw new Error(`not a no-op:\n${r.stdout}`);
    };
    row("no-op `node scripts/generate.mjs` (our specs)", await compare(cwdOf, ["shipped", "fullparse"], [], noopRounds, noop, (script, cwd) => run([script, "--force", "--quiet"], cwd)), "shipped");
  }
  const md = [
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · Node ${process.version} · ${cpus().length} cores. Medians of wall time and of peak RSS; variants alternate, order rotating each round.`,
    ``,
    `| input | variant | median wall | median peak RSS (vs shipped) | rounds |`,
    `| --- | --- | ---: | ---: | ---: |`,
    ...rows,
    ``,
  ].join("\n");
  console.log(md);
  mkdirSync(join(repo, "bench", "results"), { recursive: true });
  writeFileSync(join(repo, "bench", "results", "machinery.md"), md);
} finally {
  rmSync(work, { recursive: true, force: true });
}
