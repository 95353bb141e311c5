#!/usr/bin/env node
// @ts-check
// `npm run release -- [--dry-run] [--since REF]`: proposes the next version from the change report
// since the last release tag (v*) and the CHANGELOG's Unreleased notes, and writes the CHANGELOG
// section (API changes per vendor first, then the package's own). Without --dry-run it also sets the
// version in package.json and package-lock.json. Committing, tagging, pushing and publishing stay
// manual; it prints the commands.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { changesSince } from "./changes/compare.mjs";
import { ChangesError, resolveRef } from "./changes/inputs.mjs";
import { nextVersion, proposeBump, releaseSection, unreleased } from "./changes/release-notes.mjs";

const USAGE = "usage: npm run release -- [--dry-run] [--since REF]";
const root = process.cwd();
const say = (/** @type {string} */ line) => console.log(line);

/** @param {string[]} args */
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** @param {string[]} argv */
function parseArgs(argv) {
  let dryRun = false;
  /** @type {string | null} */
  let since = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--dry-run") dryRun = true;
    else if (a === "--since") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) throw new ChangesError(`--since needs a git ref, e.g. --since v0.1.0\n${USAGE}`);
      since = v;
    } else throw new ChangesError(`unknown option ${a}\n${USAGE}`);
  }
  return { dryRun, since };
}

/** The newest v* tag reachable from HEAD, or null. */
function lastReleaseTag() {
  try {
    return git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", "HEAD");
  } catch {
    return null;
  }
}

/** Writes a file through a temp file and a rename, so it is never half-written. @param {string} path @param {string} text */
function writeAtomically(path, text) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

async function main() {
  const { dryRun, since } = parseArgs(process.argv.slice(2));
  resolveRef(root, "HEAD");
  let base = since;
  if (!base) {
    base = lastReleaseTag();
    if (base) say(`release: last release tag ${base}`);
    else {
      base = git("rev-list", "--max-parents=0", "HEAD").split("\n").pop() ?? "HEAD";
      say(`release: no release tag yet (v*); comparing with the first commit ${base.slice(0, 12)} (pass --since REF to choose)`);
    }
  }
  resolveRef(root, base, "--since");
  if (!dryRun && git("status", "--porcelain", "--untracked-files=no")) {
    throw new ChangesError("the working tree has uncommitted changes; commit or stash them first (or use --dry-run)");
  }
  const pkgPath = join(root, "package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
  const changelogPath = join(root, "CHANGELOG.md");
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, "utf8") : "# Changelog\n\n## [Unreleased]\n";
  const parts = unreleased(changelog);
  if (!parts.found) throw new ChangesError("CHANGELOG.md has no `## [Unreleased]` heading; add it above the last release");

  const report = await changesSince(root, base);
  const { bump, why } = proposeBump(report, parts.body);
  say(`release: ${why} → ${bump}`);
  if (bump === "none") {
    say(`release: nothing to release since ${base}; nothing written`);
    return 0;
  }
  const version = nextVersion(pkg.version, bump);
  const label = since ?? (base.length === 40 ? base.slice(0, 12) : base);
  const section = releaseSection({ version, date: new Date().toISOString().slice(0, 10), since: label, report, notes: parts.body });
  const nextChangelog = `${parts.before}## [Unreleased]\n\n${section}${parts.after ? `\n${parts.after}` : ""}`;
  say(`release: ${pkg.version} → ${version}`);
  if (dryRun) {
    say(`release: --dry-run, nothing written. CHANGELOG.md would get:\n\n${section}`);
    return 0;
  }
  pkg.version = version;
  writeAtomically(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const lockPath = join(root, "package-lock.json");
  if (existsSync(lockPath)) {
    const lock = JSON.parse(readFileSync(lockPath, "utf8"));
    lock.version = version;
    if (lock.packages?.[""]) lock.packages[""].version = version;
    writeAtomically(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  }
  writeAtomically(changelogPath, nextChangelog);
  say(`release: wrote package.json, ${existsSync(lockPath) ? "package-lock.json, " : ""}CHANGELOG.md. Next, by hand:`);
  say(`  git commit -am "Release v${version}" && git tag v${version}`);
  say(`  npm run check:package && npm publish   # then: git push --follow-tags`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`release: ${error instanceof ChangesError ? error.message : /** @type {Error} */ (error)?.stack ?? error}`);
    process.exitCode = error instanceof ChangesError ? 2 : 1;
  },
);
