// `npm run build` and `npm pack` as a maintainer runs them on a fresh clone (no dist/): packing
// builds first, and a type error in src/ stops both instead of shipping.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/project.js";

const INPUTS = ["package.json", "tsconfig.json", "tsconfig.build.json", "tsdown.config.ts", "src", "generated", "README.md", "CHANGELOG.md", "LICENSE"];
const made: string[] = [];

/** The build's inputs as a clone has them: no dist/, node_modules linked. */
function clone(): string {
  const dir = mkdtempSync(join(tmpdir(), "vac-build-"));
  made.push(dir);
  for (const entry of INPUTS) cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function npm(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile("npm", args, { cwd, env: { ...process.env, NODE_OPTIONS: "" }, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? 1 : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

/** The paths inside a tarball, without npm's `package/` prefix. */
function listTarball(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile("tar", ["-tzf", file], (error, stdout) => (error ? reject(error) : resolve(stdout.trim().split("\n").map((p) => p.replace(/^package\//, "")).sort())));
  });
}

/** A type error tsdown strips without a word (it does not type-check). */
const breakTypes = (dir: string) => writeFileSync(join(dir, "src", "index.ts"), 'export const broken: number = "not a number";\n', { flag: "a" });

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("build", () => {
  it("build: npm pack on a fresh clone builds first, so the tarball holds dist/", async () => {
    const dir = clone();
    expect(existsSync(join(dir, "dist"))).toBe(false);
    const run = await npm(["pack", "--pack-destination", dir], dir);
    expect(run.code, run.output).toBe(0);
    const [tarball] = readdirSync(dir).filter((f) => f.endsWith(".tgz"));
    const files = await listTarball(join(dir, tarball!));
    expect(files).toEqual(expect.arrayContaining(["package.json", "dist/index.js", "dist/index.d.ts", "dist/sequence.js", "dist/sequence.d.ts", "dist/seam.js", "dist/seam.d.ts", "dist/testing.js", "dist/testing.d.ts"]));
  }, 60_000);

  it("build: a type error in src/ fails npm run build and npm pack, and no tarball is written", async () => {
    const dir = clone();
    breakTypes(dir);
    const build = await npm(["run", "build"], dir);
    expect(build.code).toBe(1);
    expect(build.output).toMatch(/src\/index\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(existsSync(join(dir, "dist"))).toBe(false);
    const pack = await npm(["pack", "--pack-destination", dir], dir);
    expect(pack.code).toBe(1);
    expect(pack.output).toContain("error TS2322");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tgz"))).toEqual([]);
  }, 60_000);
});
