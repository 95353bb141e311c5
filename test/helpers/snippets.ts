// Compiling and running Markdown snippets: each block becomes its own module in a folder inside the
// repo (so `vendor-api-clients` resolves through tsconfig.json's paths to src/), tsc checks them all
// in one program under the repo's strict settings, and errors are mapped back to the Markdown line.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Snippet } from "./markdown.js";
import { repoRoot } from "./project.js";

const run = promisify(execFile);

export interface SnippetFolder {
  dir: string;
  /** Module file name → the snippet it holds. */
  files: Map<string, Snippet>;
}

/** Writes each snippet as `<file>-<line>.ts` into a fresh folder under .cache/ (git-ignored). */
export function writeSnippets(snippets: Snippet[]): SnippetFolder {
  mkdirSync(join(repoRoot, ".cache"), { recursive: true });
  const dir = mkdtempSync(join(repoRoot, ".cache", "snippets-"));
  const files = new Map<string, Snippet>();
  for (const snippet of snippets) {
    const name = `${snippet.file.replace(/\.md$/, "").replace(/[^\w]+/g, "_")}-${snippet.line}.ts`;
    // `export {}` makes a block without imports a module too (top-level await, no shared globals);
    // it goes last so that line N of the module is line N of the block.
    writeFileSync(join(dir, name), `${snippet.code}\nexport {};\n`);
    files.set(name, snippet);
  }
  // the repo's own compiler options (strict, noUncheckedIndexedAccess, paths to src/), over these files only
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: relative(dir, join(repoRoot, "tsconfig.json")), include: ["*.ts"] }));
  return { dir, files };
}

export interface SnippetError {
  /** `README.md:42:7`: the Markdown file, line and column. */
  at: string;
  message: string;
}

/** tsc over the folder; every error, in a snippet or in what it imports, with its Markdown position when it has one. */
export async function typecheckSnippets({ dir, files }: SnippetFolder): Promise<SnippetError[]> {
  const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  const output = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--pretty", "false"], { cwd: repoRoot, maxBuffer: 16 << 20 }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
  );
  const errors: SnippetError[] = [];
  for (const line of output.split("\n")) {
    const m = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line);
    if (m) {
      const snippet = files.get(relative(dir, join(repoRoot, m[1]!)));
      const at = snippet ? `${snippet.file}:${snippet.line + Number(m[2]) - 1}:${m[3]}` : `${m[1]}:${m[2]}:${m[3]}`;
      errors.push({ at, message: m[4]! });
    } else if (line.startsWith(" ") && errors.length) errors.at(-1)!.message += `\n${line}`;
    else if (line.trim()) errors.push({ at: "tsc", message: line });
  }
  // in Markdown order: by file, then line and column
  return errors.sort((a, b) => a.at.localeCompare(b.at, "en", { numeric: true }));
}

/**
 * Runs one snippet module with tsx, with test/helpers/snippet-preload.ts loaded first (it points the
 * vendors' hosts at the fake in `env.SNIPPET_FAKE_URL`). Resolves with the output; rejects with it.
 */
export async function runSnippet(folder: SnippetFolder, name: string, env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const preload = pathToFileURL(join(repoRoot, "test", "helpers", "snippet-preload.ts")).href;
  return run(process.execPath, ["--import", "tsx", "--import", preload, join(folder.dir, name)], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: "", ...env },
    timeout: 30_000,
  });
}
