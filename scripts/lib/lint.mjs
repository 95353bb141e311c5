// @ts-check
// Lints a bundle with the rules in redocly.yaml. Errors fail the run; each problem names the rule,
// its line in the bundle, and where the offending node came from (an upstream file or the overlay).
import { BaseResolver, getLineColLocation, lintDocument, makeDocumentFromString, Source } from "@redocly/openapi-core";
import { readFileSync } from "node:fs";
import { GenerateError } from "./errors.mjs";

/**
 * @param {string | Promise<string>} text  the bundle as it will be written (may still be in the making)
 * @param {string} path  where it will be written, relative to root
 * @param {import("@redocly/openapi-core").Config} config  redocly.yaml, for this API's alias
 * @param {{ root: string, parts: string[], overlay?: string }} origin
 * @param {{ locateWarnings?: boolean, parsed?: Record<string, any> }} [options]
 *   locateWarnings false: warnings only say rule, message and pointer. Finding lines parses the
 *   bundle and every part again, seconds on a large spec with thousands of warnings, so it is done
 *   only when the warnings will be printed (--verbose).
 *   parsed: the document `text` is stringified from, linted instead of parsing `text` again
 *   (seconds on a large spec); `text` is then awaited only to give problems their line numbers.
 *   Objects it holds in several places are copied apart first, as in the text. Lint may mutate it.
 */
export async function lintBundle(text, path, config, origin, { locateWarnings = true, parsed } = {}) {
  const absolute = `${origin.root}/${path}`;
  // Redocly reads a Source's body only to turn a pointer into a line, after linting.
  const document = parsed ? { source: new Source(absolute, ""), parsed: unshare(parsed) } : makeDocumentFromString(await text, absolute);
  const problems = await lintDocument({ document, config, externalRefResolver: new BaseResolver() });
  const locate = problems.some((p) => p.severity === "error" || (locateWarnings && p.severity === "warn"));
  if (parsed && locate) document.source.body = await text;
  const traceOrigin = originTracer(origin);
  const describe = (/** @type {any} */ p) => {
    const loc = p.location[0];
    const line = loc ? getLineColLocation(loc).start.line : undefined;
    return { line, rule: p.ruleId, text: `${path}:${line} [${p.ruleId}] ${p.message}${loc ? ` at ${loc.pointer}` : ""}${traceOrigin(loc?.pointer)}` };
  };
  const errors = problems.filter((p) => p.severity === "error").map(describe);
  const brief = (/** @type {any} */ p) => ({ text: `${path} [${p.ruleId}] ${p.message}${p.location[0] ? ` at ${p.location[0].pointer}` : ""}` });
  const warnings = problems.filter((p) => p.severity === "warn").map(locateWarnings ? describe : brief);
  const [first] = errors;
  if (first) {
    throw new GenerateError(`${errors.length} lint error(s) in the bundle`, {
      file: path,
      line: first.line,
      rule: first.rule,
      details: errors.map((e) => e.text),
    });
  }
  return warnings.map((w) => w.text);
}

/**
 * Returns a function naming the source file (and line) that holds the node at a pointer, else
 * blaming the overlay. Each part is read and parsed once, on first use, however many problems.
 * @param {{ root: string, parts: string[], overlay?: string }} origin
 */
function originTracer(origin) {
  /** @type {Map<string, ReturnType<typeof makeDocumentFromString>>} */
  const parsed = new Map();
  const load = (/** @type {string} */ file) => {
    let doc = parsed.get(file);
    if (!doc) parsed.set(file, (doc = makeDocumentFromString(readFileSync(`${origin.root}/${file}`, "utf8"), `${origin.root}/${file}`)));
    return doc;
  };
  return (/** @type {string | undefined} */ pointer) => traceOrigin(pointer, origin, load);
}

/**
 * @param {string | undefined} pointer
 * @param {{ root: string, parts: string[], overlay?: string }} origin
 * @param {(file: string) => ReturnType<typeof makeDocumentFromString>} load
 */
function traceOrigin(pointer, origin, load) {
  if (!pointer) return "";
  for (const file of origin.parts) {
    const doc = load(file);
    if (hasPointer(doc.parsed, pointer)) {
      return ` (from ${file}:${getLineColLocation({ source: doc.source, pointer, reportOnKey: false }).start.line})`;
    }
  }
  return origin.overlay ? ` (not in any upstream file: added by ${origin.overlay}?)` : "";
}

/**
 * Replaces, in place, each object met a second time (a YAML alias, or a value an overlay action
 * put in several places) with a copy. Redocly's walker visits an object once however many places
 * hold it, while the bundle's text spells out every copy and is linted as such.
 * @param {Record<string, any>} root
 */
function unshare(root) {
  const seen = new WeakSet();
  /** @type {(v: any) => any} */
  const copy = (v) => (v === null || typeof v !== "object" ? v : Array.isArray(v) ? v.map(copy) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])));
  const visit = (/** @type {any} */ node) => {
    seen.add(node);
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (value === null || typeof value !== "object") continue;
      if (seen.has(value)) node[key] = copy(value);
      else visit(value);
    }
  };
  visit(root);
  return root;
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
