#!/usr/bin/env node
// @ts-check
// `npm run bench:generate`: times `scripts/generate.mjs --force` against the naive chain of CLIs
// (redocly lint, redocly bundle, openapi-typescript, prettier --write) on three inputs, plus the
// no-op `npm run generate`. Contenders alternate within each round so machine noise hits both
// alike; compare the ratios, not the absolute times. Prints a markdown table and writes it to
// bench/results/generate.md.
//   --rounds N      rounds for ours and Seam (default 5); GitHub gets min(N, --github-rounds)
//   --github-rounds N   (default 3)
//   --only a,b      inputs to run: ours, seam, github, noop
//   --keep          keep the temp projects (their path is printed)
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { inputs, NAIVE_CONFIG } from "./inputs.mjs";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const bin = (/** @type {string} */ name) => join(repo, "node_modules", ".bin", name);
const generateScript = join(repo, "scripts", "generate.mjs");
const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);

const argv = process.argv.slice(2);
const opt = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : (argv[i + 1] ?? fallback);
};
const rounds = Number(opt("--rounds", "5"));
const githubRounds = Math.min(rounds, Number(opt("--github-rounds", "3")));
const only = new Set(opt("--only", "ours,seam,github,noop").split(","));
const keep = argv.includes("--keep");

/**
 * Runs one command; resolves with its wall time and peak RSS. Peak RSS comes from GNU time's %M
 * (KiB) when present, else from a wrapper that reads the child's resourceUsage().
 * @param {string} cmd @param {string[]} args @param {string} cwd
 * @returns {Promise<{ ms: number, rssMB: number, stdout: string }>}
 */
function run(cmd, args, cwd) {
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
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const at = (/** @type {number} */ i) => /** @type {number} */ (s[i]);
  return s.length % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
};

const work = mkdtempSync(join(tmpdir(), "bench-generate-"));
const projects = inputs(repo, work);

/** The naive chain: each tool as its own process, one process per step (per API for openapi-typescript). */
async function naive(/** @type {ReturnType<typeof inputs>[number]} */ p) {
  const out = join(p.naiveDir, "out");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  const names = Object.keys(p.naiveInputs);
  const files = Object.values(p.naiveInputs);
  /** @type {{ step: string, ms: number, rssMB: number }[]} */
  const steps = [];
  const step = async (/** @type {string} */ name, /** @type {string} */ cmd, /** @type {string[]} */ args) => {
    const r = await run(cmd, args, p.naiveDir);
    steps.push({ step: name, ms: r.ms, rssMB: r.rssMB });
  };
  await step("redocly lint", bin("redocly"), ["lint", ...files, "--config", NAIVE_CONFIG, "--format", "summary"]);
  await step("redocly bundle", bin("redocly"), ["bundle", ...files, "--config", NAIVE_CONFIG, "-o", files.length === 1 ? `out/${names[0]}.yaml` : "out", "--ext", "yaml"]);
  for (const name of names) await step("openapi-typescript", bin("openapi-typescript"), [`out/${name}.yaml`, "-o", `out/${name}.ts`]);
  await step("prettier --write", bin("prettier"), ["--write", ...names.map((n) => `out/${n}.ts`)]);
  const bySteps = /** @type {Record<string, { ms: number, rssMB: number }>} */ ({});
  for (const s of steps) {
    const b = (bySteps[s.step] ??= { ms: 0, rssMB: 0 });
    b.ms += s.ms;
    b.rssMB = Math.max(b.rssMB, s.rssMB);
  }
  const [rssStep, largest] = Object.entries(bySteps).sort((a, b) => b[1].rssMB - a[1].rssMB)[0] ?? ["none", { rssMB: 0 }];
  return { ms: steps.reduce((a, s) => a + s.ms, 0), rssMB: largest.rssMB, rssStep, steps: bySteps };
}

async function ours(/** @type {ReturnType<typeof inputs>[number]} */ p) {
  return run(process.execPath, [generateScript, "--force", "--quiet"], p.oursDir);
}

/** @type {string[]} */
const rows = [];
/** @type {string[]} */
const stepRows = [];
/** @type {string[]} */
const noopRows = [];
const fmtS = (/** @type {number} */ ms) => (ms / 1000).toFixed(2);
const fmtMB = (/** @type {number} */ mb) => `${Math.round(mb)} MB`;

