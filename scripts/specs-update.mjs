#!/usr/bin/env node
// @ts-check
// `npm run specs:update [-- <api>...]`: fetch each upstream file's docs page from the `url` in
// specs/<api>/upstream/SOURCES.json, extract the named fenced YAML block, write specs/<api>/upstream/
// byte for byte with updated hashes, run `npm run generate`, and print the change report.
// Nothing is written unless every page was fetched and had its block.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { changesSince } from "./changes/compare.mjs";
import { apiList, ChangesError } from "./changes/inputs.mjs";
import { toMarkdown } from "./changes/markdown.mjs";
import { checkUrls, fetchApiSources, readSources, UpdateError, writeUpstream } from "./changes/upstream-update.mjs";

const root = process.cwd();
const generateScript = fileURLToPath(new URL("./generate.mjs", import.meta.url));
const say = (/** @type {string} */ line) => console.log(line);

async function main() {
  const args = process.argv.slice(2);
  const bad = args.find((a) => a.startsWith("-"));
  if (bad) throw new UpdateError(`unknown option ${bad}\nusage: npm run specs:update [-- <api>...]`);
  if (!existsSync(join(root, "redocly.yaml"))) throw new UpdateError(`no redocly.yaml in ${root}; run it from the project's root`);
  const known = [...apiList(readFileSync(join(root, "redocly.yaml"), "utf8"), "redocly.yaml").keys()];
  const unknown = args.filter((a) => !known.includes(a));
  if (unknown.length) throw new UpdateError(`unknown API ${unknown.join(", ")} (redocly.yaml lists: ${known.join(", ")})`);
  const apis = (args.length ? args : known).filter((api) => args.length || existsSync(join(root, "specs", api, "upstream", "SOURCES.json")));
  // Every missing url is named at once, before any page is fetched.
  checkUrls(apis.map((api) => ({ api, sources: readSources(root, api) })));

  const plans = [];
  for (const api of apis) plans.push({ api, ...(await fetchApiSources(root, api, say)) });
  const todo = plans.filter((p) => p.fetched.some((f) => f.status !== "unchanged"));
  if (todo.length === 0) {
    say(`specs:update: every page is unchanged since the last import (${apis.join(", ")}); nothing written`);
    return 0;
  }
  for (const p of todo) {
    writeUpstream(root, p.api, p.sources, p.fetched);
    say(`specs:update: wrote specs/${p.api}/upstream/ (${p.fetched.filter((f) => f.status === "changed").map((f) => f.file).join(", ") || "hashes only"})`);
  }

  const generate = spawnSync(process.execPath, [generateScript], { cwd: root, stdio: "inherit" });
  if (generate.status !== 0) {
    const names = todo.map((p) => p.api);
    console.error(
      `specs:update: generate stopped (see above), generated/ is unchanged. specs/${names.join(", specs/")}/upstream/ hold the new vendor files:` +
        ` fix the overlay and run \`npm run generate\`, or go back with \`git checkout -- ${names.map((n) => `specs/${n}/upstream`).join(" ")}\`.`,
    );
    return 1;
  }
  try {
    process.stdout.write(`\n${toMarkdown(await changesSince(root, "HEAD"), "HEAD")}`);
  } catch (error) {
    if (!(error instanceof ChangesError)) throw error;
    say(`specs:update: no change report (${error.message})`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UpdateError || error instanceof ChangesError) console.error(`specs:update: ${error.message}\nNothing was written.`);
    else console.error("specs:update: failed\n", error);
    process.exitCode = 1;
  },
);
