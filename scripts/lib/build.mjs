// @ts-check
// Builds one API's generated files in memory: bundle parts → merge → role table → overlay → lint →
// types → client. Loaded only when there is work to do, because these imports cost ~0.7 s.
import { performance } from "node:perf_hooks";
import { loadConfig } from "@redocly/openapi-core";
import { format } from "prettier";
import { stringify } from "yaml";
import { clientData, emitClient } from "./emit-client.mjs";
import { header } from "./header.mjs";
import { lintBundle } from "./lint.mjs";
import { bundleParts, mergeParts } from "./merge.mjs";
import { applyOverlay } from "./overlay.mjs";
import { checkRoleEnums, emitRoles, extractRoleTable } from "./roles.mjs";

/** @type {Map<string, Promise<import("@redocly/openapi-core").Config>>} */
const configs = new Map();

/**
 * @param {import("./inputs.mjs").ApiInputs} api
 * @param {{ root: string, generator: string, verbose: boolean, types: (doc: Record<string, any>) => Promise<string>, log: (step: string, ms: number, note?: string) => void }} ctx
 * @returns {Promise<Record<string, string>>} file name → contents
 */
export async function buildApi(api, ctx) {
  const { root, log } = ctx;
  let t = performance.now();
  const step = (/** @type {string} */ name, /** @type {string | undefined} */ note) => {
    log(name, performance.now() - t, note);
    t = performance.now();
  };
  if (!configs.has(root)) configs.set(root, loadConfig({ configPath: `${root}/redocly.yaml` }));
  const config = (await /** @type {Promise<import("@redocly/openapi-core").Config>} */ (configs.get(root))).forAlias(api.name);

  const parts = await bundleParts(api.parts, root, config);
  const merged = mergeParts(parts);
  step("merge", `${parts.length} document(s)`);

  const roleTable = extractRoleTable(merged);
  const doc = api.overlay ? await applyOverlay(merged, api.overlay, root) : merged;
  if (roleTable) checkRoleEnums(roleTable, doc, api.overlay ?? api.dir);
  step("overlay", api.overlay ? api.overlay : "none");

  const yamlHeader = header("#", api, ctx.generator);
  const tsHeader = header("//", api, ctx.generator);
  // Types come from another thread (types-worker.mjs) while this one lints.
  const typesText = ctx.types(doc);
  typesText.catch(() => {});
  const bundleText = yamlHeader + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
  const warnings = await lintBundle(bundleText, `${api.output}/openapi.yaml`, config, { root, parts: api.parts, overlay: api.overlay });
  step("lint", warnings.length ? `${warnings.length} warning(s)` : "0 problems");
  if (ctx.verbose) for (const w of warnings) console.log(`  ${w}`);

  const types = `${tsHeader}\n${await typesText}`;
  step("types", `${Object.keys(doc.paths ?? {}).length} paths`);

  /** @type {Record<string, string>} */
  const files = { "openapi.yaml": bundleText, "types.ts": types };
  files["client.ts"] = await format(emitClient(clientData(doc), tsHeader), { parser: "typescript", printWidth: 100 });
  if (roleTable) files["roles.ts"] = await format(emitRoles(roleTable, tsHeader), { parser: "typescript", printWidth: 100 });
  step("client", Object.keys(files).join(", "));
  return files;
}
