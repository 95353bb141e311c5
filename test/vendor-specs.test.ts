// Issue 18's corpus check, fast: real vendor specs (test/fixtures/vendor-specs/, sources and
// licences in its README) added by config only, each with its lint relaxed for that API, generate in
// one run, and their generated modules and declarations type-check under strict.
// The full sweep (Stripe, GitHub, Slack, Jira…) is bench/generate/corpus.mjs.
import { execFile } from "node:child_process";
import { readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, Project, repoRoot } from "./helpers/project.js";

const NAMES = readdirSync(fixture("vendor-specs"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
/** Per-API lint for these specs; twilio-lookups has the settings docs/adding-an-api.md walks through. */
const SETTINGS: Record<string, string> = {
  "twilio-lookups": "    rules:\n      operation-summary: warn\n      operation-4xx-response: off\n",
};
const RELAXED = "    extends:\n      - minimal\n    rules:\n      no-server-trailing-slash: warn\n";

let project: Project;
let run: Awaited<ReturnType<Project["generate"]>>;
beforeAll(async () => {
  project = Project.create(Object.fromEntries(NAMES.map((n) => [n, join(fixture("vendor-specs"), n)])));
  project.edit("redocly.yaml", (t) => t.replace(/^ {2}([a-z-]+):\n {4}root: .*\n/gm, (entry, name: string) => `${entry}${SETTINGS[name] ?? RELAXED}`));
  run = await project.generate();
}, 60_000);
afterAll(() => project?.remove());

describe("vendor specs", { timeout: 60_000 }, () => {
  it("vendor specs: every spec generates, with a client entry for each of its operations", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const name of NAMES) expect(run.stdout).toMatch(new RegExp(`^${name} +client +\\d+ ms +[1-9]\\d* operations`, "m"));
  });

  it("vendor specs: the generated types.ts, client.ts, index.ts and the operations and response-checks declarations type-check under strict", async () => {
    symlinkSync(join(repoRoot, "node_modules"), join(project.dir, "node_modules"));
    // generated modules import src/runtime/ (index.ts always; operations and response-checks too)
    symlinkSync(join(repoRoot, "src"), join(project.dir, "src"));
    writeFileSync(join(project.dir, "package.json"), '{ "type": "module" }\n');
    const files = NAMES.flatMap((n) => ["types.ts", "client.ts", "operations.d.ts", "index.ts", "response-checks.d.ts"].map((f) => `generated/${n}/${f}`));
    writeFileSync(
      join(project.dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: false, types: [] }, files }),
    );
    const tsc = await promisify(execFile)(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: project.dir }).catch((e: { stdout: string }) => e);
    expect(tsc.stdout).toBe("");
  });

  it("vendor specs: the worked example's settings list what they relax, at the vendor's file and line, and its overlay types the free-form fields", () => {
    expect(run.stdout).toMatch(/^twilio-lookups lint +\d+ ms +\d+ warning\(s\), 2 downgraded by apis\.twilio-lookups in redocly\.yaml$/m);
    expect(run.stdout).toContain("  specs/twilio-lookups/upstream/twilio_lookups_v1.json:119 [operation-4xx-response: error → off] Operation must have at least one `4XX` response.");
    expect(project.read("generated/twilio-lookups/types.ts")).toMatch(/carrier\?: \{\s*\[key: string\]: unknown;\s*\} \| null;/);
  });

  it("vendor specs: a spec without operationIds gets named operations and a warning saying so", () => {
    expect(run.stdout).toContain("warning: 1 operation(s) have no operationId; their keys in client.ts come from method and path (GET /search → getSearch)");
    expect(project.read("generated/esg/operations.js")).toMatch(/export const getSearch = \{\s*method: "GET",\s*path: "\/search"/);
  });
});
