// @ts-check
// Applies an OpenAPI Overlay 1.0 document with openapi-format, strictly: an action whose target
// matches nothing fails the run. That is how we learn the vendor fixed a defect and the action can go.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { LineCounter, parseDocument } from "yaml";
import { GenerateError } from "./errors.mjs";

/**
 * openapi-format's overlay function. Its main module also loads its sorting, filtering, casing and
 * file converters (~0.5 s); the overlay module alone takes a few ms. Same function either way.
 * @returns {Promise<(doc: any, options: any) => Promise<any>>}
 */
async function loadOpenapiOverlay() {
  try {
    return createRequire(import.meta.url)("openapi-format/utils/overlay.js").openapiOverlay;
  } catch {
    return (await import("openapi-format")).openapiOverlay;
  }
}

/**
 * @param {Record<string, any>} doc  the merged document; not modified
 * @param {string} file  overlay path, relative to root
 * @param {string} root
 */
export async function applyOverlay(doc, file, root) {
  const lineCounter = new LineCounter();
  const parsed = parseDocument(readFileSync(`${root}/${file}`, "utf8"), { lineCounter, prettyErrors: true });
  const e = parsed.errors[0];
  if (e) {
    throw new GenerateError(e.message.split("\n")[0] ?? e.message, { file, line: e.linePos?.[0].line, rule: "yaml-syntax" });
  }
  const overlay = parsed.toJS();
  if (!overlay || typeof overlay.overlay !== "string" || !/^1\.0\.\d+$/.test(overlay.overlay) || !Array.isArray(overlay.actions)) {
    throw new GenerateError("not an OpenAPI Overlay 1.0 document (needs `overlay: 1.0.x` and `actions:`)", { file, rule: "overlay" });
  }
  /** @type {any} */
  const actionsNode = parsed.get("actions", true);
  const lineOf = (/** @type {number} */ i) => {
    const range = actionsNode?.items?.[i]?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };

  // openapi-format reports malformed actions on console.error and skips them; treat that as fatal.
  /** @type {string[]} */
  const complaints = [];
  const consoleError = console.error;
  console.error = (/** @type {unknown[]} */ ...args) => complaints.push(args.join(" "));
  let result;
  try {
    const openapiOverlay = await loadOpenapiOverlay();
    result = await openapiOverlay(structuredClone(doc), { overlaySet: overlay });
  } finally {
    console.error = consoleError;
  }
  if (complaints[0] !== undefined) {
    throw new GenerateError(complaints[0], { file, rule: "overlay", details: complaints.slice(1) });
  }
  const unused = /** @type {any[]} */ (result.resultData.unusedActions);
  if (unused.length > 0) {
    const where = unused.map((a) => {
      const i = overlay.actions.indexOf(a);
      return { line: lineOf(i), text: `action #${i + 1} (line ${lineOf(i)}): target ${a.target} matches nothing` };
    });
    throw new GenerateError(
      `${unused.length} overlay action(s) no longer match the upstream document. If the vendor fixed the defect, delete the action.`,
      { file, line: where[0]?.line, rule: "overlay-stale-target", details: where.map((w) => w.text) },
    );
  }
  return /** @type {Record<string, any>} */ (result.data);
}
