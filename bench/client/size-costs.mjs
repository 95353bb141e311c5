// What each module costs the budgeted bundles (scripts/size.mjs's "only" cases): esbuild's
// minified bytes per input file, from its metafile, beside each bundle's min+gzip total. Gzip
// shares strings across modules, so per-module gzip sizes would not add up; minified bytes do.
//   node bench/client/size-costs.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const entries = {
  sequence: `export { createSequenceClient } from "./src/sequence.ts";`,
  seam: `export { createSeamClient } from "./src/seam.ts";`,
};

const measured = {};
for (const [name, contents] of Object.entries(entries)) {
  const r = await build({ stdin: { contents, resolveDir: root, loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, metafile: true, logLevel: "silent" });
  const inputs = Object.values(r.metafile.outputs)[0].inputs;
  measured[name] = {
    gzip: gzipSync(r.outputFiles[0].contents, { level: 9 }).length,
    min: r.outputFiles[0].contents.length,
    files: Object.fromEntries(Object.entries(inputs).filter(([f]) => f !== "<stdin>").map(([f, v]) => [f, v.bytesInOutput])),
  };
}
const names = Object.keys(entries);
const files = [...new Set(names.flatMap((n) => Object.keys(measured[n].files)))].filter((f) => names.some((n) => measured[n].files[f]));
files.sort((a, b) => names.reduce((s, n) => s + (measured[n].files[b] ?? 0), 0) - names.reduce((s, n) => s + (measured[n].files[a] ?? 0), 0));
console.log(`| module (minified bytes) | ${names.map((n) => `${n} entry (${measured[n].min} B min, ${measured[n].gzip} B min+gzip)`).join(" | ")} |`);
console.log(`|---|${names.map(() => "---:").join("|")}|`);
for (const f of files) console.log(`| ${f} | ${names.map((n) => measured[n].files[f] || "-").join(" | ")} |`);
