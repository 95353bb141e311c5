#!/usr/bin/env node
// @ts-check
// `npm run release -- [--dry-run] [--since REF]`: proposes the next version from the change report
// since the last release tag (v*) and the CHANGELOG's Unreleased notes, and writes the CHANGELOG
// section (API changes per vendor first, then the package's own). With no tag yet it is the first
// release: package.json's version with the Unreleased notes, and no API comparison. Without --dry-run it also sets the
// version in package.json and package-lock.json. Committing, tagging, pushing and publishing stay
// manual; it prints the commands.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { changesSince } from "./changes/compare.mjs";
import { ChangesError, resolveRef } from "./changes/inputs.mjs";
import { firstReleaseSection, nextVersion, proposeBump, releaseSection, unreleased } from "./changes/release-notes.mjs";

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
  const tag = since ? null : lastReleaseTag();
  const base = since ?? tag;
  if (base) resolveRef(root, base, "--since");
  if (tag) say(`release: last release tag ${tag}`);
  if (!dryRun && git("status", "--porcelain", "--untracked-files=no")) {
    throw new ChangesError("the working tree has uncommitted changes; commit or stash them first (or use --dry-run)");
  }
  const pkgPath = join(root, "package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
  const changelogPath = join(root, "CHANGELOG.md");
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, "utf8") : "# Changelog\n\n## [Unreleased]\n";
  const parts = unreleased(changelog);
  if (!parts.found) throw new ChangesError("CHANGELOG.md has no `## [Unreleased]` heading; add it above the last release");
  const date = new Date().toISOString().slice(0, 10);

  let version;
  let section;
  if (!base) {
    // A first release has no earlier API: comparing with the first commit would list our own overlay
    // fixes as breaking vendor changes and propose 1.0.0.
    version = pkg.version;
    say(`release: no release tag yet (v*), so this is the first release: ${version} as package.json has it, with the CHANGELOG's Unreleased notes (pass --since REF to compare with an earlier commit instead)`);
    if (new RegExp(`^## \\[${version.replaceAll(".", "\\.")}\\]`, "m").test(changelog)) {
      throw new ChangesError(`CHANGELOG.md already has a [${version}] section, but there is no tag v${version}: tag the commit that released it (git tag v${version} <commit>), or pass --since REF`);
    }
    if (!parts.body) throw new ChangesError("CHANGELOG.md's `## [Unreleased]` section is empty; write the first release's notes there first");
    section = firstReleaseSection({ version, date, notes: parts.body });
  } else {
    const report = await changesSince(root, base);
    const { bump, why } = proposeBump(report, parts.body);
    say(`release: ${why} → ${bump}`);
    if (bump === "none") {
      say(`release: nothing to release since ${base}; nothing written`);
      return 0;
    }
    version = nextVersion(pkg.version, bump);
    section = releaseSection({ version, date, since: base, report, notes: parts.body });
    say(`release: ${pkg.version} → ${version}`);
  }
  const nextChangelog = `${parts.before}## [Unreleased]\n\n${section}${parts.after ? `\n${parts.after}` : ""}`;
  if (dryRun) {
    say(`release: --dry-run, nothing written. CHANGELOG.md would get:\n\n${section}`);
    return 0;
  }
  const written = [];
  if (version !== pkg.version) {
    pkg.version = version;
    writeAtomically(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
    written.push("package.json");
    const lockPath = join(root, "package-lock.json");
    if (existsSync(lockPath)) {
      const lock = JSON.parse(readFileSync(lockPath, "utf8"));
      lock.version = version;
      if (lock.packages?.[""]) lock.packages[""].version = version;
      writeAtomically(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
      written.push("package-lock.json");
    }
  }
  writeAtomically(changelogPath, nextChangelog);
  written.push("CHANGELOG.md");
  say(`release: wrote ${written.join(", ")}. Next, by hand:`);
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
