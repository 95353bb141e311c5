// @ts-check
// Writes generated/<api>/response-checks.ts: for each operation's 2xx JSON body, the required fields
// of its schema and the JSON types of every declared field, following $refs and inline objects, as
// plain data. The hand-written checker (src/response.ts) applies it, so a field the spec stops
// requiring stops being required at runtime, and a newly required one is checked. Enums and formats
// are not checked: a new value in a response must not break a call.

import { tsLiteral } from "./ts-literal.mjs";

const SUCCESS = /^2\d\d$/;

/** The 2xx JSON schema of an operation: its $ref'd component, or the inline schema. */
function successSchema(/** @type {any} */ op) {
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    const schema = SUCCESS.test(status) ? /** @type {any} */ (response)?.content?.["application/json"]?.schema : undefined;
    if (schema) return schema;
  }
}


/**
 * @typedef {{ type?: string[], items?: Check, shape?: string }} Check
 * @typedef {{ required: string[], fields: Record<string, Check> }} Shape
 */

/**
 * The shapes, and for each operation with a 2xx JSON body the check of that body (a FieldCheck),
 * which client.ts's operation table carries as `response`.
 * @param {Record<string, any>} doc  the final bundle
 */
export function responseChecks(doc) {
  /** @type {(s: any) => any} */
  const deref = (s) => (typeof s?.$ref === "string" ? deref(doc.components?.schemas?.[s.$ref.split("/").pop()]) : s);
  /** @type {Record<string, Shape>} */
  const shapes = {};

  /** allOf members merged into one object schema. @param {any} schema */
  const flatten = (schema) => {
    const s = deref(schema) ?? {};
    if (!Array.isArray(s.allOf)) return s;
    const parts = s.allOf.map(flatten);
    return {
      ...s,
      type: s.type ?? parts.find((/** @type {any} */ p) => p.type)?.type,
      required: [...(s.required ?? []), ...parts.flatMap((/** @type {any} */ p) => p.required ?? [])],
      properties: Object.assign({}, ...parts.map((/** @type {any} */ p) => p.properties), s.properties),
    };
  };

  /** @param {any} raw @param {string} name  shape name for an object schema @returns {Check} */
  const check = (raw, name) => {
    const s = flatten(raw);
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
      const shape = typeof raw?.$ref === "string" ? String(raw.$ref.split("/").pop()) : name;
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
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      const schema = op && typeof op === "object" && op.operationId ? successSchema(op) : undefined;
      if (schema) roots[op.operationId] = check(schema, op.operationId);
    }
  }
  return { shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : 1))), roots };
}

/**
 * @param {ReturnType<typeof responseChecks>["shapes"]} shapes
 * @param {string} header
 */
export function emitChecks(shapes, header) {
  return `${header}
/**
 * What src/response.ts checks of 2xx JSON bodies, by schema name: the required fields and the JSON
 * type of every declared field ("integer" = a whole number). \`shape\` names a nested object's entry;
 * \`items\` checks each element of an array. Each operation's \`response\` (client.ts) is the root check.
 */
export const responseShapes = ${tsLiteral(shapes)} as const;
`;
}
