#!/usr/bin/env node
// Prints one line, `N passed, N failed`, summed over every vitest JSON report in a folder
// (one per Node version). Exits 1 when there is no report or no test ran, so a run that
// silently skipped the suite can't look green.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "test-results";
const reports = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
let passed = 0;
let failed = 0;
for (const file of reports) {
  const r = JSON.parse(readFileSync(join(dir, file), "utf8"));
  // numFailedTestSuites also counts each describe block around a failed test, so count the files
  // that failed with no failed test in them instead: those that failed to load or run at all.
  const broken = (r.testResults ?? []).filter(
    (/** @type {{ status: string, assertionResults?: { status: string }[] }} */ f) =>
      f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + broken;
  console.error(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${broken} files failed to run`);
}
console.log(`${passed} passed, ${failed} failed`);
if (reports.length === 0 || passed + failed === 0) process.exit(1);
