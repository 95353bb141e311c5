// @ts-check
// The one line `npm run generate` prints per regenerated API: its changes against HEAD.
import { compareApi, countLine } from "./compare.mjs";
import { ChangesError, readSide, resolveRef } from "./inputs.mjs";

/**
 * @param {string} root         the project's root
 * @param {string} api          name under `apis:`
 * @param {string} bundleText   the freshly built generated/<api>/openapi.yaml
 * @param {string | null} rolesText  the freshly built roles.ts, or null when the API has none
 * @returns {Promise<string>}   e.g. "2 breaking, 1 risky, 3 non-breaking (npm run changes)"
 */
export async function summarizeApiChanges(root, api, bundleText, rolesText) {
  let commit;
  try {
    commit = resolveRef(root, "HEAD");
  } catch (error) {
    if (error instanceof ChangesError) return /no such commit/.test(error.message) ? "unknown (no commit to compare with)" : "unknown (no git)";
    throw error;
  }
  try {
    const base = readSide(root, commit).get(api);
    const head = { bundlePath: base?.bundlePath ?? `generated/${api}/openapi.yaml`, bundle: bundleText, rolesPath: base?.rolesPath ?? `generated/${api}/roles.ts`, roles: rolesText };
    const changes = await compareApi(api, base, head, "HEAD");
    return changes.length ? `${countLine(changes)} (npm run changes)` : "none since HEAD";
  } catch (error) {
    return `unknown (${error instanceof ChangesError ? error.message : String(error)})`;
  }
}
