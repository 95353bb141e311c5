// The package's entries follow `apis:` in redocly.yaml: package.json's exports and tsdown's build
// entries hold "./<api>" for every API without a hand-written facade, and generate keeps them in step.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exportsFor, generatedEntries } from "../scripts/lib/package-exports.mjs";
import { repoRoot } from "./helpers/project.js";

const apis = Object.keys(parse(readFileSync(join(repoRoot, "redocly.yaml"), "utf8")).apis);
const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { exports: Record<string, unknown> };

describe("package entries", () => {
  it("package entries: package.json's exports are what apis: in redocly.yaml asks for", () => {
    expect(pkg.exports).toEqual(exportsFor(pkg.exports, repoRoot, apis));
    for (const name of generatedEntries(repoRoot, apis)) expect(pkg.exports[`./${name}`]).toEqual({ types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });
  });

  it("package entries: tsdown builds an entry for every exported subpath", async () => {
    const { default: config } = (await import("../tsdown.config.js")) as { default: { entry: Record<string, string> } };
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== "./package.json").map((k) => (k === "." ? "index" : k.slice(2)));
    expect(Object.keys(config.entry).sort()).toEqual(subpaths.sort());
    for (const name of generatedEntries(repoRoot, apis)) expect(config.entry[name]).toBe(`generated/${name}/index.ts`);
  });

  it("package entries: a new API is added, a removed one dropped, facades and ./package.json kept in place", () => {
    const exports = { ".": { default: "./dist/index.js" }, "./sequence": { default: "./dist/sequence.js" }, "./gone": { types: "./dist/gone.d.ts", default: "./dist/gone.js" }, "./package.json": "./package.json" };
    const next = exportsFor(exports, repoRoot, ["sequence", "pets"]);
    expect(Object.keys(next)).toEqual([".", "./sequence", "./pets", "./package.json"]);
    expect(next["./pets"]).toEqual({ types: "./dist/pets.d.ts", default: "./dist/pets.js" });
  });
});
