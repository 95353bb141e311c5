// `npm run release` on a git copy of the project with its own CHANGELOG: the version proposed from
// the change report and the notes, the section it writes, and what it refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitProject } from "./helpers/git-project.js";

const CHANGELOG = "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Fixed\n- The paginator stops on an empty page.\n\n## [0.1.0] - 2026-01-01\n\n### Added\n- First release.\n";
/** A project that has never released: notes under Unreleased, no released section, no tag. */
const FIRST = "# Changelog\n\n## [Unreleased]\n\n### Added\n- Clients for Sequence and Seam.\n\n### Fixed\n- Retries stop at the deadline.\n\n### Added\n- A testing fake.\n";
const FILES = ["package.json", "package-lock.json", "CHANGELOG.md"];

let base: GitProject;
const made: GitProject[] = [];

beforeAll(() => {
  base = GitProject.copyOfRepo(FILES);
  base.write("CHANGELOG.md", CHANGELOG);
  base.edit("package.json", (t) => t.replace(/"version": "[^"]+"/, '"version": "0.1.0"'));
  base.commit("changelog for the test");
});
afterAll(() => {
  for (const p of [base, ...made]) p.remove();
});

function copy() {
  const project = base.clone();
  made.push(project);
  return project;
}

/** The vendor drops DELETE /users/{id}: the generated bundle loses it (as `npm run generate` would write). */
function removeDeleteUser(project: GitProject) {
  project.edit("generated/sequence/openapi.yaml", (text) => {
    const lines = text.split("\n");
    const path = lines.indexOf("  /users/{id}:");
    const start = lines.indexOf("    delete:", path);
    let end = start + 1;
    while (end < lines.length && !/^ {0,4}\S/.test(lines[end]!)) end++;
    lines.splice(start, end - start);
    return lines.join("\n");
  });
}

const snapshot = (p: GitProject) => FILES.map((f) => p.read(f));

describe("release", () => {
  it("release: with no tag yet it is the first release: package.json's version and the notes, no API comparison", async () => {
    const project = copy();
    project.write("CHANGELOG.md", FIRST);
    project.commit("first notes");
    // Our own changes to the generated bundle since the first commit are not vendor changes.
    removeDeleteUser(project);
    project.commit("overlay drops DELETE /users/{id}");
    const before = snapshot(project);
    const run = await project.script("release.mjs", ["--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "release: no release tag yet (v*), so this is the first release: 0.1.0 as package.json has it, with the CHANGELOG's Unreleased notes (pass --since REF to compare with an earlier commit instead)",
    );
    expect(run.stdout).not.toContain("API changes");
    expect(run.stdout).not.toContain("1.0.0");
    expect(run.stdout).toMatch(/CHANGELOG\.md would get:\n\n## \[0\.1\.0\] - \d{4}-\d\d-\d\d\n\n### Added\n- Clients for Sequence and Seam\.\n- A testing fake\.\n\n### Fixed\n- Retries stop at the deadline\.\n\n$/);
    expect(snapshot(project)).toEqual(before);
  });

  it("release: the first release writes the CHANGELOG section and leaves the version as it is", async () => {
    const project = copy();
    project.write("CHANGELOG.md", FIRST);
    project.commit("first notes");
    const before = snapshot(project);
    const run = await project.script("release.mjs");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(project.read("package.json")).toBe(before[0]);
    expect(project.read("package-lock.json")).toBe(before[1]);
    expect(project.read("CHANGELOG.md").replace(/\d{4}-\d\d-\d\d/, "DATE")).toBe(
      "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - DATE\n\n### Added\n- Clients for Sequence and Seam.\n- A testing fake.\n\n### Fixed\n- Retries stop at the deadline.\n",
    );
    expect(run.stdout).toContain("release: wrote CHANGELOG.md. Next, by hand:");
    expect(run.stdout).toContain('git commit -am "Release v0.1.0" && git tag v0.1.0');
  });

  it("release: with no tag but a CHANGELOG section for the current version, it asks for the tag or --since", async () => {
    const project = copy();
    const run = await project.script("release.mjs", ["--dry-run"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "release: CHANGELOG.md already has a [0.1.0] section, but there is no tag v0.1.0: tag the commit that released it (git tag v0.1.0 <commit>), or pass --since REF\n",
    );
    const since = await project.script("release.mjs", ["--dry-run", "--since", "HEAD"]);
    expect(since.code).toBe(0);
    expect(since.stdout).toContain("release: 0.1.0 → 0.1.1");
  });

  it("release: a heading used twice in the notes appears once in the section, items in order", async () => {
    const project = copy();
    project.git("tag", "v0.1.0");
    project.edit("CHANGELOG.md", (t) => t.replace("### Fixed\n- The paginator stops on an empty page.\n", "### Added\n- One.\n\n### Fixed\n- The paginator stops on an empty page.\n\n### Added\n- Two.\n"));
    project.commit("notes in two batches");
    const run = await project.script("release.mjs", ["--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.match(/^#### Added$/gm)).toHaveLength(1);
    expect(run.stdout).toContain("### Package changes\n\n#### Added\n- One.\n- Two.\n\n#### Fixed\n- The paginator stops on an empty page.\n");
  });

  it("release: a breaking vendor change since the last tag proposes a major, API changes first", async () => {
    const project = copy();
    project.git("tag", "v0.1.0");
    removeDeleteUser(project);
    project.commit("vendor removed DELETE /users/{id}");
    const run = await project.script("release.mjs", ["--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("release: last release tag v0.1.0");
    expect(run.stdout).toContain("release: API changes call for major, the package's own notes (CHANGELOG Unreleased) for patch → major");
    expect(run.stdout).toContain("release: 0.1.0 → 1.0.0");
    expect(run.stdout).toMatch(
      /## \[1\.0\.0\] - \d{4}-\d\d-\d\d\n\n### API changes \(since v0\.1\.0\)\n\n#### seam\n\n- No changes\.\n\n#### sequence\n\n- \*\*Breaking:\*\* Operation DELETE \/users\/\{id\} was removed\. \(`DELETE \/users\/\{id\}`\)\n\n### Package changes\n\n#### Fixed\n- The paginator stops on an empty page\.\n/,
    );
  });

  it("release: without --dry-run it sets the version in package.json and package-lock.json and writes the CHANGELOG section", async () => {
    const project = copy();
    project.git("tag", "v0.1.0");
    removeDeleteUser(project);
    project.commit("vendor removed DELETE /users/{id}");
    const run = await project.script("release.mjs");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(project.read("package.json")).version).toBe("1.0.0");
    const lock = JSON.parse(project.read("package-lock.json"));
    expect([lock.version, lock.packages[""].version]).toEqual(["1.0.0", "1.0.0"]);
    const changelog = project.read("CHANGELOG.md").replace(/\d{4}-\d\d-\d\d(?=\n\n### API)/, "DATE");
    expect(changelog).toBe(
      "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n## [1.0.0] - DATE\n\n### API changes (since v0.1.0)\n\n#### seam\n\n- No changes.\n\n#### sequence\n\n- **Breaking:** Operation DELETE /users/{id} was removed. (`DELETE /users/{id}`)\n\n### Package changes\n\n#### Fixed\n- The paginator stops on an empty page.\n\n## [0.1.0] - 2026-01-01\n\n### Added\n- First release.\n",
    );
    expect(run.stdout).toContain('git commit -am "Release v1.0.0" && git tag v1.0.0');
    // Nothing was committed, tagged or pushed: that stays manual.
    expect(project.git("tag", "--list").trim()).toBe("v0.1.0");
  });

  it("release: a `### Changed (breaking)` heading in the notes calls for a major", async () => {
    const project = copy();
    project.git("tag", "v0.1.0");
    project.edit("CHANGELOG.md", (t) => t.replace("### Fixed\n", "### Changed (breaking)\n- The `buffer` option is gone.\n\n### Fixed\n"));
    project.commit("a breaking change of our own");
    const run = await project.script("release.mjs", ["--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("release: API changes call for none, the package's own notes (CHANGELOG Unreleased) for major → major");
    expect(run.stdout).toContain("release: 0.1.0 → 1.0.0");
  });

  it("release: refuses to write with uncommitted changes, and names a bad --since", async () => {
    const project = copy();
    project.edit("CHANGELOG.md", (t) => t.replace("Intro.", "Intro!"));
    const dirty = await project.script("release.mjs");
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toBe("release: the working tree has uncommitted changes; commit or stash them first (or use --dry-run)\n");
    const bad = await project.script("release.mjs", ["--dry-run", "--since", "v7"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("release: --since v7: no such commit in this repository (try a branch, a tag or a sha; default HEAD)\n");
  });

  it("release: nothing to release when the API and the notes are unchanged", async () => {
    const project = copy();
    project.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-01-01\n");
    project.commit("released");
    const run = await project.script("release.mjs", ["--since", "HEAD"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("release: nothing to release since HEAD; nothing written");
  });
});
