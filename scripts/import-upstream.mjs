#!/usr/bin/env node
// @ts-check
// Copies the OpenAPI block embedded in a vendor docs page into specs/<api>/upstream/, byte for byte,
// and records where it came from in specs/<api>/upstream/SOURCES.json: the seed page, its title, and
// the page's URL when given (`npm run specs:update` fetches it from there).
// usage: node scripts/import-upstream.mjs <page.txt> <api> <name> [<url>]
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * Returns the text of a ```` ```yaml ```` fenced block in a docs page, and the fence's info string:
 * the block whose info string is `name` when given, else the first one.
 * @param {string} page
 * @param {string} [name]
 */
export function extractYamlBlock(page, name) {
  /** @type {string[]} */
  const seen = [];
  for (const match of page.matchAll(/^(`{3,})yaml ?(.*)\n([\s\S]*?)^\1\s*$/gm)) {
    const info = (match[2] ?? "").trim();
    if (name === undefined || info === name) return { info, yaml: match[3] ?? "" };
    seen.push(info);
  }
  if (name === undefined) throw new Error("no ```yaml fenced block in this page");
  throw new Error(`no \`\`\`yaml block named "${name}" in this page${seen.length ? ` (it has: ${seen.map((s) => `"${s}"`).join(", ")})` : " (it has no yaml block)"}`);
}

const sha256 = (/** @type {string} */ text) => createHash("sha256").update(text).digest("hex");

if (import.meta.url === `file://${process.argv[1]}`) {
  const [page = "", api = "", name = "", url = ""] = process.argv.slice(2);
  if (!page || !api || !name) {
    console.error("usage: node scripts/import-upstream.mjs <page.txt> <api> <name> [<url>]");
    process.exit(2);
  }
  const text = readFileSync(page, "utf8");
  const { info, yaml } = extractYamlBlock(text);
  const dir = join("specs", api, "upstream");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.yaml`), yaml);
  const index = join(dir, "SOURCES.json");
  const sources = existsSync(index) ? JSON.parse(readFileSync(index, "utf8")) : {};
  const docsIndex = /Fetch the complete documentation index at: (\S+)/.exec(text)?.[1] ?? null;
  sources[`${name}.yaml`] = {
    page: basename(page),
    // The page's heading: how to find its URL in the docs index when `url` is not known.
    title: /^# (.+)$/m.exec(text)?.[1]?.trim() ?? null,
    url: url || sources[`${name}.yaml`]?.url || null,
    docsIndex,
    block: info,
    pageSha256: sha256(text),
    sha256: sha256(yaml),
  };
  writeFileSync(index, `${JSON.stringify(sources, null, 2)}\n`);
  console.log(`${join(dir, `${name}.yaml`)} ← ${basename(page)} (${info})`);
}
