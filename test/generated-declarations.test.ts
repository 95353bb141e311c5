// generated/<api>/operations and response-checks ship as .js + .d.ts (a consumer's tsc then reads
// only the declarations it uses). tsc must find every declared type identical to what the .js holds,
// as `as const` (operations) or `: Shape` (shapes) would type it: test/helpers/declaration-shim.ts.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { declarationShim } from "./helpers/declaration-shim.js";
import { repoRoot } from "./helpers/project.js";

const work = mkdtempSync(join(tmpdir(), "declarations-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** tsc (strict, skipLibCheck off) over the shims; its output. */
function tsc(files: string[]): Promise<string> {
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  const compilerOptions = { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: false, types: [] };
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ compilerOptions, files }));
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--pretty", "false"], { cwd: work, maxBuffer: 16 << 20 }, (_e, stdout, stderr) => resolve(stdout + stderr));
  });
}

describe("generated declarations", { timeout: 60_000 }, () => {
  it("generated declarations: each .d.ts declares exactly what its .js holds (seam, sequence), and a .js that drifts from its .d.ts is caught", async () => {
    const src = join(repoRoot, "src");
    // a copy of sequence's folder whose operations.js has lost a field its .d.ts still declares
    const drifted = join(work, "drifted", "generated", "sequence");
    cpSync(join(repoRoot, "generated", "sequence"), drifted, { recursive: true });
    symlinkSync(src, join(work, "drifted", "src"));
    symlinkSync(join(repoRoot, "node_modules"), join(work, "node_modules"));
    const js = readFileSync(join(drifted, "operations.js"), "utf8");
    expect(js).toMatch(/\n\s*minimum: 1,/);
    writeFileSync(join(drifted, "operations.js"), js.replace(/\n\s*minimum: 1,/, ""));
    const shims = { seam: join(repoRoot, "generated/seam"), sequence: join(repoRoot, "generated/sequence"), drifted };
    for (const [name, dir] of Object.entries(shims)) writeFileSync(join(work, `${name}.ts`), await declarationShim(dir, src));
    const output = await tsc(Object.keys(shims).map((n) => `${n}.ts`));
    const lines = output.split("\n").filter(Boolean);
    expect(lines.filter((l) => !l.startsWith("drifted.ts")), output).toEqual([]);
    // the one error: getUsers (whose limit lost its minimum) differs from its declaration
    const at = readFileSync(join(work, "drifted.ts"), "utf8").split("\n").findIndex((l) => l.startsWith("export const op$getUsers$same:")) + 1;
    expect(lines.filter((l) => l.startsWith("drifted.ts")), output).toEqual([`drifted.ts(${at},14): error TS2322: Type 'true' is not assignable to type 'false'.`]);
  });
});
