// @ts-check
// The change report's inputs: for each API in redocly.yaml, its bundle and role table, read from the
// working tree or from a git ref (`git show REF:./path`, so it works from any folder of the repo).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
// CORE_SCHEMA: no timestamps, so a date-like enum value such as 2024-07-30 stays the string it is in JSON.
import yaml from "js-yaml";

export class ChangesError extends Error {}

/** @typedef {{ bundlePath: string, bundle: string | null, rolesPath: string, roles: string | null }} ApiFiles */

/**
 * @param {string} root
 * @param {string[]} args
 */
function git(root, args) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 << 20 });
  } catch (error) {
    const e = /** @type {NodeJS.ErrnoException & { stderr?: string }} */ (error);
    if (e.code === "ENOENT") throw new ChangesError("git is not available on PATH; the change report reads the base side from git");
    throw Object.assign(new Error(String(e.stderr ?? e.message).trim()), { git: true });
  }
}

/**
 * The commit a ref names, or a ChangesError that says what to pass instead.
 * @param {string} root @param {string} ref
 * @param {string} [option]  the command-line option the ref came from, for the message
 */
export function resolveRef(root, ref, option = "--base") {
  try {
    return git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
  } catch (error) {
    if (error instanceof ChangesError) throw error;
    try {
      git(root, ["rev-parse", "--git-dir"]);
    } catch (inner) {
      if (inner instanceof ChangesError) throw inner;
      throw new ChangesError(`${root} is not in a git repository; the change report compares with a committed version`);
    }
    throw new ChangesError(`${option} ${ref}: no such commit in this repository (try a branch, a tag or a sha; default HEAD)`);
  }
}

/**
 * A file at a commit, or null when the commit has no such file.
 * @param {string} root @param {string} commit @param {string} path  relative to root
 */
export function showAt(root, commit, path) {
  try {
    return git(root, ["show", `${commit}:./${path}`]);
  } catch (error) {
    if (error instanceof ChangesError) throw error;
    return null;
  }
}

/**
 * API name → bundle path from redocly.yaml's `apis:` (bundle path = the API's `root`).
 * @param {string} text @param {string} label  for messages
 * @returns {Map<string, string>}
 */
export function apiList(text, label) {
  /** @type {any} */
  let config;
  try {
    config = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    throw new ChangesError(`cannot parse ${label}: ${/** @type {Error} */ (error).message.split("\n")[0]}`);
  }
  const apis = config?.apis;
  /** @type {Map<string, string>} */
  const out = new Map();
  if (!apis || typeof apis !== "object") return out;
  for (const name of Object.keys(apis).sort()) out.set(name, String(apis[name]?.root ?? `generated/${name}/openapi.yaml`));
  return out;
}

/**
 * Every API's files on one side.
 * @param {string} root
 * @param {string | null} commit  null for the working tree
 * @returns {Map<string, ApiFiles>}
 */
export function readSide(root, commit) {
  const read = (/** @type {string} */ path) => {
    if (commit) return showAt(root, commit, path);
    const file = join(root, path);
    return existsSync(file) ? readFileSync(file, "utf8") : null;
  };
  const label = commit ? `redocly.yaml at ${commit.slice(0, 12)}` : "redocly.yaml";
  const config = read("redocly.yaml");
  if (config === null) {
    if (!commit) throw new ChangesError(`no redocly.yaml in ${root}; run the change report from the project's root`);
    return new Map();
  }
  /** @type {Map<string, ApiFiles>} */
  const out = new Map();
  for (const [name, bundlePath] of apiList(config, label)) {
    const rolesPath = join(dirname(bundlePath), "roles.ts");
    out.set(name, { bundlePath, bundle: read(bundlePath), rolesPath, roles: read(rolesPath) });
  }
  return out;
}

/**
 * A bundle's document: JSON when it looks like JSON (a large spec parses far faster), else YAML.
 * @param {string} text @param {string} label
 * @returns {Record<string, any>}
 */
export function parseBundle(text, label) {
  let doc;
  try {
    doc = text.trimStart().startsWith("{") ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    throw new ChangesError(`cannot parse ${label}: ${/** @type {Error} */ (error).message.split("\n")[0]}`);
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc) || !("openapi" in doc || "paths" in doc)) {
    throw new ChangesError(`cannot parse ${label}: not an OpenAPI document (no \`openapi\` or \`paths\` at the top)`);
  }
  return /** @type {Record<string, any>} */ (doc);
}