try {
  console.error(`bench: temp projects in ${work}; ${hasTime ? "peak RSS from /usr/bin/time" : "peak RSS from resourceUsage() via rss-hook.mjs"}`);
  for (const p of projects) {
    if (!only.has(p.key)) continue;
    const n = p.key === "github" ? githubRounds : rounds;
    // One untimed run each: fills the page cache and checks that both succeed.
    console.error(`bench: ${p.label}: warm-up`);
    await ours(p);
    await naive(p);
    /** @type {{ ms: number, rssMB: number }[]} */
    const a = [];
    /** @type {Awaited<ReturnType<typeof naive>>[]} */
    const b = [];
    for (let i = 0; i < n; i++) {
      // A B, then B A: neither contender always goes first.
      let x, y;
      if (i % 2 === 0) (x = await ours(p)), (y = await naive(p));
      else (y = await naive(p)), (x = await ours(p));
      a.push(x), b.push(y);
      console.error(`bench: ${p.label}: round ${i + 1}/${n}: ours ${fmtS(x.ms)} s, naive ${fmtS(y.ms)} s`);
    }
    const ma = median(a.map((r) => r.ms));
    const mb = median(b.map((r) => r.ms));
    const ra = Math.max(...a.map((r) => r.rssMB));
    const rb = Math.max(...b.map((r) => r.rssMB));
    const rbStep = b.find((r) => r.rssMB === rb)?.rssStep;
    const ratio = ma / mb;
    // Load on a shared machine drifts between rounds; each round's own ratio is steadier.
    const roundRatio = median(a.map((r, i) => r.ms / (b[i]?.ms ?? NaN)));
    rows.push(`| ${p.label} | ${p.operations} | ${fmtS(ma)} s | ${fmtS(mb)} s | **${ratio.toFixed(2)}×** ${ratio <= 0.5 ? "✅" : "❌"} | ${roundRatio.toFixed(2)}× | ${fmtMB(ra)} | ${fmtMB(rb)} (${rbStep}) ${ra <= rb ? "✅" : "❌"} | ${n} |`);
    const stepNames = Object.keys(b[0]?.steps ?? {});
    stepRows.push(`| ${p.label} | ${stepNames.map((s) => `${s} ${fmtS(median(b.map((r) => r.steps[s]?.ms ?? 0)))} s / ${fmtMB(Math.max(...b.map((r) => r.steps[s]?.rssMB ?? 0)))}`).join(" · ")} |`);
  }

  if (only.has("noop")) {
    // The no-op run, in a copy of this repo's project (its redocly.yaml, specs/ and freshly generated/),
    // so the benchmark never writes into the working tree.
    const p = projects.find((x) => x.key === "ours");
    if (!p) throw new Error("no ours project");
    if (!existsSync(join(p.oursDir, "generated"))) await ours(p);
    writeFileSync(
      join(p.oursDir, "package.json"),
      JSON.stringify({ name: "bench-noop", private: true, scripts: { generate: `node ${JSON.stringify(generateScript)}`, noop: "node -e 0" } }, null, 2),
    );
    const n = Math.max(10, rounds * 2);
    /** @type {{ generate: number[], noop: number[], direct: number[] }} */
    const t = { generate: [], noop: [], direct: [] };
    const rss = { generate: 0, noop: 0, direct: 0 };
    for (let i = 0; i < n + 1; i++) {
      const g = await run("npm", ["run", "--silent", "generate"], p.oursDir);
      if (!/up to date/.test(g.stdout)) throw new Error(`npm run generate was not a no-op:\n${g.stdout}`);
      const z = await run("npm", ["run", "--silent", "noop"], p.oursDir);
      const d = await run(process.execPath, [generateScript], p.oursDir);
      if (i === 0) continue; // warm-up
      t.generate.push(g.ms), t.noop.push(z.ms), t.direct.push(d.ms);
      rss.generate = Math.max(rss.generate, g.rssMB);
      rss.noop = Math.max(rss.noop, z.rssMB);
      rss.direct = Math.max(rss.direct, d.rssMB);
    }
    const g = median(t.generate);
    noopRows.push(`| \`npm run generate\` (no-op) | ${Math.round(g)} ms ${g <= 400 ? "✅" : "❌"} | ${fmtMB(rss.generate)} | ${n} |`);
    noopRows.push(`| \`npm run noop\` (\`node -e 0\`: npm's own cost) | ${Math.round(median(t.noop))} ms | ${fmtMB(rss.noop)} | ${n} |`);
    noopRows.push(`| \`node scripts/generate.mjs\` (no-op, without npm) | ${Math.round(median(t.direct))} ms | ${fmtMB(rss.direct)} | ${n} |`);
  }

  const tools = ["@redocly/cli", "@redocly/openapi-core", "openapi-typescript", "prettier", "typescript"]
    .map((name) => `${name} ${JSON.parse(readFileSync(join(repo, "node_modules", name, "package.json"), "utf8")).version}`)
    .join(", ");
  const md = [
    `## \`npm run bench:generate\``,
    ``,
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · Node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model.trim()}) · ${tools}.`,
    `Medians; the two contenders alternate within each round (A B, B A, …), so compare ratios rather than absolute times.`,
    ``,
    ...(rows.length
      ? [
          `| input | operations | ours: \`generate.mjs --force\` | naive CLI chain | ours / naive (target ≤ 0.5×) | median of per-round ratios | ours peak RSS | naive: largest step's peak RSS | rounds |`,
          `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
          ...rows,
          ``,
          `Naive chain steps (median time / peak RSS):`,
          ``,
          `| input | steps |`,
          `| --- | --- |`,
          ...stepRows,
          ``,
        ]
      : []),
    ...(noopRows.length ? [`| no-op | median wall (target ≤ 400 ms) | peak RSS | runs |`, `| --- | ---: | ---: | ---: |`, ...noopRows, ``] : []),
    ...projects.filter((p) => only.has(p.key)).map((p) => `- **${p.label}**: ${p.note}`),
    `- **naive chain**: \`redocly lint\`, \`redocly bundle\`, \`openapi-typescript\` (one process per API), \`prettier --write\` on the types, each via node_modules/.bin; lint and bundle get the same rules as ours (in a file not named redocly.yaml, so that openapi-typescript keeps its fast default config instead of linting again with them); time is the sum of the steps.`,
    `- **ours**: \`node scripts/generate.mjs --force\` with cwd = a temp project (redocly.yaml + specs/<api>/upstream/), writing bundle, types and client.`,
    ``,
  ].join("\n");
  console.log(md);
  mkdirSync(join(repo, "bench", "results"), { recursive: true });
  writeFileSync(join(repo, "bench", "results", "generate.md"), md);
  console.error(`bench: wrote bench/results/generate.md`);
} finally {
  if (keep) console.error(`bench: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
