// A copy of this project's pipeline inputs and outputs (redocly.yaml, specs/, generated/, and
// optionally package.json and CHANGELOG.md) in a temporary git repository with one commit, for the
// change report, spec update and release tests. Scripts run from this repo with cwd = the copy.
import { execFile, execFileSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { Project, repoRoot, type RunResult } from "./project.js";

const GIT_ENV = { GIT_AUTHOR_NAME: "test", GIT_AUTHOR_EMAIL: "test@localhost", GIT_COMMITTER_NAME: "test", GIT_COMMITTER_EMAIL: "test@localhost" };

export class GitProject extends Project {
  static copyOfRepo(extra: string[] = []): GitProject {
    const project = new GitProject();
    for (const path of ["redocly.yaml", "specs", "generated", ...extra]) cpSync(join(repoRoot, path), join(project.dir, path), { recursive: true });
    project.git("init", "-q", "-b", "main");
    project.commit("base");
    return project;
  }

  /** A copy with its own history, so a test can change it freely. */
  override clone(): GitProject {
    const copy = new GitProject();
    cpSync(this.dir, copy.dir, { recursive: true });
    return copy;
  }

  git(...args: string[]): string {
    return execFileSync("git", args, { cwd: this.dir, encoding: "utf8", env: { ...process.env, ...GIT_ENV } });
  }

  commit(message: string): void {
    this.git("add", "-A");
    this.git("commit", "-q", "--allow-empty", "-m", message);
  }

  /** Runs scripts/<name> of this repo in the copy, as `npm run <name>` would. */
  script(name: string, args: string[] = [], env: Record<string, string> = {}): Promise<RunResult> {
    return new Promise((resolve) => {
      execFile(process.execPath, [join(repoRoot, "scripts", name), ...args], { cwd: this.dir, env: { ...process.env, ...GIT_ENV, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      });
    });
  }
}
