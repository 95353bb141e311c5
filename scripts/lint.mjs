#!/usr/bin/env node
// @ts-check
// `npm run lint`: lints each API twice with the rules in redocly.yaml.
//   1. the vendor's documents as published (specs/<api>/upstream, and our authored ones): reported,
//      never failing, so the value of the overlay stays visible;
//   2. the bundles we ship (generated/<api>/openapi.yaml): any error fails.
//   --verbose  list every problem, not only counts per rule
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { getLineColLocation, lint, loadConfig } from "@redocly/openapi-core";
import { findApiInputs, readApiList } from "./lib/inputs.mjs";

const root = resolve(process.cwd());
const verbose = process.argv.includes("--verbose");
const config = await loadConfig({ configPath: join(root, "redocly.yaml") });
const configText = readFileSync(join(root, "redocly.yaml"), "utf8");

/** @param {string} file @param {import("@redocly/openapi-core").Config} cfg */
async function report(file, cfg) {
  const problems = await lint({ ref: join(root, file), config: cfg });
  const counts = new Map();
  for (const p of problems) {
    const key = `${p.severity === "error" ? "error" : "warning"} ${p.ruleId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  console.log(`  ${file}: ${errors} error(s), ${warnings} warning(s)`);
  for (const [key, n] of [...counts].sort()) console.log(`    ${key} ×${n}`);
  if (verbose) {
    for (const p of problems) {
      const loc = p.location[0];
      console.log(`      ${loc ? `${file}:${getLineColLocation(loc).start.line}` : file} [${p.ruleId}] ${p.message}`);
    }
  }
  return errors;
}

let failed = 0;
for (const name of readApiList(root)) {
  const api = findApiInputs(root, name, configText);
  const cfg = config.forAlias(name);
  console.log(`${name}: as published (not gating; specs/${name}/overlay.yaml fixes these)`);
  for (const part of api.parts) await report(part, cfg);
  console.log(`${name}: as shipped`);
  const bundle = join(api.output, "openapi.yaml");
  if (!existsSync(join(root, bundle))) {
    console.log(`  ${bundle} is missing: run \`npm run generate\``);
    failed++;
    continue;
  }
  failed += await report(bundle, cfg);
}
if (failed > 0) {
  console.error(`lint: the shipped bundles have ${failed} error(s)`);
  process.exit(1);
}
