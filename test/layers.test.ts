// Imports flow one way: scripts/ write generated/; src/runtime/ is API-agnostic and imports neither
// generated/ nor any API's code; each API's sugar (src/<api>/) uses the runtime and its own generated
// data only; the testing fake is never imported by a client. Checked on every import specifier.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    // .js and .d.ts too: generated/<api>/ ships its data modules as those (operations, response-checks)
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Every relative import of a file, as repository paths ("src/runtime/errors.ts", "generated/sequence/operations.js"): a `.js` specifier names the .ts beside it unless the .js itself exists. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.filter((s) => s.startsWith(".")).map((s) => {
      const target = relative(root, resolve(dirname(join(root, file)), s));
      return existsSync(join(root, target)) ? target : target.replace(/\.js$/, ".ts");
    });
}

/** The imports of `files` that break `allowed`, as "file → import". */
function violations(files: string[], allowed: (target: string) => boolean): string[] {
  return files.flatMap((file) => importsOf(file).filter((target) => !allowed(target)).map((target) => `${file} → ${target}`));
}

const under = (...prefixes: string[]) => (target: string) => prefixes.some((p) => target.startsWith(p));

describe("layers", () => {
  it("layers: src/runtime/ imports only src/runtime/ (never generated/, an API's code or the fake)", () => {
    const files = sourcesUnder("src/runtime");
    expect(files.length).toBeGreaterThan(10);
    expect(violations(files, under("src/runtime/"))).toEqual([]);
  });

  it("layers: each API's sugar imports the runtime and its own generated data, never another API's", () => {
    for (const api of ["sequence", "seam"]) {
      const files = sourcesUnder(`src/${api}`);
      expect(files.length).toBeGreaterThan(2);
      expect(violations(files, under("src/runtime/", `src/${api}/`, `generated/${api}/`))).toEqual([]);
    }
  });

  it("layers: generated/ imports nothing from src/ except the runtime", () => {
    expect(violations(sourcesUnder("generated"), (target) => target.startsWith("generated/") || target.startsWith("src/runtime/"))).toEqual([]);
  });

  it("layers: no client code imports the testing fake", () => {
    const clients = [...sourcesUnder("src/runtime"), ...sourcesUnder("src/sequence"), ...sourcesUnder("src/seam"), "src/index.ts", "src/sequence.ts", "src/seam.ts"];
    expect(violations(clients, (target) => !target.startsWith("src/testing"))).toEqual([]);
  });

  it("layers: the check sees real imports (a runtime file importing generated/ would be reported)", () => {
    expect(importsOf("src/sequence/client.ts")).toContain("generated/sequence/operations.js");
    // the generated .js and .d.ts are read too (a .d.ts importing src/ outside the runtime would be reported)
    expect(sourcesUnder("generated")).toEqual(expect.arrayContaining(["generated/sequence/operations.js", "generated/sequence/operations.d.ts", "generated/seam/response-checks.d.ts"]));
    expect(importsOf("generated/sequence/operations.d.ts")).toContain("src/runtime/request-params.ts");
    expect(violations(["src/sequence/client.ts"], under("src/runtime/"))).not.toEqual([]);
  });
});
