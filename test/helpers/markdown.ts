// Reading the project's Markdown (README.md and docs/**/*.md) the way the snippet and link tests
// need it: fenced TypeScript blocks with their file and line, headings, and links.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "./project.js";

/** The marker on the line before a fence (blank lines allowed) that makes a block run, not only compile. */
export const RUNNABLE = "<!-- runnable -->";

export interface Snippet {
  /** Path relative to the repo, e.g. `README.md`. */
  file: string;
  /** 1-based line of the block's first code line in `file`. */
  line: number;
  code: string;
  runnable: boolean;
}

/** README.md and every .md under docs/, relative to the repo, sorted. */
export function markdownFiles(root = repoRoot): string[] {
  const docs = (dir: string): string[] => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries.flatMap((e) => (e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : []));
  };
  return ["README.md", ...docs(join(root, "docs")).map((f) => relative(root, f)).sort()];
}

/** A fence closes with the same character, at least as many times, and nothing after it. */
const closes = (line: string, fence: string) => new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`).test(line);

/** Every ```ts / ```typescript block of one Markdown text; other languages are skipped. */
export function extractSnippets(file: string, text: string): Snippet[] {
  const lines = text.split("\n");
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !closes(lines[end]!, fence!)) end++;
    if (end === lines.length) throw new Error(`${file}:${i + 1}: unclosed code fence`);
    if (lang === "ts" || lang === "typescript") {
      let before = i - 1;
      while (before >= 0 && lines[before]!.trim() === "") before--;
      snippets.push({
        file,
        line: start + 1,
        code: lines.slice(start, end).map((l) => (l.startsWith(indent!) ? l.slice(indent!.length) : l)).join("\n"),
        runnable: before >= 0 && lines[before]!.trim() === RUNNABLE,
      });
    }
    i = end;
  }
  return snippets;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a Markdown text's headings (outside code fences), with GitHub's -1, -2 for repeats. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let fence = "";
  for (const line of text.split("\n")) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]!;
      else if (closes(line, fence)) fence = "";
      continue;
    }
    if (fence) continue;
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const base = slug(h[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n ? `${base}-${n}` : base);
  }
  return result;
}

export interface Link {
  file: string;
  line: number;
  target: string;
}

/** Relative links and in-page anchors of a Markdown text (outside code fences); http(s) and mailto are left out. */
export function localLinks(file: string, text: string): Link[] {
  const links: Link[] = [];
  let fence = "";
  text.split("\n").forEach((line, i) => {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]!;
      else if (closes(line, fence)) fence = "";
      return;
    }
    if (fence) return;
    for (const m of line.replace(/`[^`]*`/g, "").matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^(https?:|mailto:)/.test(m[1]!)) links.push({ file, line: i + 1, target: m[1]! });
    }
  });
  return links;
}

export const readMarkdown = (file: string, root = repoRoot) => readFileSync(join(root, file), "utf8");
