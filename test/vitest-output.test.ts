// What `npm test` prints between vitest's progress and results (issue 20, item 12): nothing from
// tests that pass, and not vitest's notice that type testing is experimental. Runs vitest with this
// project's config on two chatty tests in a folder of its own under .cache/ (git-ignored).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { TYPECHECK_NOTICE } from "./helpers/typecheck-notice.js";

const root = join(import.meta.dirname, "..");
mkdirSync(join(root, ".cache"), { recursive: true });
const dir = mkdtempSync(join(root, ".cache", "vitest-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("vitest output", () => {
  it("vitest output: a passing test's console lines and the typecheck notice are not printed; a failing test's lines are", async () => {
    mkdirSync(join(dir, "test"));
    // Two files, so the failing test's code frame cannot quote the passing test's line.
    const test = (name: string, body: string) => writeFileSync(join(dir, "test", `${name}.test.ts`), `import { expect, it } from "vitest";\nit("${name}", () => { ${body} });\n`);
    test("passes", 'console.log("LINE FROM A PASSING TEST");');
    test("fails", 'console.log("LINE FROM A FAILING TEST"); expect(1).toBe(2);');
    const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
    const args = [vitest, "run", "--config", join(root, "vitest.config.ts"), "--root", dir, "--reporter", "default"];
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: "1" } }).catch(
      (error: { stdout: string; stderr: string }) => error, // exits 1: one test fails on purpose
    );
    const output = stdout + stderr;
    expect(output).toMatch(/1 failed \| 1 passed/);
    expect(output).toContain("LINE FROM A FAILING TEST");
    expect(output).not.toContain("LINE FROM A PASSING TEST");
    expect(output).not.toContain(TYPECHECK_NOTICE);
  });
});
