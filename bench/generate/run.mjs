#!/usr/bin/env node
// @ts-check
// `npm run bench:generate`: times `scripts/generate.mjs --force` (lint included) against Redocly's
// `redocly lint` + `redocly generate-client` on the same bundle (the target: ours ≤ that pair on full
// Stripe and GitHub), and reports openapi-typescript alone, @hey-api/openapi-ts and orval's fetch
// client, on four inputs: our two specs, and full Seam, GitHub and Stripe as published. Each peer
// takes all APIs of an input the way its docs say for several APIs (one config, one process), except
// openapi-typescript alone (see CONTENDERS). Contenders rotate within each round so machine noise
// hits all alike; compare the ratios, not the absolute times. Also the no-op `npm run generate`
// against npm's own start-up. Prints markdown tables and writes them to bench/results/generate.md.
//   --rounds N        rounds for our specs and Seam (default 5)
//   --large-rounds N  rounds for GitHub and Stripe: min(N, --rounds) (default 3; --github-rounds too)
//   --warmup N        untimed runs of each contender per input first (default 1)
//   --only a,b        inputs to run: ours, seam, github, stripe, noop
//   --keep            keep the temp projects (their path is printed)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { inputs, NAIVE_CONFIG } from "./inputs.mjs";
import { hasTime, median, timed as run } from "./measure.mjs";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const bin = (/** @type {string} */ name) => join(repo, "node_modules", ".bin", name);
const generateScript = join(repo, "scripts", "generate.mjs");
const version = (/** @type {string} */ dir, /** @type {string} */ name) => JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")).version;

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    "large-rounds": { type: "string" },
    "github-rounds": { type: "string" },
    warmup: { type: "string", default: "1" },
    only: { type: "string", default: "ours,seam,github,stripe,noop" },
    keep: { type: "boolean", default: false },
  },
  strict: false,
});
const rounds = Number(args.rounds);
const largeRounds = Math.min(rounds, Number(args["large-rounds"] ?? args["github-rounds"] ?? 3));
const warmup = Number(args.warmup);
const only = new Set(String(args.only).split(","));
const keep = args.keep === true;
for (const [name, n] of Object.entries({ rounds, "large-rounds": largeRounds, warmup })) {
  if (!Number.isInteger(n) || n < (name === "warmup" ? 0 : 1)) throw new Error(`--${name} must be a whole number${name === "warmup" ? "" : " ≥ 1"}, e.g. --${name} 3`);
}
const LARGE = new Set(["github", "stripe"]);

const work = mkdtempSync(join(tmpdir(), "bench-generate-"));
const projects = inputs(repo, work, [...only].filter((k) => k !== "noop").concat(only.has("noop") ? ["ours"] : []));

// Peers, pinned, installed into bench/.cache/peers (gitignored) on first use: not devDependencies.
// typescript@5: hey-api needs its JS API, which the TypeScript 7 that npm would pick lacks.
const PEERS = { "@hey-api/openapi-ts": "0.99.0", orval: "8.38.0", typescript: "5.9.3" };
const peerDir = join(repo, "bench", ".cache", "peers");
const peerBin = (/** @type {string} */ name) => join(peerDir, "node_modules", ".bin", name);
async function ensurePeers() {
  const have = Object.entries(PEERS).every(([name, v]) => {
    const pkg = join(peerDir, "node_modules", name, "package.json");
    return existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).version === v;
  });
  if (have) return;
  mkdirSync(peerDir, { recursive: true });
  if (!existsSync(join(peerDir, "package.json"))) writeFileSync(join(peerDir, "package.json"), `{ "name": "bench-peers", "private": true }\n`);
  console.error(`bench: installing ${Object.entries(PEERS).map(([n, v]) => `${n}@${v}`).join(", ")} into bench/.cache/peers`);
  await run("npm", ["install", "--prefix", peerDir, "--no-audit", "--no-fund", "--loglevel", "error", ...Object.entries(PEERS).map(([n, v]) => `${n}@${v}`)], repo);
}

