// @ts-check
// Writes generated/<api>/response-checks.js (+ .d.ts): for each operation's 2xx JSON body, the required fields
// of its schema and the JSON types of every declared field, following $refs and inline objects, as
// plain data. The hand-written checker (src/runtime/response.ts) applies it, so a field the spec stops
// requiring stops being required at runtime, and a newly required one is checked. Enums and formats
// are not checked: a new value in a response must not break a call.

import { GenerateError } from "./errors.mjs";
import { makeDeref, pointerTokens } from "./json-pointer.mjs";
import { operationEntries } from "./operation-names.mjs";
import { Code, exportConst, tsLiteral } from "./ts-literal.mjs";

const SUCCESS = /^2\d\d$/;
const JSON_MEDIA = /^application\/(json|[^;]*\+json)\s*(;|$)/i;

/** The 2xx JSON schema of an operation: its $ref'd component, or the inline schema. */
function successSchema(/** @type {any} */ op, /** @type {(s: any) => any} */ deref) {
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    if (!SUCCESS.test(status)) continue;
    const content = deref(raw)?.content ?? {};
    const media = Object.keys(content).find((m) => JSON_MEDIA.test(m));
    const schema = media ? content[media]?.schema : undefined;
    if (schema) return schema;
  }
}

const noFile = (/** @type {string} */ _path) => "";

/** A shape's name: the schema's name for a component, else the pointer's last tokens. */
function refName(/** @type {string} */ ref) {
  const tokens = pointerTokens(ref) ?? [ref];
  return tokens[0] === "components" && tokens[1] === "schemas" && tokens.length === 3 ? String(tokens[2]) : tokens.join("/");
}


/**
 * @typedef {{ type?: string[], items?: Check, shape?: string }} Check
 * @typedef {{ required: string[], fields: Record<string, Check> }} Shape
 */

/**
 * The shapes, and for each operation with a 2xx JSON body the check of that body (a FieldCheck),
 * which client.ts's operation table carries as `response`.
 * @param {Record<string, any>} doc  the final bundle
 * @param {{ fileOf?: (path: string) => string }} [where]  the upstream file holding a path, for errors
 */
export function responseChecks(doc, { fileOf = noFile } = {}) {
  let current = "";
  const deref = makeDeref(doc, (ref, why) => {
    throw new GenerateError(`${current}: 2xx response schema $ref "${ref}" ${why}`, { rule: "unresolved-ref", file: fileOf(current.split(" ")[1] ?? "") || undefined });
  });
  /** @type {Record<string, Shape>} */
  const shapes = {};

  /**
   * allOf members merged into one object schema. A member that refers back to a schema being
   * flattened (Jira: `X: { allOf: [{ $ref: X }] }`) adds nothing more and is skipped.
   * @param {any} schema @param {Set<string>} [within]  the $refs being flattened
   */
  const flatten = (schema, within = new Set(), via = new Set()) => {
    const ref = typeof schema?.$ref === "string" ? schema.$ref : undefined;
    if (ref && within.has(ref)) return {};
    if (ref) via.add(ref);
    const s = deref(schema) ?? {};
    if (typeof s !== "object" || !Array.isArray(s.allOf)) return s;
    const inner = ref ? new Set([...within, ref]) : within;
    const parts = s.allOf.map((/** @type {any} */ m) => flatten(m, inner, via));
    return {
      ...s,
      type: s.type ?? parts.find((/** @type {any} */ p) => p.type)?.type,
      required: [...(s.required ?? []), ...parts.flatMap((/** @type {any} */ p) => p.required ?? [])],
      properties: Object.assign({}, ...parts.map((/** @type {any} */ p) => p.properties), s.properties),
    };
  };

  /** The $ref an inline `allOf: [{ $ref }]` wraps with annotations only (description, nullable…). */
  const aliasOf = (/** @type {any} */ raw) =>
    raw && typeof raw === "object" && Array.isArray(raw.allOf) && raw.allOf.length === 1 && typeof raw.allOf[0]?.$ref === "string" && !raw.properties && !raw.required ? String(raw.allOf[0].$ref) : undefined;

  /** $refs on the way to the check being built: one met again (an array of itself) is not followed. */
  const open = new Set();
  /** @param {any} raw @param {string} name  shape name for an object schema @returns {Check} */
  const check = (raw, name) => {
    const ref = typeof raw?.$ref === "string" ? raw.$ref : aliasOf(raw);
    if (ref && open.has(ref) && !shapes[refName(ref)]) return {};
    if (ref) open.add(ref);
    try {
      return checkOf(raw, name);
    } finally {
      if (ref) open.delete(ref);
    }
  };
  /** @param {any} raw @param {string} name @returns {Check} */
  const checkOf = (raw, name) => {
    /** @type {Set<string>} */
    const via = new Set();
    const s = flatten(raw, new Set(), via);
    if (!s || typeof s !== "object") return {};
    // oneOf/anyOf: several shapes are allowed; only a type all branches share could be checked
    if (s.oneOf || s.anyOf || s.not) return {};
    /** @type {Check} */
    const out = {};
    let types = s.type === undefined ? [] : [s.type].flat();
    if (s.nullable === true && types.length) types = [...types, "null"];
    if (types.length) out.type = [...new Set(types)].sort();
    if (types.includes("array") && s.items) {
      const items = check(s.items, `${name}[]`);
      if (Object.keys(items).length) out.items = items;
    }
    if ((types.includes("object") || (!types.length && s.properties)) && (s.properties || s.required)) {
      const alias = aliasOf(raw);
      const shape = typeof raw?.$ref === "string" ? refName(raw.$ref) : alias ? refName(alias) : name;
      // An inline schema that includes a schema being checked further up (a property written
      // `allOf: [{ $ref: Parent }]`, as Jira does) would get a new name at every level: check its type only.
      if (shape === name && [...via].some((r) => open.has(r))) return out;
      out.shape = shape;
      define(shape, s);
    }
    return out;
  };

  /** @param {string} name @param {any} s */
  const define = (name, s) => {
    if (shapes[name]) return;
    /** @type {Shape} */
    const shape = (shapes[name] = { required: [...new Set(/** @type {string[]} */ (s.required ?? []))].sort(), fields: {} });
    for (const field of Object.keys(s.properties ?? {}).sort()) {
      const c = check(s.properties[field], `${name}.${field}`);
      if (Object.keys(c).length) shape.fields[field] = c;
    }
  };

  /** @type {Record<string, Check>} */
  const roots = {};
  for (const { key, method, path, op } of operationEntries(doc, deref).entries) {
    current = `${method.toUpperCase()} ${path}`;
    const schema = successSchema(op, deref);
    if (schema) roots[key] = check(schema, key);
  }
  return { shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : 1))), roots };
}

