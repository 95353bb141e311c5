import { readFileSync } from "node:fs";
import { defineConfig } from "tsdown";
import { parse } from "yaml";
import { generatedEntries } from "./scripts/lib/package-exports.mjs";

// Every API under `apis:` without a hand-written facade is an entry of its own, built from its
// generated entry module (package.json's exports follow the same list; `npm run generate` writes them).
const apis = Object.keys(parse(readFileSync(new URL("redocly.yaml", import.meta.url), "utf8")).apis ?? {});
const root = new URL(".", import.meta.url).pathname;
const generated: Record<string, string> = Object.fromEntries(generatedEntries(root, apis).map((name) => [name, `generated/${name}/index.ts`]));

// ESM only, with .d.ts. Node 20.19+ (our engines floor) can require() ESM, bundlers and browsers
// take ESM, so a CJS copy would only double the package and invite dual-instance bugs.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    sequence: "src/sequence.ts",
    seam: "src/seam.ts",
    testing: "src/testing.ts",
    ...generated,
  },
  format: "esm",
  platform: "neutral",
  target: "es2022",
  dts: true,
  outDir: "dist",
  clean: true,
  // Keep dist/*.js next to dist/*.d.ts (the package is "type": "module").
  fixedExtension: false,
  sourcemap: false,
  treeshake: true,
  // src/testing/ is Node-only; everything else imports nothing from node:.
  deps: { neverBundle: [/^node:/] },
  // The .d.ts pass is most of the build time; that is expected, not worth a warning each build.
  checks: { pluginTimings: false },
});
