// @ts-check
// Each bundle's YAML text and its types (openapi-typescript), on the main thread: a worker thread
// for them did not pay on our inputs (BENCHMARKS.md, "Machinery: price and gain").
import { createRequire } from "node:module";
import { binaryTransform } from "./binary-types.mjs";
import { GenerateError } from "./errors.mjs";
import { stringifyYaml } from "./stringify-yaml.mjs";

const require = createRequire(import.meta.url);
const { version } = require("openapi-typescript/package.json");
// The options object openapiTS() builds from `{ silent: true }` in this version (dist/index.mjs).
// Other versions may add fields, so they take the documented path below.
const DIRECT = /^7\.13\./.test(version);
// openapi-typescript's CommonJS modules, required one by one: its ESM entry also loads all of
// @redocly/openapi-core 1.x (unused here), and importing TypeScript (9 MB of CommonJS) from ESM
// first runs Node's export scanner over it. Together ~2 s more than this, on every cold run.
const { astToString } = DIRECT ? require("openapi-typescript/dist/lib/ts.cjs") : {};
const { resolveRef, scanDiscriminators } = DIRECT ? require("openapi-typescript/dist/lib/utils.cjs") : {};
const transformSchema = DIRECT ? require("openapi-typescript/dist/transform/index.cjs") : undefined;

/** The options generate gives openapi-typescript (binary-types.mjs says why `transform`); a new set per document. */
export const typesOptions = () => ({ silent: true, transform: binaryTransform() });

/**
 * openapiTS() first lints the document with its own `minimal` Redocly config and bundles it again:
 * seconds on a large spec, all redundant here since build.mjs lints this exact bundle with
 * the stricter redocly.yaml (which has every `minimal` rule). So call its exported transform directly
 * with the options openapiTS would build from typesOptions(). Only the duplicate-operationId check, which
 * openapiTS adds as an error, is kept, in case a project's redocly.yaml turns that rule off.
 * @param {Record<string, any>} doc  the final bundle (a structured clone: ours to mutate)
 */
export async function toTypes(doc) {
  if (!DIRECT) {
    const { default: openapiTS, astToString } = await import("openapi-typescript");
    return astToString(await openapiTS(/** @type {any} */ (doc), typesOptions()));
  }
  const openapi = Number.parseFloat(doc.openapi);
  if (doc.swagger || Number.isNaN(openapi) || openapi < 3 || openapi >= 4) throw new Error(`Unsupported OpenAPI version: ${doc.openapi ?? doc.swagger}`);
  const seen = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      const id = op?.operationId;
      if (typeof id !== "string") continue;
      if (seen.has(id)) throw new Error(`Every operation must have a unique \`operationId\`: "${id}" is used by ${seen.get(id)} and ${method} ${path}`);
      seen.set(id, `${method} ${path}`);
    }
  }
  const options = typesOptions();
  const ctx = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(doc, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: true,
    inject: undefined,
    transform: options.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: (/** @type {string} */ $ref) => resolveRef(doc, $ref, { silent: true }),
  };
  return astToString(transformSchema(doc, /** @type {any} */ (ctx)));
}

/**
 * The bundle's YAML text after `yamlHeader`, then its types, both from a copy of `doc` taken now:
 * lint may mutate `doc` afterwards, and openapi-typescript mutates the document it is given.
 * A failure is a GenerateError naming the tool and the file, with the tool's own stack.
 * @param {Record<string, any>} doc  the final bundle
 * @param {string} yamlHeader
 * @param {string} [output]  generated/<api>, to name the file in errors
 * @returns {{ yaml: string, types: Promise<string> }}
 */
export function emitBundleFiles(doc, yamlHeader, output = "generated") {
  const copy = structuredClone(doc);
  /** @type {(tool: string, file: string) => (error: unknown) => never} */
  const fail = (tool, file) => (error) => {
    const cause = /** @type {Error} */ (error);
    const e = new GenerateError(`${tool} failed: ${cause?.message ?? String(error)}`, { rule: tool, file: `${output}/${file}` });
    e.stack = `${e.name}: ${e.message}\n${String(cause?.stack ?? "").split("\n").slice(1).join("\n")}`;
    throw e;
  };
  let yaml;
  try {
    yaml = yamlHeader + stringifyYaml(copy);
  } catch (error) {
    fail("yaml", "openapi.yaml")(error);
  }
  const types = toTypes(copy).catch(fail("openapi-typescript", "types.ts"));
  types.catch(() => {}); // awaited later; don't let an early rejection count as unhandled
  return { yaml: /** @type {string} */ (yaml), types };
}
