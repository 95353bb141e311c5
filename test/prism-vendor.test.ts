// Issue 18, oracles 2 and 3, on slices of real public vendor specs (test/fixtures/vendor-specs/,
// see SOURCES.md there): each generates by config alone, its generated files type-check under
// strict, and every operation, sent through our own request path to Prism mocking the bundle with
// --errors, is accepted. The whole specs are swept by bench/prism-sweep/run.mjs, outside the suite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkVendor, formatReports, type VendorReport } from "./helpers/prism-oracle.js";
import { fixture } from "./helpers/project.js";
import { pool, typecheckVendors, vendorNames, vendorProject, type VendorProject } from "./helpers/vendor-corpus.js";

let vendors: VendorProject[] = [];
const generated = () => vendors.filter((v) => v.generate.code === 0);

beforeAll(async () => {
  vendors = await pool(vendorNames(), 2, (name) => vendorProject(name));
}, 120_000);
afterAll(() => {
  for (const v of vendors) v.project.remove();
});

describe("prism vendor oracle", { timeout: 120_000 }, () => {
  it("vendor specs: the corpus has at least 8 vendors, Stripe's and GitHub's among them", () => {
    expect(vendorNames().length).toBeGreaterThanOrEqual(8);
    expect(vendorNames()).toEqual(expect.arrayContaining(["stripe", "github"]));
  });

  it("vendor specs: generate writes a client for every spec by config alone", () => {
    const failed = vendors.filter((v) => v.generate.code !== 0).map((v) => `${v.name}:\n${v.generate.stderr.trim()}`);
    console.log(vendors.map((v) => `generate ${v.name.padEnd(16)} ${v.generate.code === 0 ? "ok" : "FAILED"} ${(v.ms / 1000).toFixed(1)} s`).join("\n"));
    expect(failed, failed.join("\n\n")).toEqual([]);
  });

  it("vendor specs: the generated types.ts, client.ts and the operations and response-checks declarations type-check under strict", async () => {
    const done = generated();
    expect(done.length, "no vendor generated").toBeGreaterThan(0);
    const { errors, ms } = await typecheckVendors(done);
    const lines = [...errors].map(([name, list]) => `tsc ${name.padEnd(16)} ${list.length} error lines`);
    console.log(`${lines.join("\n")}\ntsc over ${done.length} vendors: ${(ms / 1000).toFixed(1)} s`);
    const bad = [...errors].filter(([, list]) => list.length > 0).map(([name, list]) => `${name}:\n  ${list.slice(0, 20).join("\n  ")}`);
    expect(bad, bad.join("\n")).toEqual([]);
  });

  it("vendor specs: Prism reports no request-validation error for any operation sent through the client", async () => {
    const done = generated();
    expect(done.length, "no vendor generated").toBeGreaterThan(0);
    const reports: VendorReport[] = await pool(done, 2, (v) => checkVendor(v));
    const text = formatReports(reports);
    console.log(text);
    const failures = reports.flatMap((r) => r.failures.map((f) => `${r.name}: ${f.label}: ${f.violations.join("; ")}`));
    expect(failures, text).toEqual([]);
  });
});

describe("prism vendor oracle: the judge", { timeout: 90_000 }, () => {
  it("prism vendor oracle: a request Prism rejects is reported with the operation, status and Prism's message, and a type error under its vendor", async () => {
    const pets = await vendorProject("pets", fixture("pets"));
    try {
      expect(pets.generate.code, pets.generate.stderr).toBe(0);
      // no credentials, so Prism refuses the operations that need its apiKey
      const report = await checkVendor(pets, { credentials: () => ({ headers: {} }) });
      expect(report.failures.map((f) => `${f.label} → ${f.status}: ${f.violations[0]}`)).toContain("GET /pets/{petId} → 401: 401 UNAUTHORIZED: Invalid security scheme used");
      expect(formatReports([report])).toMatch(/pets: GET \/pets\/\{petId\} → 401\n {4}401 UNAUTHORIZED/);
      // with them, it accepts every request
      expect((await checkVendor(pets)).failures).toEqual([]);
      // oracle 3 sees a type error in a generated file, under its vendor
      pets.project.edit("generated/pets/client.ts", (text) => `${text}\nexport const broken: number = "not a number";\n`);
      const { errors } = await typecheckVendors([pets]);
      expect(errors.get("pets")).toEqual([expect.stringMatching(/^generated\/pets\/client\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/)]);
    } finally {
      pets.project.remove();
    }
  });
});
