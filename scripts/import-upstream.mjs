#!/usr/bin/env node
// @ts-check
// Copies the OpenAPI block embedded in a vendor docs page into specs/<api>/upstream/, byte for byte,
// and records where it came from in specs/<api>/upstream/SOURCES.json.
// usage: node scripts/import-upstream.mjs <page.txt> <api> <name>
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * Returns the text of the one ```` ```yaml ```` fenced block in a docs page, and the fence's info string.
 * @param {string} page
 */
export function extractYamlBlock(page) {
  const match = /^(`{3,})yaml ?(.*)\n([\s\S]*?)^\1\s*$/m.exec(page);
  if (!match) throw new Error("no ```yaml fenced block in this page");
  return { info: (match[2] ?? "").trim(), yaml: match[3] ?? "" };
}

const sha256 = (/** @type {string} */ text) => createHash("sha256").update(text).digest("hex");

if (import.meta.url === `file://${process.argv[1]}`) {
  const [page = "", api = "", name = ""] = process.argv.slice(2);
  if (!page || !api || !name) {
    console.error("usage: node scripts/import-upstream.mjs <page.txt> <api> <name>");
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
    docsIndex,
    block: info,
    pageSha256: sha256(text),
    sha256: sha256(yaml),
  };
  writeFileSync(index, `${JSON.stringify(sources, null, 2)}\n`);
  console.log(`${join(dir, `${name}.yaml`)} ← ${basename(page)} (${info})`);
}
