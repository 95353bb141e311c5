// generated/ as other tools in the repo see it: running them must not rewrite or reformat it.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Project, repoRoot } from "./helpers/project.js";

const run = (bin: string, args: string[], cwd: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(repoRoot, "node_modules", bin), ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("generated/ and other tools", { timeout: 60_000 }, () => {
  it("openapi-typescript CLI: a bare `npx openapi-typescript` in the repo root leaves generated/ byte for byte as generate wrote it", async () => {
    // A copy of the repo root's config and output, so a regression can't damage the checkout.
    const dir = mkdtempSync(join(tmpdir(), "ots-cli-"));
    dirs.push(dir);
    cpSync(join(repoRoot, "redocly.yaml"), join(dir, "redocly.yaml"));
    cpSync(join(repoRoot, "generated"), join(dir, "generated"), { recursive: true });
    const project = Object.assign(Object.create(Project.prototype) as Project, { dir });
    const before = project.snapshot();
    await run("openapi-typescript/bin/cli.js", [], dir);
    expect(project.snapshot()).toEqual(before);
  });

  // generate runs no formatter: the templated modules (client.ts, index.ts, roles.ts, operations.js/.d.ts, response-checks.js/.d.ts) are
  // emitted formatted. types.ts is TypeScript's printer's output, left alone (.prettierignore says why).
  it("prettier: generated/ is already prettier-formatted (printWidth 100), with no formatter in generate", async () => {
    const result = await run("prettier/bin/prettier.cjs", ["--check", "--print-width", "100", "generated/"], repoRoot);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
