#!/usr/bin/env node
// `npm run docs`: API reference HTML per API from the bundled specs, into docs/<api>.html.
// --inlineBundle embeds Redoc's script, so the pages work offline and load nothing from a CDN.
// Redocly prints banners (Node 20 end-of-life, Redoc 3 notice) that no setting turns off; we keep
// its output for failures only and print one line per page instead.
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { readApiList } from "./lib/inputs.mjs";

// The project is the working directory (as with `npm run generate`), so fixture projects get pages too.
const root = process.cwd();
const cli = join(dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin", "cli.js");
// Usage: node scripts/docs.mjs [--out <dir>] [api…]; default every API in redocly.yaml.
const argv = process.argv.slice(2);
const outFlag = argv.indexOf("--out");
const outDir = resolve(outFlag >= 0 ? (argv.splice(outFlag, 2)[1] ?? "") : join(root, "docs"));
const apis = argv.length ? argv : readApiList(root);
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true" };

mkdirSync(outDir, { recursive: true });
for (const api of apis) {
  const output = join(outDir, `${api}.html`);
  const args = [cli, "build-docs", join("generated", api, "openapi.yaml"), "-o", output, "--inlineBundle"];
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    console.error(`docs: redocly build-docs failed for ${api} (exit ${result.status})`);
    process.exit(1);
  }
  console.log(`docs: ${output.startsWith(root) ? relative(root, output) : output} (${Math.round(statSync(output).size / 1024)} KiB)`);
}
