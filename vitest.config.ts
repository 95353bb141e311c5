import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { dropTypecheckNotice } from "./test/helpers/typecheck-notice.js";

dropTypecheckNotice();

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));
const testHelper = (file: string) => fileURLToPath(new URL(`./test/helpers/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its public name, as applications do.
    alias: [
      { find: /^vendor-api-clients$/, replacement: src("index.ts") },
      // The fake as shipped, plus a check of every answer it sends against the current bundle.
      { find: /^vendor-api-clients\/testing$/, replacement: testHelper("validated-testing.ts") },
      { find: /^vendor-api-clients\/(sequence|seam)$/, replacement: src("$1.ts") },
      // every other API's entry is its generated module, as package.json's exports say
      { find: /^vendor-api-clients\/([\w-]+)$/, replacement: fileURLToPath(new URL("./generated/$1/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Fails a test during which the testing fake answered off-spec (test/helpers/fake-conformance.ts).
    setupFiles: [fileURLToPath(new URL("./test/helpers/fake-conformance-setup.ts", import.meta.url))],
    // Types are tests too: test/*.test-d.ts are checked by tsc, with @ts-expect-error on bad calls.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // JSON next to the console output: .ci/run reads test-results/ for its `N passed, N failed` line.
    reporters: ["default", "json"],
    // A passing test's console output is noise in `npm test`; a failing test's is shown with it.
    silent: "passed-only",
    outputFile: { json: `test-results/vitest-node${process.versions.node.split(".")[0]}.json` },
    // Most files wait on child processes (generate, tsc, Prism) and loopback servers, so two files at
    // once pay even on 2 cores, where vitest's default (cores − 1) would run one at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
