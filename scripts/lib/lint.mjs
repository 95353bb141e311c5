// @ts-check
// Lints a bundle with the rules in redocly.yaml. Errors fail the run; each problem names the rule,
// its line in the bundle, and where the offending node came from (an upstream file or the overlay).
import { BaseResolver, getLineColLocation, lintDocument, makeDocumentFromString } from "@redocly/openapi-core";
import { readFileSync } from "node:fs";
import { GenerateError } from "./errors.mjs";

/**
 * @param {string} text  the bundle as it will be written
 * @param {string} path  where it will be written, relative to root
 * @param {import("@redocly/openapi-core").Config} config  redocly.yaml, for this API's alias
 * @param {{ root: string, parts: string[], overlay?: string }} origin
 */
export async function lintBundle(text, path, config, origin) {
  const document = makeDocumentFromString(text, `${origin.root}/${path}`);
  const problems = await lintDocument({ document, config, externalRefResolver: new BaseResolver() });
  const describe = (/** @type {any} */ p) => {
    const loc = p.location[0];
    const line = loc ? getLineColLocation(loc).start.line : undefined;
    return { line, rule: p.ruleId, text: `${path}:${line} [${p.ruleId}] ${p.message}${loc ? ` at ${loc.pointer}` : ""}${traceOrigin(loc?.pointer, origin)}` };
  };
  const errors = problems.filter((p) => p.severity === "error").map(describe);
  const warnings = problems.filter((p) => p.severity === "warn").map(describe);
  if (errors.length > 0) {
    throw new GenerateError(`${errors.length} lint error(s) in the bundle`, {
      file: path,
      line: errors[0].line,
      rule: errors[0].rule,
      details: errors.map((e) => e.text),
    });
  }
  return warnings.map((w) => w.text);
}

/** Names the source file (and line) holding the node at `pointer`, else blames the overlay. */
function traceOrigin(/** @type {string | undefined} */ pointer, /** @type {{ root: string, parts: string[], overlay?: string }} */ origin) {
  if (!pointer) return "";
  for (const file of origin.parts) {
    const doc = makeDocumentFromString(readFileSync(`${origin.root}/${file}`, "utf8"), `${origin.root}/${file}`);
    if (hasPointer(doc.parsed, pointer)) {
      return ` (from ${file}:${getLineColLocation({ source: doc.source, pointer, reportOnKey: false }).start.line})`;
    }
  }
  return origin.overlay ? ` (not in any upstream file: added by ${origin.overlay}?)` : "";
}

/** @param {any} node @param {string} pointer */
function hasPointer(node, pointer) {
  for (const raw of pointer.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return false;
    node = node[key];
  }
  return true;
}
