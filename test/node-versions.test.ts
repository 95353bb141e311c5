// Which Nodes the suite runs on (issue 20, item 13): `npm test` runs it on the machine's Node, which
// CI keeps at our `engines` floor (Node 20), then on Node 26, the Active LTS line, through
// scripts/node26.mjs. Each run leaves its own vitest report, and .ci/run's summary adds them up.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_VERSION } from "../scripts/node26.mjs";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  engines: Record<string, string>;
  scripts: Record<string, string>;
};

describe("node versions", () => {
  it("node versions: npm test runs the suite on the machine's Node, then on Node 26 through scripts/node26.mjs", () => {
    expect(pkg.scripts.test!.split(" && ").slice(-2)).toEqual(["vitest run", "npm run test:node26"]);
    expect(pkg.scripts["test:node26"]).toBe("node scripts/node26.mjs");
    expect(NODE_VERSION).toMatch(/^26\.\d+\.\d+$/);
    expect(Object.keys(pkg.scripts).filter((name) => /^test:node\d+$/.test(name))).toEqual(["test:node26"]);
  });

  it("node versions: engines still promise Node 20.19, the floor the first run covers", () => {
    expect(pkg.engines).toEqual({ node: ">=20.19" });
  });

  it("node versions: the CI summary adds up the report of each Node run", () => {
    const dir = mkdtempSync(join(tmpdir(), "vac-results-"));
    try {
      const report = (passed: number, failed: number) =>
        JSON.stringify({ numPassedTests: passed, numFailedTests: failed, testResults: [] });
      writeFileSync(join(dir, "vitest-node20.json"), report(10, 1));
      writeFileSync(join(dir, "vitest-node26.json"), report(12, 0));
      const summary = execFileSync(process.execPath, [join(root, "scripts/test-summary.mjs"), dir], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
      expect(summary).toBe("22 passed, 1 failed\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
