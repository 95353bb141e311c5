#!/usr/bin/env node
// Size budget: what each entry costs an application bundle, min+gzip, openapi-fetch included.
// esbuild bundles and minifies a tiny consumer module per case, as an application's bundler would
// (tree-shaking on: the package is "sideEffects": false). Exits 1 when a budget is exceeded.
// Usage: node scripts/size.mjs [--json]
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const KB = 1000; // as size-limit counts

/** name → consumer module, and the budget in bytes (min+gzip) when there is one. */
export const cases = [
  // The budgets are for an app that imports one client (issue: "an entry that imports only the
  // Sequence client"); the every-export rows add role data and all error classes, for reference.
  { name: "vendor-api-clients/sequence (every export)", code: `export * from "./src/sequence.ts";` },
  { name: "vendor-api-clients/sequence (createSequenceClient only)", code: `export { createSequenceClient } from "./src/sequence.ts";`, budget: 5 * KB },
  { name: "vendor-api-clients/seam (every export)", code: `export * from "./src/seam.ts";` },
  { name: "vendor-api-clients/seam (createSeamClient only)", code: `export { createSeamClient } from "./src/seam.ts";`, budget: 4 * KB },
  // The raw factories bring openapi-fetch's client, which the budgeted rows leave out.
  { name: "vendor-api-clients/sequence (createRawSequenceClient only)", code: `export { createRawSequenceClient } from "./src/sequence.ts";` },
  { name: "vendor-api-clients/seam (createRawSeamClient only)", code: `export { createRawSeamClient } from "./src/seam.ts";` },
  { name: "vendor-api-clients (every export)", code: `export * from "./src/index.ts";` },
  { name: "openapi-fetch alone (reference)", code: `export { default } from "openapi-fetch";` },
];

/**
 * esbuild's bundle of a consumer module, minified as an application's bundler would make it.
 * @param {string} code @param {import("esbuild").BuildOptions} [extra] e.g. metafile, plugins
 */
export function bundleConsumer(code, extra = {}) {
  return build({
    stdin: { contents: code, resolveDir: root, loader: "ts", sourcefile: "consumer.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    ...extra,
  });
}

export async function measure({ code }) {
  const bytes = (await bundleConsumer(code)).outputFiles[0].contents;
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = [];
  for (const c of cases) rows.push({ ...c, ...(await measure(c)) });
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(rows.map(({ code, ...r }) => r), null, 2));
  } else {
    const kb = (n) => `${(n / KB).toFixed(2)} kB`;
    console.log("| entry | min | min+gzip | budget |\n|---|---:|---:|---:|");
    for (const r of rows) console.log(`| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${r.budget ? `${kb(r.budget)} ${r.gzip <= r.budget ? "ok" : "OVER"}` : "-"} |`);
  }
  const over = rows.filter((r) => r.budget && r.gzip > r.budget);
  if (over.length) {
    console.error(`size: over budget: ${over.map((r) => r.name).join(", ")}`);
    process.exit(1);
  }
}
