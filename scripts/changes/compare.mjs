// @ts-check
// The change report for a whole project: every API on either side, its bundle and role table
// compared, and the semver bump the changes call for.
import { dedupe, diffOpenApi } from "./openapi-diff.mjs";
import { parseBundle, readSide, resolveRef } from "./inputs.mjs";

/** @typedef {import("./openapi-diff.mjs").Change} Change */
/** @typedef {"major" | "minor" | "patch" | "none"} Semver */
/** @typedef {{ semver: Semver, apis: Record<string, Change[]> }} Report */

/** Kinds that change no type and no behaviour: a patch release at most. */
const PATCH_KINDS = new Set(["doc-changed", "example-changed", "info-version-changed", "default-changed"]);

/** Kinds code never sees (prose, examples, the spec's version label): reports count them in one line. */
const DOC_KINDS = new Set(["doc-changed", "example-changed", "info-version-changed"]);

/** @param {Change} change */
export const isDocChange = (change) => DOC_KINDS.has(change.kind);

/**
 * @param {Change[]} changes
 * @returns {Semver}
 */
export function semverOf(changes) {
  if (changes.some((c) => c.severity === "breaking")) return "major";
  if (changes.some((c) => !PATCH_KINDS.has(c.kind))) return "minor";
  return changes.length ? "patch" : "none";
}

/**
 * One API's changes between two versions of its files (null = absent on that side).
 * @param {string} api
 * @param {import("./inputs.mjs").ApiFiles | undefined} base
 * @param {import("./inputs.mjs").ApiFiles | undefined} head
 * @param {string} baseLabel  e.g. "HEAD"
 * @returns {Promise<Change[]>}
 */
export async function compareApi(api, base, head, baseLabel) {
  const where = `redocly.yaml#apis.${api}`;
  if (!base?.bundle && !head?.bundle) return [];
  if (!base?.bundle) return [{ severity: "non-breaking", kind: "api-added", operation: null, location: where, message: `API ${api} was added (not in ${baseLabel}).` }];
  if (!head?.bundle) return [{ severity: "breaking", kind: "api-removed", operation: null, location: where, message: `API ${api} was removed (it was in ${baseLabel}).` }];
  /** @type {Change[]} */
  const changes = [];
  if (base.bundle !== head.bundle) {
    const before = parseBundle(base.bundle, `${base.bundlePath} at ${baseLabel}`);
    const after = parseBundle(head.bundle, head.bundlePath);
    changes.push(...diffOpenApi(before, after));
  }
  if ((base.roles ?? null) !== (head.roles ?? null)) {
    const { diffRoles, loadRoleTable } = await import("./roles-diff.mjs");
    const before = base.roles === null ? null : await loadRoleTable(base.roles, `${base.rolesPath} at ${baseLabel}`);
    const after = head.roles === null ? null : await loadRoleTable(head.roles, head.rolesPath);
    changes.push(...diffRoles(before, after, head.rolesPath));
  }
  return dedupe(changes);
}

/**
 * The working tree against a ref.
 * @param {string} root
 * @param {string} ref
 * @returns {Promise<Report>}
 */
export async function changesSince(root, ref) {
  const commit = resolveRef(root, ref);
  const base = readSide(root, commit);
  const head = readSide(root, null);
  /** @type {Record<string, Change[]>} */
  const apis = {};
  for (const api of [...new Set([...base.keys(), ...head.keys()])].sort()) apis[api] = await compareApi(api, base.get(api), head.get(api), ref);
  return { semver: semverOf(Object.values(apis).flat()), apis };
}

/**
 * "2 breaking, 1 risky, 3 non-breaking", then "; 5 doc or example changes" when there are any: those
 * are counted apart so they do not pass for changes code sees.
 * @param {Change[]} changes
 */
export function countLine(changes) {
  if (!changes.length) return "no changes";
  const code = changes.filter((c) => !isDocChange(c));
  const n = (/** @type {string} */ s) => code.filter((c) => c.severity === s).length;
  const docs = changes.length - code.length;
  return `${n("breaking")} breaking, ${n("risky")} risky, ${n("non-breaking")} non-breaking${docs ? `; ${docs} doc or example change${docs === 1 ? "" : "s"}` : ""}`;
}