const RESERVED = new Set("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval responseShapes".split(" "));

/**
 * A shape's export name in response-checks.js: its schema name with every character an identifier
 * can't hold written `$` + 4 hex digits ("customer.sources" → customer$002esources), so no two
 * names meet; `$_` before a leading digit or a reserved word.
 * @param {string} name
 */
export function shapeExport(name) {
  const id = name.replace(/[^A-Za-z0-9_]/g, (c) => `$${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return /^[0-9]/.test(id) || RESERVED.has(id) ? `$_${id}` : id;
}

/**
 * A check as generated code: each `shape` name becomes a function returning that shape's export
 * (a function, so shapes that contain each other need no declaration order), and a root check
 * keeps the name as `name`, for messages.
 * @param {Check} check @param {string} [prefix]  the namespace the shapes are imported as @param {boolean} [root]
 * @returns {Record<string, unknown>}
 */
export function checkCode(check, prefix = "", root = false) {
  /** @type {Record<string, unknown>} */
  const out = { ...check };
  if (check.shape) {
    out.shape = new Code(`() => ${prefix}${shapeExport(check.shape)}`);
    if (root) out.name = check.shape;
  }
  if (check.items) out.items = checkCode(check.items, prefix);
  return out;
}

/**
 * generated/<api>/response-checks.js and .d.ts: one export per shape, so a bundle holds the shapes
 * of the operations it imports (and those they contain) only, and `responseShapes`, every shape by
 * schema name, for requesters over hand-written tables that name shapes by string. Each shape is
 * declared a `Shape`, so a consumer's tsc reads none of them.
 * @param {ReturnType<typeof responseChecks>["shapes"]} shapes
 * @param {string} header
 * @returns {{ js: string, dts: string }}
 */
export function emitChecks(shapes, header) {
  const names = Object.keys(shapes);
  /** @type {string[]} */
  const js = [];
  /** @type {string[]} */
  const dts = [];
  for (const name of names) {
    const { required, fields } = /** @type {Shape} */ (shapes[name]);
    const shape = { required, fields: Object.fromEntries(Object.entries(fields).map(([f, c]) => [f, checkCode(c)])) };
    const id = shapeExport(name);
    const doc = id === name ? "" : `/** ${name} */\n`;
    js.push(`${doc}${exportConst(id, shape)}`);
    dts.push(`${doc}export declare const ${id}: Shape;\n`);
  }
  const table = names.map((name) => (shapeExport(name) === name ? `  ${name},` : `  ${tsLiteral(name)}: ${shapeExport(name)},`));
  const types = names.map((name) => `  ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : tsLiteral(name)}: Shape;`);
  const about = `// What src/runtime/response.ts checks of 2xx JSON bodies, one export per schema: the required fields
// and the JSON type of every declared field ("integer" = a whole number). \`shape\` returns a nested
// object's shape; \`items\` checks each element of an array. Each operation's \`response\`
// (operations.js) is the root check and names the shapes it needs, so a bundle holds only those.`;
  return {
    js: `${header}\n${about}\n${js.length ? `\n${js.join("\n")}` : ""}
/** Every shape by schema name. */
export const responseShapes = {${table.length ? `\n${table.join("\n")}\n` : ""}};
`,
    dts: `${header}\n${about}
// The declarations of response-checks.js: every shape is a Shape.
import type { Shape } from "../../src/runtime/response.js";
${dts.length ? `\n${dts.join("\n")}` : ""}
/** Every shape by schema name. */
export declare const responseShapes: {${types.length ? `\n${types.join("\n")}\n` : ""}};
`,
  };
}