/** Runs each command in turn in the input's peer dir: times summed, peak RSS the largest. */
async function steps(/** @type {ReturnType<typeof inputs>[number]} */ p, /** @type {[string, string[]][]} */ commands) {
  const out = join(p.naiveDir, "out");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  let ms = 0;
  let rssMB = 0;
  for (const [cmd, args] of commands) {
    const r = await run(cmd, args, p.naiveDir);
    ms += r.ms;
    rssMB = Math.max(rssMB, r.rssMB);
  }
  return { ms, rssMB };
}

/**
 * The peers' config files for several APIs, written once per input (all name every API of it):
 * orval's `orval.config.mjs` with one project per API, and hey-api's `openapi-ts.config.mjs` as a
 * list of configs, each run by one process as their docs say for several APIs. Redocly's
 * `apis:` list is in NAIVE_CONFIG (inputs.mjs).
 */
function writePeerConfigs(/** @type {ReturnType<typeof inputs>[number]} */ p) {
  const apis = Object.entries(p.naiveInputs);
  const orval = Object.fromEntries(apis.map(([api, input]) => [api, { input: { target: `./${input}` }, output: { target: `./out/orval/${api}.ts`, client: "fetch" } }]));
  writeFileSync(join(p.naiveDir, "orval.config.mjs"), `export default ${JSON.stringify(orval, null, 2)};\n`);
  const hey = apis.map(([api, input]) => ({ input: `./${input}`, output: `./out/hey-api/${api}`, logs: { level: "silent", file: false } }));
  writeFileSync(join(p.naiveDir, "openapi-ts.config.mjs"), `export default ${JSON.stringify(hey, null, 2)};\n`);
}

const redocly = bin("redocly");
const CONTENDERS = /** @satisfies {Record<string, { label: string, run: (p: ReturnType<typeof inputs>[number]) => Promise<{ ms: number, rssMB: number }> }>} */ ({
  ours: { label: "ours cold", run: (p) => ours(p) },
  // `redocly lint` then `redocly generate-client`, neither given an API: each takes every API of
  // NAIVE_CONFIG's `apis:` (lint with their rules; the client into each `clientOutput`).
  redocly: {
    label: `redocly lint + generate-client (@redocly/cli ${version(repo, "@redocly/cli")})`,
    run: (p) => steps(p, [[redocly, ["lint", "--config", NAIVE_CONFIG]], [redocly, ["generate-client", "--config", NAIVE_CONFIG]]]),
  },
  // One process per API: openapi-typescript's own way to take several is a redocly.yaml, which
  // would make it lint too; alone and per API it is the smallest peak RSS, our memory target's base.
  ots: { label: "openapi-typescript alone (types only)", run: (p) => steps(p, Object.entries(p.naiveInputs).map(([api, input]) => [bin("openapi-typescript"), [input, "-o", `out/${api}.ts`]])) },
  heyapi: { label: `@hey-api/openapi-ts ${PEERS["@hey-api/openapi-ts"]}`, run: (p) => steps(p, [[peerBin("openapi-ts"), ["-f", "openapi-ts.config.mjs", "-s"]]]) },
  orval: { label: `orval ${PEERS.orval} (fetch)`, run: (p) => steps(p, [[peerBin("orval"), ["--config", "orval.config.mjs"]]]) },
});

async function ours(/** @type {ReturnType<typeof inputs>[number]} */ p) {
  return run(process.execPath, [generateScript, "--force", "--quiet"], p.oursDir);
}

/** @type {string[]} */
const rows = [];
/** @type {string[]} */
const rssRows = [];
/** @type {string[]} */
const noopRows = [];
const fmtS = (/** @type {number} */ ms) => (ms / 1000).toFixed(2);
const fmtMB = (/** @type {number} */ mb) => `${Math.round(mb)} MB`;
const keys = /** @type {(keyof typeof CONTENDERS)[]} */ (Object.keys(CONTENDERS));

