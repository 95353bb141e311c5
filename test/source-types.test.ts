// vitest's typecheck (vitest.config.ts) reports a type error outside test files, e.g. in src/ after a
// vendor change to generated/, only as an "Unhandled Source Error" printed below the failures. This
// runs tsc over everything but test/ itself so such an error is a failing test carrying tsc's message.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/project.js";

/**
 * tsc's diagnostics for the repository's tsconfig narrowed to `include` (paths relative to the repo).
 * skipLibCheck is off: generated/<api>/ ships its data modules as .d.ts, which are checked here.
 */
async function tscOver(include: string[]): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), "source-types-"));
  try {
    // `extends` keeps the repository's options (strict, paths); include and type roots resolve from here
    const config = {
      extends: join(repoRoot, "tsconfig.json"),
      compilerOptions: { typeRoots: [join(repoRoot, "node_modules/@types")], skipLibCheck: false },
      include: include.map((p) => join(repoRoot, p)),
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config));
    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    return await new Promise((resolve) => {
      execFile(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--pretty", "false"], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, output: `${stdout}${stderr}`.replaceAll(`${repoRoot}/`, "") }),
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("source types", () => {
  it("source types: src/, generated/ and examples/ type-check under the strict tsconfig", { timeout: 120_000 }, async () => {
    const { code, output } = await tscOver(["src", "generated", "examples"]);
    expect(output, "tsc errors outside test/ (what vitest would show only as Unhandled Source Errors)").toBe("");
    expect(code).toBe(0);
  });
});
