// The package as users get it: build, `npm pack`, install the tarball into a fresh project, then
// type-check (strict, NodeNext and Bundler), run it, require() it, and prove bad calls don't compile.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sh } from "./helpers/sh.js";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const work = mkdtempSync(join(tmpdir(), "vac-package-"));
const consumer = join(work, "consumer");
let stage = "";
let tarball = "";
let packed: string[] = [];


/** tsc's output for one config; rejects with it when tsc fails. */
const tsc = (project: string) => sh(bin("tsc"), ["-p", project, "--pretty", "false"], consumer);

function tsconfig(name: string, compilerOptions: Record<string, unknown>, files: string[]) {
  const base = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    types: ["node"],
    typeRoots: [join(root, "node_modules", "@types")],
    skipLibCheck: false,
  };
  writeFileSync(join(consumer, name), JSON.stringify({ compilerOptions: { ...base, ...compilerOptions }, files }, null, 2));
}

beforeAll(async () => {
  // Build into a staging copy of the package, so the repo's own dist/ is never touched by tests.
  stage = join(work, "stage");
  mkdirSync(stage);
  for (const file of ["package.json", "README.md", "CHANGELOG.md", "LICENSE"]) {
    if (existsSync(join(root, file))) cpSync(join(root, file), join(stage, file));
  }
  await sh(bin("tsdown"), ["--out-dir", join(stage, "dist"), "--logLevel", "error"], root);
  const { stdout } = await sh("npm", ["pack", "--json", "--pack-destination", work, "--ignore-scripts"], stage);
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packed = info!.files.map((f) => f.path).sort();

  mkdirSync(join(consumer, "src"), { recursive: true });
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { "vendor-api-clients": `file:${tarball}` } }, null, 2),
  );
  await sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel", "error"], consumer);
  cpSync(join(root, "test/package/consumer/main.ts"), join(consumer, "src/main.ts"));
  cpSync(join(root, "test/package/consumer/bad.ts"), join(consumer, "src/bad.ts"));
  // One program per resolution mode holds both files: main.ts must compile, and every line of
  // bad.ts carries @ts-expect-error, so a bad call that compiles fails tsc with TS2578.
  tsconfig("tsconfig.nodenext.json", { module: "NodeNext", moduleResolution: "NodeNext", outDir: "out" }, ["src/main.ts", "src/bad.ts"]);
  // Our .d.ts files are checked in full once (NodeNext); checking every library again under
  // Bundler would triple its time on a 2-core machine and find nothing new.
  tsconfig("tsconfig.bundler.json", { module: "ESNext", moduleResolution: "Bundler", noEmit: true, skipLibCheck: true }, ["src/main.ts", "src/bad.ts"]);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("package", () => {
  it("package: the tarball holds dist, package.json and docs only", () => {
    expect(packed).toContain("package.json");
    expect(packed).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/sequence.js", "dist/seam.js", "dist/testing.js", "dist/testing.d.ts"]));
    const unexpected = packed.filter((p) => !/^(dist\/[\w.-]+\.(js|d\.ts)|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(p));
    expect(unexpected).toEqual([]);
  });

  it("package: npm publish --dry-run passes and would publish the packed files, publicly, under latest", async () => {
    const { stdout, stderr } = await sh("npm", ["publish", "--dry-run", "--json", "--ignore-scripts"], stage);
    const info = (JSON.parse(stdout) as Record<string, { id: string; files: { path: string }[] }>)["vendor-api-clients"];
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;
    expect(info?.id).toBe(`vendor-api-clients@${manifest.version as string}`);
    expect(info?.files.map((f) => f.path).sort()).toEqual(packed);
    expect(stderr).toContain("with tag latest and public access (dry-run)");
  }, 60_000);

  it("package: package.json has what a publishable package needs", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest).toMatchObject({
      license: "MIT",
      repository: { type: "git", url: expect.stringMatching(/^git\+https:\/\//) },
      keywords: expect.arrayContaining(["openapi", "sequence", "seam"]),
      files: ["dist", "CHANGELOG.md", "LICENSE"],
      publishConfig: { access: "public", tag: "latest" },
    });
    expect(existsSync(join(root, "LICENSE"))).toBe(true);
    expect(packed).toContain("LICENSE");
  });

  it("package: publint --strict finds nothing", async () => {
    const { stdout } = await sh(bin("publint"), ["run", tarball, "--strict"], root);
    expect(stdout).toContain("All good!");
  }, 60_000);

  it("package: are-the-types-wrong passes for ESM consumers (node16 from ESM, bundler)", async () => {
    // esm-only ignores node10 and node16-from-CJS: we ship no CJS (README explains; Node 20.19+
    // require()s ESM, which the require() test below proves and attw does not model).
    await sh(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii"], root);
  }, 60_000);

  it.each(["nodenext", "bundler"])(
    "package: a consumer type-checks in strict mode under %s resolution, and invalid calls fail to compile",
    async (mode) => {
      await tsc(`tsconfig.${mode}.json`);
    },
    120_000,
  );

  it("package: bad.ts marks every line that must not compile", async () => {
    const source = readFileSync(join(root, "test/package/consumer/bad.ts"), "utf8");
    const lines = source.split("\n");
    const directives = lines.flatMap((line, i) => (line.startsWith("// @ts-expect-error") ? [i] : []));
    expect(directives.length).toBeGreaterThanOrEqual(10);
    // Each directive is followed by a statement, so TS2578 (unused directive) catches a call that compiles.
    for (const i of directives) expect(lines[i + 1] ?? "").toMatch(/^\S/);
  });

  it("package: the compiled consumer runs against the testing fake", async () => {
    // The NodeNext check above emits out/; compile here only when this test runs alone.
    if (!existsSync(join(consumer, "out/main.js"))) await tsc("tsconfig.nodenext.json").catch(() => undefined);
    const { stdout } = await sh(process.execPath, ["out/main.js"], consumer);
    expect(JSON.parse(stdout)).toEqual({
      users: 12,
      deleted: "deleted",
      notFound: true,
      retryAfter: 2,
      seam: { ok: true },
      sameFactory: true,
      canReadInvoices: true,
      canDeleteInvoices: false,
      inviters: expect.arrayContaining(["admin", "financeUser", "salesUser"]),
      readOnlyPermissions: expect.any(Number),
      requests: 7,
    });
  }, 60_000);

  it("package: CommonJS code can require() it (Node 20.19+ loads ESM synchronously)", async () => {
    const script = [
      'const root = require("vendor-api-clients");',
      'const seam = require("vendor-api-clients/seam");',
      'const sequence = require("vendor-api-clients/sequence");',
      "console.log(JSON.stringify([typeof root.createSequenceClient, typeof seam.createSeamClient, typeof sequence.can]));",
    ].join("\n");
    writeFileSync(join(consumer, "require.cjs"), script);
    const { stdout } = await sh(process.execPath, ["require.cjs"], consumer);
    expect(JSON.parse(stdout)).toEqual(["function", "function", "function"]);
  });

  it("package: nothing is left in the consumer but what npm installed", () => {
    expect(readdirSync(join(consumer, "node_modules"))).toEqual(expect.arrayContaining(["vendor-api-clients", "openapi-fetch"]));
  });
});
