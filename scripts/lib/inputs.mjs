// @ts-check
// Finds each API's input files and hashes them. Kept free of heavy imports: the no-op run of
// `npm run generate` loads only this module and header.mjs (`yaml` only when the fast path below
// cannot read the API list).
import { GenerateError } from "./errors.mjs";

// Built-ins through process.getBuiltinModule: see scripts/generate.mjs.
const { createHash } = process.getBuiltinModule("node:crypto");
const { existsSync, readdirSync, readFileSync } = process.getBuiltinModule("node:fs");
const { createRequire } = process.getBuiltinModule("node:module");
const { join, relative } = process.getBuiltinModule("node:path");
const { fileURLToPath } = process.getBuiltinModule("node:url");

const require = createRequire(import.meta.url);

/** Packages whose version changes what we write. */
const TOOLS = ["openapi-typescript", "@redocly/openapi-core", "openapi-format", "yaml", "typescript"];

/**
 * @typedef {object} ApiInputs
 * @property {string} name        key under `apis:` in redocly.yaml
 * @property {string} dir         specs/<name>
 * @property {string[]} parts     upstream and authored OpenAPI documents, merged in this order
 * @property {string | undefined} overlay  specs/<name>/overlay.yaml, when present
 * @property {string} output      generated/<name>
 * @property {string} sourceHash  hash of everything under specs/<name>/, redocly.yaml's shared part
 *   and this API's own entry under `apis:` (see configInputs)
 */

/**
 * The API names under `apis:` in redocly.yaml, sorted.
 * @param {string} root
 * @param {{ fast?: boolean }} [options]  fast: read a plain block-style `apis:` map line by line
 *   instead of loading `yaml` (about half of a no-op run's time). Anything else in that block falls
 *   back to the full parse. Only for deciding that nothing changed: the headers' hashes cover the
 *   exact text of redocly.yaml, which the full parse read when the files were generated.
 */
export function readApiList(root, { fast = false } = {}) {
  const file = join(root, "redocly.yaml");
  let config;
  try {
    const text = readFileSync(file, "utf8");
    const names = fast ? blockMapKeys(text, "apis") : null;
    if (names) return names;
    config = require("yaml").parse(text, { prettyErrors: true });
  } catch (error) {
    throw new GenerateError(`cannot read the API list: ${/** @type {Error} */ (error).message}`, { file: "redocly.yaml" });
  }
  const apis = config?.apis;
  if (!apis || typeof apis !== "object" || Object.keys(apis).length === 0) {
    throw new GenerateError("no APIs listed under `apis:`", { file: "redocly.yaml" });
  }
  return Object.keys(apis).sort();
}

/**
 * The keys of a top-level block map written the plain way (`name:` on its own line, keys indented
 * alike, bare word keys), sorted; null when the text holds anything else there.
 * @param {string} text
 * @param {string} field
 */
