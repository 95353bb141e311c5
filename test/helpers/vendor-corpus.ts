// The vendor corpus of test/fixtures/vendor-specs/ (slices of real public specs, see SOURCES.md
// there): one throwaway project per vendor, with the slice as its only upstream document and lint
// relaxed for that API the way README's "Adding an API" tells a new user to.
import { readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { addSources } from "./repo-copy.js";
import { fixture, Project, repoRoot, type RunResult } from "./project.js";

export const VENDOR_SPECS = fixture("vendor-specs");

/** The vendors in the corpus, sorted: every folder of test/fixtures/vendor-specs/. */
export function vendorNames(dir = VENDOR_SPECS): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

// Our shared rules are strict on purpose (house style for our own two APIs); a vendor spec is taken
// as published, so its API entry relaxes them and keeps only Redocly's `minimal` set.
const RELAXED: Record<string, "off" | "warn"> = {
  "no-invalid-media-type-examples": "off",
  "no-invalid-schema-examples": "off",
  "operation-4xx-response": "off",
  "security-defined": "off",
  "info-license": "off",
  // Stripe's servers end in "/"; still counted, as a warning
  "no-server-trailing-slash": "warn",
};

/** redocly.yaml for one vendor API: the repo's shared rules, and the API with lint relaxed. */
export function vendorConfig(shared: string, name: string): string {
  const rules = Object.entries(RELAXED).map(([rule, level]) => `      ${rule}: ${level}\n`).join("");
  return `${shared}\napis:\n  ${name}:\n    root: generated/${name}/openapi.yaml\n    extends:\n      - minimal\n    rules:\n${rules}`;
}

export interface VendorProject {
  name: string;
  project: Project;
  generate: RunResult;
  ms: number;
}

/** A project for `name` whose specs/<name>/ is `from` (a folder holding upstream/), generated. */
export async function vendorProject(name: string, from = join(VENDOR_SPECS, name)): Promise<VendorProject> {
  const project = Project.create({ [name]: from });
  const shared = project.read("redocly.yaml").split("\napis:")[0]!;
  project.write("redocly.yaml", vendorConfig(shared, name));
  // src/ and node_modules for importing and type-checking the generated files; a strict tsconfig
  addSources(project, true, [`generated/${name}`]);
  const started = performance.now();
  // --quiet: generate lists every downgraded lint problem (hundreds for Stripe), and its synchronous
  // writes to a pipe fail with EAGAIN when the reader is slow; errors still reach stderr
  const generate = await project.generate("--quiet");
  return { name, project, generate, ms: performance.now() - started };
}

/** Runs `work` over `items`, at most `limit` at a time (2 cores: child processes are the cost). */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
}

/** The files of oracle 3: what generate writes for code to import (client.ts imports operations.d.ts and response-checks.d.ts). */
export const TYPED_FILES = ["types.ts", "client.ts", "operations.d.ts", "response-checks.d.ts"];

/**
 * tsc (strict: the repo's tsconfig, with skipLibCheck off so the generated .d.ts are checked) over
 * every project's generated types.ts, client.ts and data declarations in one run; returns the error
 * lines by vendor name.
 */
export async function typecheckVendors(projects: readonly VendorProject[]): Promise<{ ms: number; errors: Map<string, string[]>; output: string }> {
  const scratch = new Project();
  const files = projects.flatMap((p) => TYPED_FILES.map((f) => join(p.project.dir, "generated", p.name, f)));
  addSources(scratch, false, []);
  const config = JSON.parse(scratch.read("tsconfig.json"));
  writeFileSync(join(scratch.dir, "tsconfig.json"), JSON.stringify({ ...config, compilerOptions: { ...config.compilerOptions, skipLibCheck: false }, include: undefined, files }, null, 2));
  const started = performance.now();
  const { execFile } = await import("node:child_process");
  const output = await new Promise<string>((resolve) => {
    execFile(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: scratch.dir, maxBuffer: 64 << 20 }, (_e, stdout, stderr) => resolve(stdout + stderr));
  });
  const ms = performance.now() - started;
  const errors = new Map<string, string[]>(projects.map((p) => [p.name, []]));
  // tsc names files relative to its working directory
  const prefixes = projects.map((p) => [p, `${relative(scratch.dir, p.project.dir)}/`, `${p.project.dir}/`] as const);
  for (const line of output.split("\n")) {
    if (!line.trim()) continue;
    const [owner, prefix] = prefixes.map(([p, rel, abs]) => [p, line.startsWith(rel) ? rel : line.startsWith(abs) ? abs : ""] as const).find(([, at]) => at) ?? [];
    if (owner && prefix) errors.get(owner.name)!.push(line.slice(prefix.length));
    else (errors.get("(other)") ?? errors.set("(other)", []).get("(other)")!).push(line);
  }
  scratch.remove();
  return { ms, errors, output };
}
