// README.md and docs/**/*.md point only at things that exist: relative links at files, anchors at
// headings, and a `see "Section"` (in prose or in a snippet's comment) at a heading of the same file.
import { existsSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { anchors, localLinks, markdownFiles, readMarkdown, slug } from "./helpers/markdown.js";
import { repoRoot } from "./helpers/project.js";

const files = markdownFiles();

describe("readme links", () => {
  it("readme links: every relative link reaches a file, and every anchor a heading", () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const link of localLinks(file, readMarkdown(file))) {
        const [path = "", anchor] = link.target.split("#");
        const target = path ? normalize(join(dirname(file), decodeURIComponent(path))) : file;
        if (!existsSync(join(repoRoot, target))) broken.push(`${file}:${link.line}: ${link.target} (no such file)`);
        else if (anchor && target.endsWith(".md") && !anchors(readMarkdown(target)).has(anchor)) {
          broken.push(`${file}:${link.line}: ${link.target} (no such heading in ${target})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('readme links: every `see "Section"` and `"Section" below` names a heading of the same file', () => {
    const broken: string[] = [];
    for (const file of files) {
      const text = readMarkdown(file);
      const headings = anchors(text);
      text.split("\n").forEach((line, i) => {
        for (const m of line.matchAll(/\bsee "([^"]+)"|"([^"]+)" (?:below|above)\b/g)) {
          const name = m[1] ?? m[2]!;
          if (!headings.has(slug(name))) broken.push(`${file}:${i + 1}: "${name}"`);
        }
      });
    }
    expect(broken).toEqual([]);
  });

  it("readme links: the checks catch a link to a missing section", () => {
    const text = '# Retries\n\nSee [the retries](#retries) and [reliability](#reliability).\n\n```ts\n// see "Reliability"\n```\n';
    expect(localLinks("x.md", text).map((l) => [l.line, l.target])).toEqual([
      [3, "#retries"],
      [3, "#reliability"],
    ]);
    expect([...anchors(text)]).toEqual(["retries"]);
    expect(slug("Retries, timeouts and rate limits")).toBe("retries-timeouts-and-rate-limits");
    expect(slug("Testing with the fake (`vendor-api-clients/testing`)")).toBe("testing-with-the-fake-vendor-api-clientstesting");
  });
});
