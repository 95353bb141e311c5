// @ts-check
// Lints a bundle with the rules in redocly.yaml. Errors fail the run; each problem names first the
// upstream file and line the offending node came from (or the overlay), then the rule, and last its
// line in the bundle. Problems an API's own settings downgrade are returned apart, never dropped.
import { BaseResolver, getLineColLocation, lintDocument, makeDocumentFromString, Source } from "@redocly/openapi-core";
import { readFileSync } from "node:fs";
import { GenerateError } from "./errors.mjs";

/**
 * @param {string | Promise<string>} text  the bundle as it will be written (may still be in the making)
 * @param {string} path  where it will be written, relative to root
 * @param {import("@redocly/openapi-core").Config} config  redocly.yaml, for this API's alias
 * @param {{ root: string, parts: string[], overlay?: string }} origin
 * @param {{ locateWarnings?: boolean, parsed?: Record<string, any>, shared?: import("@redocly/openapi-core").Config }} [options]
 *   locateWarnings false: warnings only say rule, message and pointer. Finding lines parses the
 *   bundle and every part again, seconds on a large spec with thousands of warnings, so it is done
 *   only when the warnings will be printed (--verbose).
 *   parsed: the document `text` is stringified from, linted instead of parsing `text` again
 *   (seconds on a large spec); `text` is then awaited only to give problems their line numbers.
 *   Objects it holds in several places are copied apart first, as in the text. Lint may mutate it.
 *   shared: redocly.yaml's config without API settings; problems of rules this API relaxed are
 *   returned as `downgraded`, never dropped.
 * @returns {Promise<{ warnings: string[], downgraded: string[], downgradedLocated: boolean }>}
 */
export async function lintBundle(text, path, config, origin, { locateWarnings = true, parsed, shared } = {}) {
  const absolute = `${origin.root}/${path}`;
  // Redocly reads a Source's body only to turn a pointer into a line, after linting.
  const document = parsed ? { source: new Source(absolute, ""), parsed: unshare(parsed) } : makeDocumentFromString(await text, absolute);
  const { strict, downgradedRules } = shared ? strictest(config, shared) : { strict: config, downgradedRules: new Set() };
  const problems = await lintDocument({ document, config: strict, externalRefResolver: new BaseResolver() });
  // Each problem at the severity this API's own settings give its rule; the strict config above
  // found it even when those settings turned the rule off.
  for (const p of problems) p.severity = /** @type {any} */ (severityIn(config, p.ruleId));
  const downgradedProblems = problems.filter((p) => downgradedRules.has(p.ruleId));
  // Finding upstream lines costs seconds for thousands of problems (GitHub relaxed: 3,849, +3 s CPU):
  // a long list of downgraded problems gets them only with --verbose, and says so.
  const locateDowngraded = locateWarnings || downgradedProblems.length <= LOCATE_AT_MOST;
  const locate = problems.some((p) => p.severity === "error" || (locateDowngraded && downgradedProblems.includes(p)) || (locateWarnings && p.severity === "warn"));
  if (parsed && locate) document.source.body = await text;
  const traceOrigin = originTracer(origin);
  /** Upstream file:line first; the bundle's line (never written when lint fails) last. */
  const describe = (/** @type {any} */ p) => {
    const loc = p.location[0];
    const line = loc ? getLineColLocation(loc).start.line : undefined;
    const from = traceOrigin(loc?.pointer);
    const at = from.file ? `${from.file}${from.line ? `:${from.line}` : ""}` : `${path}:${line}`;
    const bundleAt = from.file ? ` (bundle line ${line})` : "";
    return { file: from.file ?? path, line: from.file ? from.line : line, rule: p.ruleId, message: `${p.message}${loc ? ` at ${loc.pointer}` : ""}${from.note ?? ""}${bundleAt}`, text: `${at} [${p.ruleId}] ${p.message}${loc ? ` at ${loc.pointer}` : ""}${from.note ?? ""}${bundleAt}` };
  };
  const errors = problems.filter((p) => p.severity === "error").map(describe);
  const brief = (/** @type {any} */ p) => ({ text: `${path} [${p.ruleId}] ${p.message}${p.location[0] ? ` at ${p.location[0].pointer}` : ""}` });
  const warnings = problems.filter((p) => p.severity === "warn" && !downgradedRules.has(p.ruleId)).map(locateWarnings ? describe : brief);
  const [first] = errors;
  if (first) {
    throw new GenerateError(`${first.message}${errors.length > 1 ? ` (1 of ${errors.length} lint errors)` : ""}`, {
      file: first.file,
      line: first.line,
      rule: first.rule,
      details: errors.slice(1).map((e) => e.text),
    });
  }
  const downgraded = downgradedProblems.map((p) => {
    const d = locateDowngraded ? describe(p) : brief(p);
    return `${d.text.replace(`[${p.ruleId}]`, `[${p.ruleId}: ${severityIn(shared ?? config, p.ruleId)} → ${p.severity}]`)}`;
  });
  return { warnings: warnings.map((w) => w.text), downgraded, downgradedLocated: locateDowngraded };
}

