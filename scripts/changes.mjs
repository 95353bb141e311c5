#!/usr/bin/env node
// @ts-check
// `npm run changes`: what changed for code that uses the clients, comparing each API's bundle and
// role table in the working tree with the ones committed at a ref.
//   --base REF  compare with REF (default HEAD)
//   --json      print one JSON document { semver, apis: { <api>: [change] } } instead of markdown
// The markdown lists the changes code sees and sums up documentation and example changes in one line
// per API; --json lists every change.
import { changesSince } from "./changes/compare.mjs";
import { ChangesError } from "./changes/inputs.mjs";
import { toMarkdown } from "./changes/markdown.mjs";

const USAGE = "usage: npm run changes [-- --base REF] [--json]";

/** @param {string[]} argv */
function parseArgs(argv) {
  let base = "HEAD";
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--json") json = true;
    else if (a === "--base") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) throw new ChangesError(`--base needs a git ref, e.g. --base HEAD~1 or --base v0.1.0\n${USAGE}`);
      base = v;
    } else if (a.startsWith("--base=")) base = a.slice("--base=".length);
    else throw new ChangesError(`unknown option ${a}\n${USAGE}`);
  }
  return { base, json };
}

try {
  const { base, json } = parseArgs(process.argv.slice(2));
  const report = await changesSince(process.cwd(), base);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : toMarkdown(report, base));
} catch (error) {
  console.error(`changes: ${error instanceof ChangesError ? error.message : /** @type {Error} */ (error)?.stack ?? error}`);
  process.exitCode = error instanceof ChangesError ? 2 : 1;
}