function blockMapKeys(text, field) {
  const lines = text.split(/\r?\n/);
  const head = new RegExp(`^${field}:[ ]*(#.*)?$`);
  const start = lines.findIndex((line) => head.test(line));
  if (start === -1 || lines.some((line, i) => i !== start && line.startsWith(`${field}:`))) return null;
  /** @type {string[]} */
  const keys = [];
  let indent = 0;
  for (const line of lines.slice(start + 1)) {
    if (/^[ ]*(#.*)?$/.test(line)) continue; // blank or comment
    if (line.startsWith("\t")) return null;
    const width = line.length - line.trimStart().length;
    if (width === 0) break; // the next top-level key
    indent ||= width;
    if (width < indent) return null;
    if (width > indent) continue; // an API's own settings
    const key = /^([A-Za-z0-9_-]+):(?:[ ]|$)/.exec(line.slice(width));
    const name = key?.[1];
    if (!name || keys.includes(name)) return null;
    keys.push(name);
  }
  return keys.length > 0 ? keys.sort() : null;
}

/**
 * The part of redocly.yaml that one API's output depends on: everything outside `apis:` (rules,
 * plugins…) and that API's own entry, as text. So listing another API, or changing another API's
 * entry, leaves this API's hash alone. A text this line-based reading can't split (flow style,
 * tabs, odd keys) counts whole for every API: more regeneration, never a stale header.
 * @param {string} text  redocly.yaml
 * @param {string} name
 */
export function configInputs(text, name) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^apis:[ ]*(#.*)?$/.test(line));
  if (start === -1 || lines.some((line, i) => i !== start && line.startsWith("apis:"))) return text;
  /** @type {string[]} */
  const shared = lines.slice(0, start + 1);
  /** @type {Map<string, string[]>} */
  const entries = new Map();
  /** @type {string[] | undefined} */
  let current;
  let indent = 0;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = /** @type {string} */ (lines[i]);
    if (/^[ ]*(#.*)?$/.test(line)) {
      (current ?? shared).push(line);
      continue;
    }
    if (line.startsWith("\t")) return text;
    const width = line.length - line.trimStart().length;
    if (width === 0) break; // the next top-level key
    indent ||= width;
    if (width < indent) return text;
    if (width === indent) {
      // `name:` with its settings below, or with them on the line in flow style (`name: { root: … }`)
      const key = /^([A-Za-z0-9_-]+):(?:[ ]|$)/.exec(line.slice(width))?.[1];
      if (!key || entries.has(key)) return text;
      entries.set(key, (current = []));
    }
    if (!current) return text;
    current.push(line);
  }
  shared.push(...lines.slice(i));
  const own = entries.get(name);
  if (!own) return text;
  return `${shared.join("\n")}\0${own.join("\n").replace(/\s+$/, "")}`;
}

/**
 * Every file below dir, as sorted paths relative to root.
 * @param {string} root
 * @param {string} dir
 * @returns {string[]}
 */
function walk(root, dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(root, path));
    else if (entry.isFile()) out.push(relative(root, path));
  }
  return out.sort();
}

/**
 * @param {string} root
 * @param {string} name
 * @param {string} configText  redocly.yaml; its shared part and this API's entry are inputs
 * @returns {ApiInputs}
 */
export function findApiInputs(root, name, configText) {
  const dir = join("specs", name);
  if (!existsSync(join(root, dir))) {
    throw new GenerateError(`API "${name}" is listed in redocly.yaml but ${dir}/ does not exist`, { file: "redocly.yaml" });
  }
  const files = walk(root, join(root, dir));
  const isDoc = (/** @type {string} */ f, /** @type {string} */ sub) =>
    f.startsWith(join(dir, sub) + "/") && /\.(ya?ml|json)$/.test(f) && !f.endsWith("SOURCES.json") && !f.endsWith("role-table.yaml");
  const parts = [...files.filter((f) => isDoc(f, "upstream")), ...files.filter((f) => isDoc(f, "authored"))];
  if (parts.length === 0) {
    throw new GenerateError(`no OpenAPI documents in ${dir}/upstream/ or ${dir}/authored/`, { file: dir });
  }
  const overlay = files.find((f) => f === join(dir, "overlay.yaml"));
  const hash = createHash("sha256").update(configInputs(configText, name));
  for (const f of files) hash.update(`\0${f}\0`).update(readFileSync(join(root, f)));
  return { name, dir, parts, overlay, output: join("generated", name), sourceHash: hash.digest("hex").slice(0, 16) };
}

/** This package's root (where scripts/ and node_modules/ are), which may differ from the project's. */
const TOOL_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Hash of what turns inputs into outputs: the tools' versions and our generator's own source. */
export function generatorHash() {
  const hash = createHash("sha256");
  for (const tool of TOOLS) {
    const pkg = join(TOOL_ROOT, "node_modules", tool, "package.json");
    hash.update(`${tool}@${existsSync(pkg) ? JSON.parse(readFileSync(pkg, "utf8")).version : "missing"}\n`);
  }
  for (const f of ["scripts/generate.mjs", ...walk(TOOL_ROOT, join(TOOL_ROOT, "scripts", "lib"))]) {
    if (f.endsWith(".mjs")) hash.update(`\0${f}\0`).update(readFileSync(join(TOOL_ROOT, f)));
  }
  return hash.digest("hex").slice(0, 16);
}
