// @ts-check
// Builds one API's generated files in memory: bundle parts → merge → role table → overlay → lint →
// types → client and response checks. Loaded only when there is work to do, because these imports cost ~0.7 s.
import { performance } from "node:perf_hooks";
import { loadConfig } from "@redocly/openapi-core";
import { clientData, emitClient, emitIndex, emitOperations } from "./emit-client.mjs";
import { header } from "./header.mjs";
import { lintBundle } from "./lint.mjs";
import { bundleParts, mergeParts, orderTopLevel } from "./merge.mjs";
import { applyOverlay } from "./overlay.mjs";
import { applyRoleVocabularies, emitRoles, resolveRoleTable } from "./roles.mjs";
import { emitChecks, responseChecks } from "./emit-checks.mjs";
import { emitBundleFiles } from "./types.mjs";

/** @type {Map<string, Promise<import("@redocly/openapi-core").Config>>} */
const configs = new Map();

/**
 * @param {import("./inputs.mjs").ApiInputs} api
 * @param {{ root: string, generator: string, verbose: boolean, log: (step: string, ms: number, note?: string) => void, print: (line: string) => void }} ctx
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
  const rootConfig = await /** @type {Promise<import("@redocly/openapi-core").Config>} */ (configs.get(root));
  const config = rootConfig.forAlias(api.name);
  const sharedConfig = rootConfig;

  const parts = await bundleParts(api.parts, root, config);
  const merged = mergeParts(parts);
  step("merge", `${parts.length} document(s)`);

  const roleTable = resolveRoleTable(merged, root, api);
  const doc = orderTopLevel(api.overlay ? await applyOverlay(merged, api.overlay, root) : merged);
  applyRoleVocabularies(roleTable, doc, api);
  step("overlay", api.overlay ? api.overlay : "none");

  const yamlHeader = header("#", api, ctx.generator);
  const tsHeader = header("//", api, ctx.generator);
  // The YAML and the types come from a copy taken before lint, which may mutate `doc`. The templated
  // modules are written already formatted (ts-literal.mjs).
  const fileOf = upstreamFileOf(parts, api.overlay);
  const checks = responseChecks(doc, { fileOf });
  const data = clientData(doc, checks.roots, { fileOf, overlay: api.overlay });
  const operations = emitOperations(data, tsHeader, api.name);
  const shapes = emitChecks(checks.shapes, tsHeader);
  // The data modules are .js + .d.ts: a consumer's tsc resolves declarations lazily, so it pays only
  // for the operations it uses (a .ts would be checked whole; issue 18).
  /** @type {Record<string, string>} */
  const templated = {
    "client.ts": emitClient(data, tsHeader, api.name),
    "operations.js": operations.js,
    "operations.d.ts": operations.dts,
    "index.ts": emitIndex(data, tsHeader, api.name),
    "response-checks.js": shapes.js,
    "response-checks.d.ts": shapes.dts,
  };
  if (roleTable) templated["roles.ts"] = emitRoles(roleTable, tsHeader);
  const emitted = emitBundleFiles(doc, yamlHeader, api.output);
  const { warnings, downgraded, downgradedLocated } = await lintBundle(emitted.yaml, `${api.output}/openapi.yaml`, config, { root, parts: api.parts, overlay: api.overlay }, { locateWarnings: ctx.verbose, parsed: doc, shared: sharedConfig });
  const counts = [warnings.length && `${warnings.length} warning(s)`, downgraded.length && `${downgraded.length} downgraded by apis.${api.name} in redocly.yaml`].filter(Boolean);
  step("lint", counts.length ? counts.join(", ") : "0 problems");
  // Problems this API's own settings let through are always listed: relaxing a rule never hides them.
  for (const d of downgraded) ctx.print(`  ${d}`);
  if (!downgradedLocated) ctx.print(`  (the upstream file and line of each of these ${downgraded.length}: --verbose)`);
  if (ctx.verbose) for (const w of warnings) ctx.print(`  ${w}`);

  /** @type {Record<string, string>} */
  const files = { "openapi.yaml": emitted.yaml, "types.ts": `${tsHeader}\n${await emitted.types}` };
  step("types", `${Object.keys(doc.paths ?? {}).length} paths`);

  Object.assign(files, templated);
  step("client", `${Object.keys(data.operations).length} operations${data.warnings.length ? `, ${data.warnings.length} warning(s)` : ""}`);
  for (const w of data.warnings) ctx.print(`  warning: ${w}`);
  return files;
}

/**
 * The upstream (or authored) file that holds a path, to name it in errors; the overlay when no
 * part has that path.
 * @param {import("./merge.mjs").Part[]} parts
 * @param {string | undefined} overlay
 */
function upstreamFileOf(parts, overlay) {
  return (/** @type {string} */ path) => parts.find((p) => p.doc.paths && Object.hasOwn(p.doc.paths, path))?.file ?? overlay ?? parts[0]?.file ?? "";
}
