#!/usr/bin/env node
// @ts-check
// `npm run bench:generate`: times `scripts/generate.mjs --force` against its peers
// (openapi-typescript alone, @hey-api/openapi-ts, orval's fetch client) on three inputs, plus the
// no-op `npm run generate` against npm's own start-up. Contenders rotate within each round so
// machine noise hits all alike; compare the ratios, not the absolute times. Prints markdown tables
// and writes them to bench/results/generate.md.
//   --rounds N      rounds for ours and Seam (default 5); GitHub gets min(N, --github-rounds)
//   --github-rounds N   (default 3)
//   --only a,b      inputs to run: ours, seam, github, noop
//   --keep          keep the temp projects (their path is printed)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { inputs } from "./inputs.mjs";
import { hasTime, median, timed as run } from "./measure.mjs";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const bin = (/** @type {string} */ name) => join(repo, "node_modules", ".bin", name);
const generateScript = join(repo, "scripts", "generate.mjs");

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    "github-rounds": { type: "string", default: "3" },
    only: { type: "string", default: "ours,seam,github,noop" },
    keep: { type: "boolean", default: false },
  },
  strict: false,
});
const rounds = Number(args.rounds);
const githubRounds = Math.min(rounds, Number(args["github-rounds"]));
const only = new Set(String(args.only).split(","));
const keep = args.keep === true;

const work = mkdtempSync(join(tmpdir(), "bench-generate-"));
const projects = inputs(repo, work);

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

/**
 * One peer on every API of an input: one process per API (that is how each is run), times summed,
 * peak RSS the largest. Each gets the committed (or vendor) bundle, since none can merge or overlay.
 * @param {ReturnType<typeof inputs>[number]} p
 * @param {(input: string, api: string) => [string, string[]]} command
 */
async function peer(p, command) {
  const out = join(p.naiveDir, "out");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  let ms = 0;
  let rssMB = 0;
  for (const [api, input] of Object.entries(p.naiveInputs)) {
    const [cmd, args] = command(input, api);
    const r = await run(cmd, args, p.naiveDir);
    ms += r.ms;
    rssMB = Math.max(rssMB, r.rssMB);
  }
  return { ms, rssMB };
}

const CONTENDERS = /** @satisfies {Record<string, { label: string, run: (p: ReturnType<typeof inputs>[number]) => Promise<{ ms: number, rssMB: number }> }>} */ ({
  ours: { label: "ours cold", run: (p) => ours(p) },
  ots: { label: "openapi-typescript alone (types only)", run: (p) => peer(p, (input, api) => [bin("openapi-typescript"), [input, "-o", `out/${api}.ts`]]) },
  heyapi: { label: `@hey-api/openapi-ts ${PEERS["@hey-api/openapi-ts"]}`, run: (p) => peer(p, (input, api) => [peerBin("openapi-ts"), ["-i", `./${input}`, "-o", `out/${api}`, "-s"]]) },
  orval: { label: `orval ${PEERS.orval} (fetch)`, run: (p) => peer(p, (input, api) => [peerBin("orval"), ["--input", input, "--output", `out/${api}.ts`, "--client", "fetch"]]) },
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
    const n = p.key === "github" ? githubRounds : rounds;
    // One untimed run each: fills the page cache and checks that all succeed.
    console.error(`bench: ${p.label}: warm-up`);
    for (const k of keys) await CONTENDERS[k].run(p);
    /** @type {Record<string, { ms: number, rssMB: number }[]>} */
    const res = Object.fromEntries(keys.map((k) => [k, []]));
    for (let i = 0; i < n; i++) {
      // The order rotates every round, so no contender always goes first.
      const order = [...keys.slice(i % keys.length), ...keys.slice(0, i % keys.length)];
      for (const k of order) res[k]?.push(await CONTENDERS[k].run(p));
      console.error(`bench: ${p.label}: round ${i + 1}/${n}: ${keys.map((k) => `${k} ${fmtS(res[k]?.[i]?.ms ?? NaN)} s`).join(", ")}`);
    }
    const med = (/** @type {string} */ k) => median((res[k] ?? []).map((r) => r.ms));
    const peak = (/** @type {string} */ k) => Math.max(...(res[k] ?? []).map((r) => r.rssMB));
    const ours = med("ours");
    const cell = (/** @type {string} */ k, /** @type {boolean} */ target) => {
      const ratio = med(k) / ours;
      return `${fmtS(med(k))} s (${ratio.toFixed(2)}${target ? (ratio >= 1 ? " ✅" : " ❌") : ""})`;
    };
    rows.push(`| ${p.label} (${p.operations} ops) | ${fmtS(ours)} s | ${cell("ots", false)} | ${cell("heyapi", true)} | ${cell("orval", true)} | ${n} |`);
    const rssRatio = peak("ours") / peak("ots");
    rssRows.push(`| ${p.label} | ${fmtMB(peak("ours"))} | ${fmtMB(peak("ots"))} | **${rssRatio.toFixed(2)}×** ${rssRatio <= 1.25 ? "✅" : "❌"} | ${fmtMB(peak("heyapi"))} | ${fmtMB(peak("orval"))} |`);
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

  const version = (/** @type {string} */ dir, /** @type {string} */ name) => JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")).version;
  const tools = [
    ...["@redocly/openapi-core", "openapi-typescript", "yaml", "typescript"].map((name) => `${name} ${version(repo, name)}`),
    ...Object.keys(PEERS).filter((n) => n !== "typescript").map((name) => `${name} ${version(peerDir, name)}`),
  ].join(", ");
  const md = [
    `## \`npm run bench:generate\``,
    ``,
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · Node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model.trim()}) · ${tools}.`,
    `Medians; contenders rotate order every round; in brackets ratio = peer ÷ ours (target for hey-api and orval: ≥ 1.00, i.e. ours ≤ 1.0× theirs).`,
    ``,
    ...(rows.length
      ? [
          `| input | ours cold (\`generate --force\`, lint included) | ${CONTENDERS.ots.label} | ${CONTENDERS.heyapi.label} | ${CONTENDERS.orval.label} | rounds |`,
          `| --- | ---: | ---: | ---: | ---: | ---: |`,
          ...rows,
          ``,
          `Peak RSS (largest over rounds; target ours ≤ 1.25× openapi-typescript alone):`,
          ``,
          `| input | ours | openapi-typescript alone | ours ÷ openapi-typescript | hey-api | orval |`,
          `| --- | ---: | ---: | ---: | ---: | ---: |`,
          ...rssRows,
          ``,
        ]
      : []),
    ...(noopRows.length ? [`| no-op | median wall (target ≤ npm's start-up + 60 ms) | peak RSS | runs |`, `| --- | ---: | ---: | ---: |`, ...noopRows, ``] : []),
    ...projects.filter((p) => only.has(p.key)).map((p) => `- **${p.label}**: ${p.note}`),
    `- **peers**: one process per API on the bundle (ours or the vendor's), via their CLIs: \`openapi-typescript in -o out.ts\`; \`openapi-ts -i in -o out/\` (hey-api defaults: types, SDK, fetch client); \`orval --input in --output out.ts --client fetch\`. None of them lints.`,
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
