#!/usr/bin/env node
// @ts-check
// Probe for an idea measured and not built (BENCHMARKS.md, machinery table): Redocly's
// `no-invalid-media-type-examples` rule on a worker thread, every other rule plus the YAML and
// types on the main thread. Times the same in-process pipeline serial and split, alternating.
//   node bench/generate/lint-split.mjs <project> <api> [rounds]
// where <project> is a temp project from `node bench/generate/run.mjs --keep` (e.g. …/github/project).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { median, timed } from "./measure.mjs";

const SPLIT = ["no-invalid-media-type-examples"];
const lib = new URL("../../scripts/lib/", import.meta.url);

async function lint(/** @type {any} */ core, /** @type {any} */ config, /** @type {any} */ doc, /** @type {string} */ root) {
  return core.lintDocument({ document: { source: new core.Source(`${root}/openapi.yaml`, ""), parsed: doc }, config, externalRefResolver: new core.BaseResolver() });
}

if (!isMainThread) {
  // the worker: only the split-off rule
  const core = await import("@redocly/openapi-core");
  const { root, api } = workerData;
  const config = (await core.loadConfig({ configPath: `${root}/redocly.yaml` })).forAlias(api);
  const all = Object.values(config.rules).flatMap((r) => Object.keys(r));
  config.skipRules(all.filter((r) => !SPLIT.includes(r)));
  parentPort?.once("message", async (doc) => parentPort?.postMessage((await lint(core, config, doc, root)).length));
} else if (process.argv[2] === "--run") {
  // one run, serial or split; prints its time from start to the last problem, and the problem count
  const [, , , mode, root = "", api = ""] = process.argv;
  const t0 = performance.now();
  const worker = mode === "split" ? new Worker(new URL(import.meta.url), { workerData: { root, api } }) : null;
  const core = await import("@redocly/openapi-core");
  const { bundleParts, mergeParts, orderTopLevel } = await import(new URL("merge.mjs", lib).href);
  const { stringifyYaml } = await import(new URL("stringify-yaml.mjs", lib).href);
  const { toTypes } = await import(new URL("types.mjs", lib).href);
  const config = (await core.loadConfig({ configPath: `${root}/redocly.yaml` })).forAlias(api);
  const upstream = `specs/${api}/upstream`;
  const parts = await bundleParts(readdirSync(join(root, upstream)).map((f) => `${upstream}/${f}`), root, config);
  const doc = orderTopLevel(mergeParts(parts));
  let others = Promise.resolve(0);
  if (worker) {
    worker.postMessage(doc);
    others = new Promise((resolve) => worker.once("message", resolve));
    config.skipRules(SPLIT);
  }
  const copy = structuredClone(doc);
  stringifyYaml(copy);
  await toTypes(copy);
  const problems = (await lint(core, config, doc, root)).length + (await others);
  await worker?.terminate();
  console.log(JSON.stringify({ ms: performance.now() - t0, problems }));
} else {
  const [, , root, api, n = "3"] = process.argv;
  if (!root || !api) throw new Error("usage: node bench/generate/lint-split.mjs <project> <api> [rounds]");
  /** @typedef {{ ms: number[], rss: number[], problems: number }} Runs */
  /** @type {{ serial: Runs, split: Runs }} */
  const res = { serial: { ms: [], rss: [], problems: 0 }, split: { ms: [], rss: [], problems: 0 } };
  for (let i = 0; i < Number(n); i++) {
    /** @type {("serial" | "split")[]} */
    const order = i % 2 ? ["split", "serial"] : ["serial", "split"];
    for (const mode of order) {
      const out = await timed(process.execPath, [import.meta.filename, "--run", mode, root, api], root);
      const r = JSON.parse(out.stdout);
      const m = res[mode];
      m.ms.push(r.ms);
      m.rss.push(out.rssMB);
      m.problems = r.problems;
      console.error(`round ${i + 1}: ${mode} ${Math.round(r.ms)} ms, ${Math.round(out.rssMB)} MB, ${r.problems} problems`);
    }
  }
  const [s, p] = [res.serial, res.split];
  console.log(`${api}: serial ${Math.round(median(s.ms))} ms ${Math.round(median(s.rss))} MB; split ${Math.round(median(p.ms))} ms ${Math.round(median(p.rss))} MB (${(median(p.ms) / median(s.ms)).toFixed(2)}× time, ${(median(p.rss) / median(s.rss)).toFixed(2)}× RSS); problems ${s.problems} / ${p.problems}`);
}
