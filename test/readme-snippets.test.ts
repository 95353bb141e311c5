// Every TypeScript block in README.md and docs/**/*.md compiles as pasted, under the repo's strict
// settings; blocks marked <!-- runnable --> also run, against the testing fake. A snippet that stops
// compiling or running fails this file, so `npm test`.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeServer, type FakeServer } from "vendor-api-clients/testing";
import { extractSnippets, markdownFiles, readMarkdown, type Snippet } from "./helpers/markdown.js";
import { runSnippet, typecheckSnippets, writeSnippets, type SnippetError, type SnippetFolder } from "./helpers/snippets.js";

const FIXTURE = "test/fixtures/snippets/broken.md";
/** What fits on a first screen of README: install and a quickstart must start within it. */
const FIRST_SCREEN_LINES = 60;

const documented = markdownFiles().flatMap((file) => extractSnippets(file, readMarkdown(file)));
const fixture = extractSnippets(FIXTURE, readMarkdown(FIXTURE));
let folder: SnippetFolder;
let errors: SnippetError[];
let fake: FakeServer;

beforeAll(async () => {
  folder = writeSnippets([...documented, ...fixture]);
  // one tsc program for the documents and the fixture: the fixture proves errors are caught and placed
  [errors, fake] = await Promise.all([typecheckSnippets(folder), startFakeServer()]);
}, 120_000);
afterAll(async () => {
  rmSync(folder.dir, { recursive: true, force: true });
  await fake?.close();
});

const fmt = (list: SnippetError[]) => list.map((e) => `${e.at}: ${e.message}`).join("\n");
const nameOf = (snippet: Snippet) => [...folder.files].find(([, s]) => s === snippet)![0];

describe("readme snippets", () => {
  it("readme snippets: README.md and every .md under docs/ are read, and README holds runnable blocks", () => {
    expect(markdownFiles()).toEqual(expect.arrayContaining(["README.md", "docs/maintaining.md"]));
    expect(documented.filter((s) => s.file === "README.md").length).toBeGreaterThan(5);
    expect(documented.filter((s) => s.runnable).length).toBeGreaterThanOrEqual(2);
  });

  it("readme snippets: every TypeScript block in README.md and docs/ compiles under strict as pasted", () => {
    const ours = errors.filter((e) => !e.at.startsWith(FIXTURE));
    expect(fmt(ours), "these snippets do not compile (file:line:column of the Markdown)").toBe("");
  });

  it("readme snippets: a block that does not compile is reported at its Markdown file and line", () => {
    // the fixture's second block uses an undeclared name, its last one has a top-level return
    const reported = errors.filter((e) => e.at.startsWith(FIXTURE)).map((e) => `${e.at} ${e.message.split(":")[0]}`);
    expect(reported).toEqual([`${FIXTURE}:14:26 error TS2304`, `${FIXTURE}:26:24 error TS1108`]);
  });

  it("readme snippets: only ts/typescript blocks are extracted, and <!-- runnable --> marks the block after it", () => {
    expect(fixture.map((s) => [s.line, s.runnable])).toEqual([
      [6, false],
      [12, false],
      [26, true],
    ]);
  });

  it("readme snippets: README's first screen shows install and a runnable quickstart", () => {
    const firstScreen = readMarkdown("README.md").split("\n").slice(0, FIRST_SCREEN_LINES).join("\n");
    expect(firstScreen).toMatch(/```sh\n[^`]*npm install /);
    const quickstart = documented.find((s) => s.file === "README.md" && s.runnable);
    expect(quickstart?.line).toBeLessThan(FIRST_SCREEN_LINES);
    expect(quickstart?.code).toMatch(/^import .* from "vendor-api-clients(\/\w+)?";$/m);
  });

  const runnable = documented.filter((s) => s.runnable);
  it.each(runnable.map((s) => [`${s.file}:${s.line}`, s] as const))(
    "readme snippets: the runnable block at %s runs against the testing fake",
    { timeout: 60_000 },
    async (at, snippet) => {
      fake.reset();
      const env = {
        SNIPPET_FAKE_URL: fake.url,
        SEQUENCE_CLIENT_ID: fake.credentials.sequence.clientId,
        SEQUENCE_CLIENT_SECRET: fake.credentials.sequence.clientSecret,
        SEAM_API_KEY: fake.credentials.seam.apiKey,
        // empty is unset for the clients: nothing from the developer's shell leaks in
        SEAM_PERSONAL_ACCESS_TOKEN: "",
        SEAM_WORKSPACE_ID: "",
        SEAM_ENDPOINT: "",
        SEAM_API_URL: "",
      };
      await runSnippet(folder, nameOf(snippet), env).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`${at} failed:\n${error.stderr || error.message}\n${error.stdout ?? ""}`);
      });
      // it really talked to the fake, and every answer was a success or an error it handled
      expect(fake.requests.length).toBeGreaterThan(0);
    },
  );
});
