// A throwaway project for pipeline tests: its own redocly.yaml, specs/ and generated/, with the real
// scripts/generate.mjs run in it as a child process, exactly as `npm run generate` would.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const generateScript = join(repoRoot, "scripts", "generate.mjs");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class Project {
  readonly dir = mkdtempSync(join(tmpdir(), "gen-project-"));

  /** Lists APIs under `apis:`; each comes from a folder copied into specs/<name>/. */
  static create(apis: Record<string, string>, extraConfig = ""): Project {
    const project = new Project();
    const entries = Object.keys(apis)
      .map((name) => `  ${name}:\n    root: generated/${name}/openapi.yaml\n`)
      .join("");
    const rules = readFileSync(join(repoRoot, "redocly.yaml"), "utf8").split("\napis:")[0];
    project.write("redocly.yaml", `${rules}${extraConfig}\napis:\n${entries}`);
    for (const [name, from] of Object.entries(apis)) cpSync(from, join(project.dir, "specs", name), { recursive: true });
    return project;
  }

  /** A copy of this project, generated/ included, to start a test from an already-generated state. */
  clone(): Project {
    const copy = new Project();
    cpSync(this.dir, copy.dir, { recursive: true });
    return copy;
  }

  write(path: string, text: string): void {
    writeFileSync(join(this.dir, path), text);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), "utf8");
  }

  edit(path: string, change: (text: string) => string): void {
    this.write(path, change(this.read(path)));
  }

  generate(...args: string[]): Promise<RunResult> {
    return new Promise((resolve) => {
      execFile(process.execPath, [generateScript, ...args], { cwd: this.dir }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      });
    });
  }

  /** Every file under generated/ with its bytes, to prove a failed run touched nothing. */
  snapshot(): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else out.set(relative(this.dir, path), readFileSync(path, "utf8"));
      }
    };
    try {
      walk(join(this.dir, "generated"));
    } catch {
      // no generated/ yet
    }
    return out;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const fixture = (name: string) => join(repoRoot, "test", "fixtures", name);
export const specs = (name: string) => join(repoRoot, "specs", name);
