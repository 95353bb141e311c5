// What `npm ci` prints (issue 20, item 12). npm 11 skips a dependency's install scripts unless
// package.json's allowScripts approves or denies them, and ends the install with a warning listing
// each one it skipped. Every package in the lockfile with an install script must have an entry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const read = (file: string) => JSON.parse(readFileSync(join(root, file), "utf8"));

describe("install", () => {
  it("install: every dependency with an install script is approved or denied in allowScripts", () => {
    const allow: Record<string, boolean> = read("package.json").allowScripts ?? {};
    const lock: { packages: Record<string, { version?: string; hasInstallScript?: boolean }> } = read("package-lock.json");
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && entry.hasInstallScript)
      .map(([path, entry]) => ({ name: path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length), version: entry.version }));
    expect(withScripts.length).toBeGreaterThan(0);
    const uncovered = withScripts.filter(({ name, version }) => !(name in allow) && !(`${name}@${version}` in allow));
    expect(uncovered).toEqual([]);
  });

  it("install: esbuild's postinstall stays denied, since the JS API finds its platform binary without it", () => {
    // install.js only checks the binary and hard-links it over the CLI shim (or downloads it when
    // optional dependencies were omitted); we use esbuild's JS API only, which loads @esbuild/<platform> itself.
    expect(read("package.json").allowScripts.esbuild).toBe(false);
  });
});