/** Downgraded problems located by upstream file and line without --verbose, at most. */
const LOCATE_AT_MOST = 200;

const RANK = /** @type {Record<string, number>} */ ({ off: 0, warn: 1, error: 2 });

/** A rule's severity in a config, for the document's OpenAPI version (all 3.x versions alike here). */
function severityIn(/** @type {import("@redocly/openapi-core").Config} */ config, /** @type {string} */ ruleId) {
  for (const version of ["oas3_1", "oas3_0", "oas3_2"]) {
    const setting = /** @type {any} */ (config.rules)[version]?.[ruleId];
    if (setting !== undefined) return typeof setting === "string" ? setting : setting.severity ?? "error";
  }
  return "off";
}

/**
 * A copy of this API's config with every rule at least as severe as in the shared one, and the
 * rules this API relaxed. Linting with it finds the problems the API's settings downgrade or turn
 * off, so generate can still count and list them.
 * @param {import("@redocly/openapi-core").Config} config  the API's (forAlias)
 * @param {import("@redocly/openapi-core").Config} shared  redocly.yaml without any API's settings
 */
function strictest(config, shared) {
  /** @type {Set<string>} */
  const downgradedRules = new Set();
  /** @type {any} */
  const rules = {};
  for (const [version, own] of Object.entries(config.rules)) {
    const base = /** @type {any} */ (shared.rules)[version] ?? {};
    const merged = (rules[version] = { ...own });
    for (const [ruleId, setting] of Object.entries(base)) {
      const want = typeof setting === "string" ? setting : setting?.severity ?? "error";
      const mine = own[ruleId] === undefined ? "off" : typeof own[ruleId] === "string" ? own[ruleId] : own[ruleId]?.severity ?? "error";
      if ((RANK[mine] ?? 0) >= (RANK[want] ?? 0)) continue;
      downgradedRules.add(ruleId);
      const options = typeof own[ruleId] === "object" ? own[ruleId] : typeof setting === "object" ? setting : {};
      merged[ruleId] = { ...options, severity: want };
    }
  }
  if (downgradedRules.size === 0) return { strict: config, downgradedRules };
  // A new Config, not this API's: the strict rules must not leak into its severities.
  const copy = Object.assign(Object.create(Object.getPrototypeOf(config)), config, { rules });
  return { strict: copy, downgradedRules };
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
 * @returns {{ file?: string, line?: number, note?: string }}
 * @param {(file: string) => ReturnType<typeof makeDocumentFromString>} load
 */
function traceOrigin(pointer, origin, load) {
  if (!pointer) return {};
  // A problem about a missing field points below its parent: the parent is where to add it.
  for (let at = pointer; /^#\/./.test(at); at = at.slice(0, at.lastIndexOf("/"))) {
    for (const file of origin.parts) {
      const doc = load(file);
      if (hasPointer(doc.parsed, at)) {
        const line = getLineColLocation({ source: doc.source, pointer: at, reportOnKey: false }).start.line;
        return at === pointer || !origin.overlay ? { file, line } : { file, line, note: ` (the nearest node upstream; or added by ${origin.overlay}?)` };
      }
    }
  }
  return origin.overlay ? { file: origin.overlay, note: " (not in any upstream file: added by the overlay?)" } : {};
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
