import { existsSync, readFileSync } from "node:fs";
import { defineConfig } from "tsdown";
import { parse } from "yaml";

// Every API under `apis:` in redocly.yaml without a hand-written facade (src/<api>.ts) is an entry of
// its own, built from its generated entry module. package.json's exports follow the same rule
// (scripts/lib/package-exports.mjs; `npm run generate` writes them, test/package-entries.test.ts compares).
const at = (path: string) => new URL(path, import.meta.url);
const apis = existsSync(at("redocly.yaml")) ? Object.keys(parse(readFileSync(at("redocly.yaml"), "utf8")).apis ?? {}) : [];
const generated = Object.fromEntries(apis.filter((name) => !existsSync(at(`src/${name}.ts`))).map((name) => [name, `generated/${name}/index.ts`]));

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
  // emitJs off (tsconfig's allowJs would turn it on): generated/<api>/operations.js and
  // response-checks.js have their own .d.ts, which must be used, not declarations inferred from the JS.
  dts: { emitJs: false },
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
