// What each module costs the budgeted bundles (scripts/size.mjs's "only" cases): esbuild's
// minified bytes per input file, from its metafile, and the min+gzip bytes the bundle loses when
// that file is left out (marked external, so what only it imports goes too). Gzip shares strings
// across modules, so the gzip column does not add up; the minified one does. Last, the bundle's
// gzip size with every string literal over 25 characters (the error messages) emptied: a floor for
// what shorter messages could save.
//   node bench/client/size-costs.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleConsumer, cases } from "../../scripts/size.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// The budgeted cases, by their API's name: "vendor-api-clients/seam (…)" → "seam".
const entries = Object.fromEntries(cases.filter((c) => c.budget).map((c) => [c.name.replace(/^vendor-api-clients\/(\w+) .*$/, "$1"), c.code]));

/** @param {string} contents @param {string} [leaveOut] a file, relative to root, to mark external */
const bundle = (contents, leaveOut) =>
  bundleConsumer(contents, {
    metafile: true,
    plugins: leaveOut
      ? [{ name: "leave-out", setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (join(a.resolveDir, a.path).replace(/\.js$/, ".ts") === join(root, leaveOut) ? { path: a.path, external: true } : undefined)) }]
      : [],
  });
const gzip = (/** @type {Uint8Array | string} */ bytes) => gzipSync(bytes, { level: 9 }).length;

const measured = {};
for (const [name, contents] of Object.entries(entries)) {
  const r = await bundle(contents);
  const inputs = Object.values(r.metafile.outputs)[0].inputs;
  const total = gzip(r.outputFiles[0].contents);
  const files = Object.entries(inputs).filter(([f, v]) => f !== "consumer.ts" && v.bytesInOutput > 0);
  const saved = {};
  for (const [f] of files) saved[f] = total - gzip((await bundle(contents, f)).outputFiles[0].contents);
  const text = r.outputFiles[0].text;
  const messages = (text.match(/"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? []).filter((m) => m.length > 25);
  measured[name] = {
    gzip: total,
    min: r.outputFiles[0].contents.length,
    files: Object.fromEntries(files.map(([f, v]) => [f, v.bytesInOutput])),
    saved,
    messages: { chars: messages.reduce((n, m) => n + m.length, 0), gzipWithout: gzip(messages.reduce((t, m) => t.split(m).join('""'), text)) },
  };
}
const names = Object.keys(entries);
const files = [...new Set(names.flatMap((n) => Object.keys(measured[n].files)))].filter((f) => names.some((n) => measured[n].files[f]));
files.sort((a, b) => names.reduce((s, n) => s + (measured[n].files[b] ?? 0), 0) - names.reduce((s, n) => s + (measured[n].files[a] ?? 0), 0));
console.log(`| module | ${names.map((n) => `${n} entry (${measured[n].min} B min, ${measured[n].gzip} B min+gzip): min B | gzip B saved without it`).join(" | ")} |`);
console.log(`|---|${names.map(() => "---:|---:").join("|")}|`);
for (const f of files) console.log(`| ${f} | ${names.map((n) => (measured[n].files[f] ? `${measured[n].files[f]} | ${measured[n].saved[f]}` : "- | -")).join(" | ")} |`);
for (const n of names) {
  const { chars, gzipWithout } = measured[n].messages;
  console.log(`\n${n}: ${chars} characters of string literals over 25 characters; with them all empty the bundle is ${gzipWithout} B min+gzip (${measured[n].gzip - gzipWithout} B less)`);
}
