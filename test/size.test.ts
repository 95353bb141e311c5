// Bundle size (issue 5): an app importing only the Sequence client should pay ≤ 5 kB min+gzip, only
// the Seam client ≤ 4 kB, openapi-fetch included. scripts/size.mjs measures with esbuild; this runs
// it and checks that each subpath keeps the other API out.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleConsumer, cases } from "../scripts/size.mjs";
import { copyRepo, editYaml } from "./helpers/repo-copy.js";

interface Row {
  name: string;
  min: number;
  gzip: number;
  budget?: number;
}

const root = join(import.meta.dirname, "..");
const SEQUENCE_ONLY = "vendor-api-clients/sequence (createSequenceClient only)";
// The CI ceiling of that bundle (never raised), and the room a vendor's new query parameter of a
// called operation must leave under it: README promises that change needs no facade change.
const SEQUENCE_CEILING = 6600;
const SEAM_ONLY = "vendor-api-clients/seam (createSeamClient only)";
const SEAM_CEILING = 5500;
const ROOM = 150;

/** The source files esbuild bundles for a consumer that imports `entry` in full. */
async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export * from "./src/${entry}.ts";`, resolveDir: root, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

describe("size", () => {
  it("size: the sequence entry bundles nothing of Seam's, and the seam entry nothing of Sequence's", async () => {
    const sequence = await inputsOf("sequence");
    const seam = await inputsOf("seam");
    expect(sequence.filter((file) => /seam/i.test(file))).toEqual([]);
    expect(seam.filter((file) => /sequence|roles/i.test(file))).toEqual([]);
    expect(sequence).toContain("generated/sequence/operations.js");
    expect(seam).toContain("generated/seam/operations.js");
  });

  it("size: scripts/size.mjs measures every entry with esbuild and prints the numbers", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, "scripts/size.mjs"), "--json"], { cwd: root }).catch(
      // The script exits 1 when a budget is exceeded; its JSON is still on stdout.
      (error: { stdout: string }) => error,
    );
    const rows = JSON.parse(stdout) as Row[];
    expect(rows.filter((r) => r.budget !== undefined).map((r) => [r.name, r.budget])).toEqual([
      ["vendor-api-clients/sequence (createSequenceClient only)", 5000],
      ["vendor-api-clients/seam (createSeamClient only)", 4000],
    ]);
    const reference = rows.find((r) => r.name.startsWith("openapi-fetch"))!;
    // A floor that shows the measurement is real: no client bundle is smaller than openapi-fetch alone.
    for (const row of rows) expect(row.gzip).toBeGreaterThanOrEqual(reference.gzip);
    // Both budgets (5 and 4 kB) are missed; the CI ceilings (never raised) keep either bundle from
    // growing unnoticed: BENCHMARKS.md ("Size") and `npm run size` report the rest.
    const sequenceOnly = rows.find((r) => r.name === SEQUENCE_ONLY)!;
    expect(sequenceOnly.gzip).toBeLessThanOrEqual(SEQUENCE_CEILING);
    const seamOnly = rows.find((r) => r.name === SEAM_ONLY)!;
    expect(seamOnly.gzip).toBeLessThanOrEqual(SEAM_CEILING);

    // README's size table states the same figures, to 0.1 kB.
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const stated = [...readme.matchAll(/^\| `(create\w+)` from `(vendor-api-clients\/\w+)`[^|]*\| ([\d.]+) kB \|/gm)].map(([, fn, entry, kb]) => [`${entry} (${fn} only)`, kb]);
    expect(stated.length).toBe(4);
    const measured = Object.fromEntries(rows.map((r) => [r.name, (r.gzip / 1000).toFixed(1)]));
    for (const [name, kb] of stated) expect([name, kb]).toEqual([name, measured[name!]]);
  });

  // as a vendor would add one: a string with a description, or an enum (the generator records more of it)
  it.concurrent.each([
    { name: "emailContains", in: "query", required: false, description: "Only users whose email contains this text.", schema: { type: "string" } },
    { name: "userState", in: "query", required: false, schema: { type: "string", enum: ["active", "invited", "deleted"] } },
  ])(`size: a new optional query parameter of GET /users ($name) leaves the Sequence bundle at least ${ROOM} B under its ceiling`, { timeout: 120_000 }, async (param) => {
    const project = copyRepo();
    try {
      editYaml(project, "specs/sequence/upstream/list-users.yaml", (doc) => doc.addIn(["paths", "/users", "get", "parameters"], doc.createNode(param)));
      const result = await project.generate();
      expect(result.code, result.stderr).toBe(0);
      expect(project.read("generated/sequence/operations.js")).toContain(param.name);
      const code = cases.find((c) => c.name === SEQUENCE_ONLY)!.code;
      const bundle = await bundleConsumer(code, { stdin: { contents: code, resolveDir: project.dir, loader: "ts", sourcefile: "consumer.ts" } });
      const gzip = gzipSync(bundle.outputFiles![0]!.contents, { level: 9 }).length;
      console.log(`sequence bundle with query parameter ${param.name} added: ${gzip} B min+gzip, ${SEQUENCE_CEILING - gzip} B under the ceiling`);
      expect(SEQUENCE_CEILING - gzip).toBeGreaterThanOrEqual(ROOM);
    } finally {
      project.remove();
    }
  });
});