try {
  await ensurePeers();
  console.error(`bench: temp projects in ${work}; ${hasTime ? "peak RSS from /usr/bin/time" : "peak RSS from resourceUsage() via rss-hook.mjs"}`);
  for (const p of projects) {
    if (!only.has(p.key)) continue;
    writePeerConfigs(p);
    const n = LARGE.has(p.key) ? largeRounds : rounds;
    /** @type {Record<string, { ms: number, rssMB: number }[]>} */
    const res = Object.fromEntries(keys.map((k) => [k, []]));
    // A peer that fails on a whole vendor spec is reported as failed, not timed; ours and
    // openapi-typescript alone (the memory target's base) must succeed.
    /** @type {Record<string, string>} */
    const failed = {};
    const attempt = async (/** @type {keyof typeof CONTENDERS} */ k, /** @type {boolean} */ timedRun) => {
      if (failed[k]) return;
      try {
        const r = await CONTENDERS[k].run(p);
        if (timedRun) res[k]?.push(r);
      } catch (error) {
        if (k === "ours" || k === "ots") throw error;
        const lines = String(/** @type {Error} */ (error).message).split("\n").filter((l) => l.trim());
        const why = lines.slice(1).find((l) => /error|✘/i.test(l)) ?? lines.at(-1) ?? "";
        failed[k] = `${lines[0]?.match(/exited \d+/)?.[0] ?? "failed"}: ${why.trim().slice(0, 120)}`;
        console.error(`bench: ${p.label}: ${k} failed, left out of this input:\n${lines.slice(-15).join("\n")}`);
      }
    };
    // Untimed runs of each: fill the page cache and check that all succeed.
    for (let i = 0; i < warmup; i++) {
      console.error(`bench: ${p.label}: warm-up ${i + 1}/${warmup}`);
      for (const k of keys) await attempt(k, false);
    }
    for (let i = 0; i < n; i++) {
      // The order rotates every round, so no contender always goes first.
      const order = [...keys.slice(i % keys.length), ...keys.slice(0, i % keys.length)];
      for (const k of order) await attempt(k, true);
      console.error(`bench: ${p.label}: round ${i + 1}/${n}: ${keys.map((k) => `${k} ${failed[k] ? "failed" : `${fmtS(res[k]?.at(-1)?.ms ?? NaN)} s ${fmtMB(res[k]?.at(-1)?.rssMB ?? NaN)}`}`).join(", ")}`);
    }
    const med = (/** @type {string} */ k) => median((res[k] ?? []).map((r) => r.ms));
    const peak = (/** @type {string} */ k) => Math.max(...(res[k] ?? []).map((r) => r.rssMB));
    const ours = med("ours");
    // ratio = peer ÷ ours: ≥ 1.00 means ours is as fast or faster. Marked where a target applies:
    // Redocly's pair on Stripe and GitHub (issue 18), hey-api and orval everywhere (issue 12).
    const cell = (/** @type {string} */ k, /** @type {boolean} */ target) => {
      if (failed[k]) return `failed (${failed[k].replaceAll("|", "\\|")})`;
      const ratio = med(k) / ours;
      return `${fmtS(med(k))} s (${ratio.toFixed(2)}${target ? (ratio >= 1 ? " ✅" : " ❌") : ""})`;
    };
    const mb = (/** @type {string} */ k) => (failed[k] ? "failed" : fmtMB(peak(k)));
    rows.push(`| ${p.label} (${p.operations} ops) | ${fmtS(ours)} s | ${cell("redocly", LARGE.has(p.key))} | ${cell("ots", false)} | ${cell("heyapi", true)} | ${cell("orval", true)} | ${n} |`);
    const rssRatio = peak("ours") / peak("ots");
    rssRows.push(`| ${p.label} | ${fmtMB(peak("ours"))} | ${fmtMB(peak("ots"))} | **${rssRatio.toFixed(2)}×** ${rssRatio <= 1.25 ? "✅" : "❌"} | ${mb("redocly")} | ${mb("heyapi")} | ${mb("orval")} |`);
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
    const budget = median(t.noop) + 60;
    noopRows.push(`| \`npm run generate\` (no-op) | ${Math.round(g)} ms ${g <= budget ? "✅" : "❌"} (budget ${Math.round(budget)} ms) | ${fmtMB(rss.generate)} | ${n} |`);
    noopRows.push(`| \`npm run noop\` (\`node -e 0\`: npm's own cost) | ${Math.round(median(t.noop))} ms | ${fmtMB(rss.noop)} | ${n} |`);
    noopRows.push(`| \`node scripts/generate.mjs\` (no-op, without npm) | ${Math.round(median(t.direct))} ms | ${fmtMB(rss.direct)} | ${n} |`);
  }

  const tools = [
    ...["@redocly/openapi-core", "@redocly/cli", "openapi-typescript", "yaml", "typescript"].map((name) => `${name} ${version(repo, name)}`),
    ...Object.keys(PEERS).filter((n) => n !== "typescript").map((name) => `${name} ${version(peerDir, name)}`),
  ].join(", ");
  const md = [
    `## \`npm run bench:generate\``,
    ``,
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · Node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model.trim()}) · ${tools}.`,
    `Medians; contenders rotate order every round; in brackets ratio = peer ÷ ours (≥ 1.00: ours is as fast or faster). Targets: ours ≤ Redocly's lint + generate-client on full Stripe and GitHub (marked there); ≤ hey-api and orval (issue 12).`,
    ``,
    ...(rows.length
      ? [
          `| input | ours cold (\`generate --force\`, lint included) | ${CONTENDERS.redocly.label} | ${CONTENDERS.ots.label} | ${CONTENDERS.heyapi.label} | ${CONTENDERS.orval.label} | rounds |`,
          `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
          ...rows,
          ``,
          `Peak RSS (largest over rounds; target ours ≤ 1.25× openapi-typescript alone):`,
          ``,
          `| input | ours | openapi-typescript alone | ours ÷ openapi-typescript | redocly (larger of lint, generate-client) | hey-api | orval |`,
          `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
          ...rssRows,
          ``,
        ]
      : []),
    ...(noopRows.length ? [`| no-op | median wall (target ≤ npm's start-up + 60 ms) | peak RSS | runs |`, `| --- | ---: | ---: | ---: |`, ...noopRows, ``] : []),
    ...projects.filter((p) => only.has(p.key)).map((p) => `- **${p.label}**: ${p.note}`),
    `- **redocly**: \`redocly lint --config ${NAIVE_CONFIG}\` then \`redocly generate-client --config ${NAIVE_CONFIG}\` (default TypeScript generator), the config listing every API of the input under \`apis:\` (\`root\` = the bundle, \`clientOutput\`) with the same lint rules as ours; time = the sum of the two processes.`,
    `- **orval**: one \`orval.config.mjs\` with a project per API (\`output.client: "fetch"\`), \`orval --config orval.config.mjs\`. **hey-api**: one \`openapi-ts.config.mjs\` exporting a list of configs, one per API (defaults: types, SDK, fetch client), \`openapi-ts -f openapi-ts.config.mjs\`. **openapi-typescript alone**: \`openapi-typescript in -o out.ts\`, one process per API (its way to take several, a redocly.yaml, would make it lint as well). Neither orval, hey-api nor openapi-typescript alone lints.`,
    `- **ours**: \`node scripts/generate.mjs --force\` with cwd = a temp project (redocly.yaml + specs/<api>/upstream/), merging, overlaying, linting, and writing bundle, types and client.`,
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
