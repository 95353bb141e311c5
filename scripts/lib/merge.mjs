// @ts-check
// Sequence publishes one OpenAPI document per operation. This bundles each part (resolving its
// external $refs) and merges them into one document. Identical copies of a component collapse into
// one; differing copies, a path+method defined twice, or differing top-level fields fail the run and
// name both files.
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { bundle, getLineColLocation, Source } from "@redocly/openapi-core";
import { GenerateError } from "./errors.mjs";

/** @typedef {{ file: string, doc: Record<string, any> }} Part */

/**
 * @param {string[]} files  paths relative to root
 * @param {string} root
 * @param {import("@redocly/openapi-core").Config} config
 * @returns {Promise<Part[]>}
 */
export async function bundleParts(files, root, config) {
  return Promise.all(
    files.map(async (file) => {
      let result;
      try {
        result = await bundle({ ref: `${root}/${file}`, doc: parseJson(`${root}/${file}`), config, dereference: false });
      } catch (error) {
        const e = /** @type {any} */ (error);
        // YamlParseError carries the line; a missing $ref target file is an ENOENT.
        throw new GenerateError(e.originalError?.reason ?? e.message, { file, line: e.line, rule: e.line ? "yaml-syntax" : "unreadable" });
      }
      const unresolved = result.problems.filter((p) => p.severity === "error");
      if (unresolved.length > 0) {
        const [first, ...rest] = unresolved.map((p) => {
          const loc = p.location[0];
          const where = loc ? `${loc.source.absoluteRef.replace(`${root}/`, "")}:${getLineColLocation(loc).start.line}` : file;
          return { where, message: p.message, rule: p.ruleId === "bundler" ? "no-unresolved-refs" : p.ruleId };
        });
        if (!first) throw new Error("unreachable: unresolved is non-empty");
        const [f, line] = first.where.split(/:(?=\d+$)/);
        throw new GenerateError(first.message, { file: f, line: Number(line), rule: first.rule, details: rest.map((r) => `${r.where}: ${r.message}`) });
      }
      const doc = /** @type {Record<string, any>} */ (result.bundle.parsed);
      if (!doc || typeof doc !== "object" || !("openapi" in doc)) {
        throw new GenerateError("not an OpenAPI document (no `openapi` field)", { file, rule: "struct" });
      }
      return { file, doc };
    }),
  );
}

/**
 * A JSON part parsed with JSON.parse, ten times faster than Redocly's YAML parser on a large spec.
 * Undefined for YAML, or when the JSON is invalid: Redocly's parser then reports the line.
 * @param {string} path
 */
function parseJson(path) {
  if (!path.endsWith(".json")) return undefined;
  const text = readFileSync(path, "utf8");
  try {
    return { source: new Source(path, text, "application/json"), parsed: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * @param {Part[]} parts
 * @returns {Record<string, any>}
 */
export function mergeParts(parts) {
  /** @type {Record<string, any>} */
  const merged = { paths: {}, components: {} };
  /** where each merged thing came from, to name both sides of a conflict */
  /** @type {Map<string, string>} */
  const origin = new Map();

  /** @param {string} key @param {unknown} a @param {unknown} b @param {string} file */
  const conflict = (key, a, b, file) => {
    if (isDeepStrictEqual(a, b)) return;
    throw new GenerateError(`${key} differs between two upstream documents`, {
      file,
      rule: "merge-conflict",
      details: [`first defined in ${origin.get(key)}`, `then differently in ${file}`],
    });
  };

  for (const { file, doc } of parts) {
    for (const [field, value] of Object.entries(doc)) {
      if (field === "paths" || field === "components") continue;
      if (field in merged) conflict(field, merged[field], value, file);
      else (merged[field] = value), origin.set(field, file);
    }
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      const target = (merged.paths[path] ??= {});
      for (const [key, value] of Object.entries(item)) {
        const id = `paths["${path}"].${key}`;
        if (!(key in target)) {
          target[key] = value;
          origin.set(id, file);
        } else if (METHODS.has(key)) {
          throw new GenerateError(`${key.toUpperCase()} ${path} is defined twice`, {
            file,
            rule: "merge-conflict",
            details: [`first defined in ${origin.get(id)}`, `again in ${file}`],
          });
        } else conflict(id, target[key], value, file);
      }
    }
    for (const [section, entries] of Object.entries(doc.components ?? {})) {
      const target = (merged.components[section] ??= {});
      for (const [name, value] of Object.entries(entries ?? {})) {
        const id = `components.${section}.${name}`;
        if (name in target) conflict(id, target[name], value, file);
        else (target[name] = value), origin.set(id, file);
      }
    }
  }
  return { ...merged, paths: sortKeys(merged.paths), components: sortComponents(merged.components) };
}

/**
 * The document's usual top-level key order, whatever order the parts or an overlay added them in.
 * @param {Record<string, any>} doc
 * @returns {Record<string, any>}
 */
export function orderTopLevel(doc) {
  const { openapi, info, servers, security, tags, paths, components, ...rest } = doc;
  const ordered = { openapi, info, servers, security, tags, ...rest, paths, components };
  return Object.fromEntries(Object.entries(ordered).filter(([, v]) => v !== undefined));
}

/** @param {Record<string, any>} obj */
const sortKeys = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
/** @param {Record<string, any>} components */
const sortComponents = (components) =>
  Object.fromEntries(Object.entries(components).map(([section, entries]) => [section, sortKeys(entries)]));
