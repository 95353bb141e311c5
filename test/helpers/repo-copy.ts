// A copy of this repository's pipeline inputs and facade sources in a temp dir, for tests that change
// a spec the way a vendor would and then check what generate, tsc and the client do with it.
import { execFile } from "node:child_process";
import { cpSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseDocument } from "yaml";
import { Project, repoRoot, type RunResult } from "./project.js";

/** The repo's redocly.yaml, specs/, generated/ and src/, with node_modules linked. */
export function copyRepo(): Project {
  const project = new Project();
  for (const entry of ["redocly.yaml", "specs", "generated", "src"]) cpSync(join(repoRoot, entry), join(project.dir, entry), { recursive: true });
  addSources(project, false);
  return project;
}

/**
 * Gives a project the facade sources (unless it has them), node_modules, and a strict tsconfig over
 * `include` (default src/ and generated/; tsc also checks whatever those files import).
 */
export function addSources(project: Project, copySrc = true, include = ["src", "generated"]): void {
  if (copySrc) cpSync(join(repoRoot, "src"), join(project.dir, "src"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(project.dir, "node_modules"), "dir");
  const { include: _, ...config } = { include: [], ...JSON.parse(readRepoFile("tsconfig.json")) };
  config.compilerOptions = { ...config.compilerOptions, paths: undefined };
  writeFileSync(join(project.dir, "tsconfig.json"), JSON.stringify({ ...config, include }, null, 2));
  writeFileSync(join(project.dir, "package.json"), JSON.stringify({ name: "repo-copy", private: true, type: "module" }));
}

const readRepoFile = (path: string) => readFileSync(join(repoRoot, path), "utf8");

/** Runs tsc over the project; code 0 when it compiles. */
export function typecheck(project: Project): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: project.dir }, (error, stdout, stderr) => {
      resolve({ code: error ? 1 : 0, stdout, stderr });
    });
  });
}

/** Edits a YAML file in place through `yaml`'s document model (comments and order kept). */
export function editYaml(project: Project, path: string, change: (doc: ReturnType<typeof parseDocument>) => void): void {
  const doc = parseDocument(project.read(path));
  change(doc);
  project.write(path, doc.toString({ lineWidth: 0 }));
}

/** Imports a module of the copy (TypeScript, through vitest's transform). */
export function importFrom<T>(project: Project, path: string): Promise<T> {
  return import(/* @vite-ignore */ pathToFileURL(join(project.dir, path)).href) as Promise<T>;
}
