// @ts-check
// What a release contains: the version the changes call for, and the CHANGELOG section that says
// why (API changes per vendor first, then the package's own changes from `## [Unreleased]`).
import { isDocChange, semverOf } from "./compare.mjs";

/** @typedef {import("./compare.mjs").Report} Report */
/** @typedef {import("./compare.mjs").Semver} Semver */

const LEVEL = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * The `## [Unreleased]` section of a Keep-a-Changelog file: its body, and the text around it.
 * @param {string} changelog
 */
export function unreleased(changelog) {
  const head = /^## \[Unreleased\][^\n]*\n/m.exec(changelog);
  if (!head) return { before: changelog, body: "", after: "", found: false };
  const start = head.index + head[0].length;
  const next = changelog.slice(start).search(/^## /m);
  const end = next === -1 ? changelog.length : start + next;
  return { before: changelog.slice(0, head.index), body: changelog.slice(start, end).trim(), after: changelog.slice(end), found: true };
}

/**
 * The notes with each `### Heading` once, its items in the order written: a CHANGELOG that grew two
 * `### Added` sections (one per batch of work) gets one in the release.
 * @param {string} body  the Unreleased section's text
 */
export function mergeHeadings(body) {
  const sections = body.trim().split(/^(?=### )/m);
  const preamble = sections[0]?.startsWith("### ") ? "" : (sections.shift() ?? "");
  /** @type {Map<string, string[]>} */
  const byHeading = new Map();
  for (const section of sections) {
    const [heading = "", ...rest] = section.split("\n");
    const key = heading.trim();
    const text = rest.join("\n").trim();
    byHeading.set(key, [...(byHeading.get(key) ?? []), ...(text ? [text] : [])]);
  }
  const parts = preamble.trim() ? [preamble.trim()] : [];
  for (const [heading, texts] of byHeading) parts.push(texts.length ? `${heading}\n${texts.join("\n")}` : heading);
  return parts.join("\n\n");
}

/**
 * The bump the package's own notes call for: Removed, a heading with "breaking" (`### Changed
 * (breaking)`) or "BREAKING" → major, Added/Changed/Deprecated → minor, anything else (Fixed,
 * Security, Known gaps…) → patch.
 * @param {string} body  the Unreleased section's text
 * @returns {Semver}
 */
export function semverOfNotes(body) {
  if (!body.trim()) return "none";
  const headings = [...body.matchAll(/^### (.+)$/gm)].map((m) => (m[1] ?? "").trim().toLowerCase());
  const hasItems = /^\s*[-*] /m.test(body);
  if (/\bBREAKING\b/.test(body) || headings.some((h) => h === "removed" || /\bbreaking\b/.test(h))) return "major";
  if (headings.some((h) => ["added", "changed", "deprecated"].includes(h)) && hasItems) return "minor";
  return hasItems ? "patch" : "none";
}

/** @param {Semver} a @param {Semver} b @returns {Semver} */
export const maxSemver = (a, b) => (LEVEL[a] >= LEVEL[b] ? a : b);

/**
 * The next version (semver: a major bump from 0.x is 1.0.0).
 * @param {string} version @param {Semver} bump
 */
export function nextVersion(version, bump) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`package.json version "${version}" is not MAJOR.MINOR.PATCH`);
  const [x, y, z] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === "major") return `${x + 1}.0.0`;
  if (bump === "minor") return `${x}.${y + 1}.0`;
  if (bump === "patch") return `${x}.${y}.${z + 1}`;
  return version;
}

/**
 * The CHANGELOG section for a release.
 * @param {{ version: string, date: string, since: string, report: Report, notes: string }} input
 */
export function releaseSection({ version, date, since, report, notes }) {
  const lines = [`## [${version}] - ${date}`, "", `### API changes (since ${since})`];
  for (const [api, changes] of Object.entries(report.apis)) {
    lines.push("", `#### ${api}`, "");
    if (!changes.length) {
      lines.push("- No changes.");
      continue;
    }
    const docs = changes.filter(isDocChange);
    for (const c of changes) {
      if (docs.includes(c)) continue;
      const tag = c.severity === "breaking" ? "**Breaking:** " : c.severity === "risky" ? "**Risky:** " : "";
      lines.push(`- ${tag}${c.message}${c.operation ? ` (\`${c.operation}\`)` : ""}`);
    }
    if (docs.length) lines.push(`- ${docs.length} documentation or example change${docs.length === 1 ? "" : "s"} (\`npm run changes -- --json --base ${since}\` lists them).`);
  }
  if (notes.trim()) lines.push("", "### Package changes", "", mergeHeadings(notes).replace(/^### /gm, "#### "));
  return `${lines.join("\n")}\n`;
}

/**
 * The CHANGELOG section for a first release: there is no earlier API to compare with, so it holds the
 * package's own notes only (the vendor specs it ships are the baseline later releases compare with).
 * @param {{ version: string, date: string, notes: string }} input
 */
export function firstReleaseSection({ version, date, notes }) {
  return `## [${version}] - ${date}\n\n${mergeHeadings(notes)}\n`;
}

/**
 * @param {Report} report @param {string} notes
 * @returns {{ bump: Semver, why: string }}
 */
export function proposeBump(report, notes) {
  const api = semverOf(Object.values(report.apis).flat());
  const own = semverOfNotes(notes);
  const bump = maxSemver(api, own);
  return { bump, why: `API changes call for ${api}, the package's own notes (CHANGELOG Unreleased) for ${own}` };
}
