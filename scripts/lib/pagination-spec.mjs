// @ts-check
// The `x-pagination` declaration: named schemes at the document root (usually added by the API's
// overlay), used by an operation that names one (`x-pagination: <scheme>`) or matched by a scheme's
// `auto: true` (every GET that declares its parameter in the query). Each use is checked against the
// operation (the parameters exist, the response paths exist in its 2xx JSON schema) and becomes the
// `paginate` field of its table entry (PaginateSpec in src/runtime/request.ts). Like Stainless and
// Redocly, nothing is inferred: an API without the declaration gets no paginator.
import { GenerateError } from "./errors.mjs";

/** The keys each kind takes; `kind`, `param`, `items` and `auto` are common. */
const KEYS = {
  cursor: ["cursor", "lastItem", "hasMore", "total"],
  page: ["start", "hasMore", "totalPages", "total"],
  offset: ["limit", "total"],
};
const COMMON = ["kind", "param", "items", "auto"];
const SUCCESS = /^2(\d\d|XX)$/i;
const JSON_MEDIA = /^application\/(.+\+)?json\s*(;|$)/i;

/**
 * @typedef {{ kind: "cursor" | "page" | "offset", param: string, items: string, auto?: boolean,
 *   cursor?: string, lastItem?: string, hasMore?: string, total?: string, totalPages?: string,
 *   start?: number, limit?: string }} Scheme
 */

/**
 * Reads and checks the root declaration.
 * @param {Record<string, any>} doc
 * @param {string | undefined} file  where errors point (the overlay, usually)
 * @returns {Map<string, Scheme>}
 */
export function readSchemes(doc, file) {
  const root = doc["x-pagination"];
  /** @type {Map<string, Scheme>} */
  const schemes = new Map();
  if (root === undefined) return schemes;
  if (!isObject(root)) throw bad("x-pagination at the document root must map scheme names to schemes, e.g. `x-pagination: { list: { kind: cursor, param: after, cursor: pagination.after, items: items } }`", file);
  for (const [name, scheme] of Object.entries(root)) schemes.set(name, checkScheme(scheme, `x-pagination.${name}`, file));
  return schemes;
}

/**
 * @param {unknown} scheme @param {string} at @param {string | undefined} file
 * @returns {Scheme}
 */
function checkScheme(scheme, at, file) {
  if (!isObject(scheme)) throw bad(`${at} must be a mapping with kind, param and items`, file);
  const kind = /** @type {keyof typeof KEYS} */ (scheme.kind);
  // Some vendors use x-pagination in their own shape (`{ style: offset }`); say how to get past that.
  if (!Object.hasOwn(KEYS, kind)) throw bad(`${at}.kind is ${JSON.stringify(scheme.kind)}; use cursor, page or offset${scheme.kind === undefined ? " (if the vendor's document uses x-pagination for something else, remove it in the overlay and declare ours)" : ""}`, file);
  const allowed = [...COMMON, ...KEYS[kind]];
  for (const key of Object.keys(scheme)) {
    if (!allowed.includes(key)) throw bad(`${at}: ${key} is not a ${kind} pagination key (${allowed.join(", ")})`, file);
  }
  for (const key of ["param", "items"]) {
    if (typeof scheme[key] !== "string" || !scheme[key]) throw bad(`${at}.${key} is required: the ${key === "param" ? "query parameter that asks for a page" : "response path of the page's items, e.g. data"}`, file);
  }
  for (const key of ["cursor", "lastItem", "hasMore", "total", "totalPages", "limit"]) {
    if (key in scheme && (typeof scheme[key] !== "string" || !scheme[key])) throw bad(`${at}.${key} must be a non-empty string`, file);
  }
  if ("start" in scheme && !Number.isInteger(scheme.start)) throw bad(`${at}.start must be an integer (the first page's number)`, file);
  if ("auto" in scheme && typeof scheme.auto !== "boolean") throw bad(`${at}.auto must be true or false`, file);
  if (kind === "cursor" && !("cursor" in scheme) === !("lastItem" in scheme)) {
    throw bad(`${at} needs exactly one of cursor (the response path of the next cursor, e.g. pagination.next) or lastItem (the field of the last item that is the next cursor, e.g. id)`, file);
  }
  return /** @type {Scheme} */ (scheme);
}

/**
 * The `paginate` field of one operation's table entry, or undefined when it is not paginated.
 * @param {{ op: any, method: string, where: string, schemes: Map<string, Scheme>, query: Record<string, unknown> | undefined, deref: (s: any) => any, file: string | undefined }} a
 */
export function paginateSpec({ op, method, where, schemes, query, deref, file }) {
  const use = op["x-pagination"];
  /** @type {Scheme | undefined} */
  let scheme;
  if (use === false) return undefined;
  if (typeof use === "string") {
    scheme = schemes.get(use);
    if (!scheme) throw bad(`${where}: x-pagination names the scheme "${use}", but the document root declares ${schemes.size ? [...schemes.keys()].map((k) => `"${k}"`).join(", ") : "none (add x-pagination at the root, in the overlay)"}`, file);
  } else if (use !== undefined) {
    if (!isObject(use)) throw bad(`${where}: x-pagination must name a root scheme, be a scheme, or be false`, file);
    scheme = checkScheme(use, `${where}: x-pagination`, file);
  } else {
    if (method !== "get" || !query) return undefined;
    const matching = [...schemes.entries()].filter(([, s]) => s.auto && Object.hasOwn(query, s.param));
    if (matching.length > 1) throw bad(`${where}: schemes ${matching.map(([n]) => `"${n}"`).join(" and ")} both match; name one with x-pagination on the operation`, file);
    scheme = matching[0]?.[1];
    if (!scheme) return undefined;
  }
  const { kind, param, items } = scheme;
  const hint = use === undefined ? ` (matched by auto: true; set x-pagination: false on the operation to leave it out)` : "";
  for (const p of [param, scheme.limit]) {
    if (p !== undefined && !Object.hasOwn(query ?? {}, p)) throw bad(`${where}: the pagination parameter "${p}" is not a query parameter of this operation${hint}`, file);
  }
  const body = successSchema(op, deref);
  if (!body) throw bad(`${where}: a paginated operation needs a 2xx JSON response schema${hint}`, file);
  const at = (/** @type {string} */ key, /** @type {string} */ path, /** @type {any} */ schema = body) => {
    const found = schemaAt(schema, path.split("."), deref);
    if (!found) throw bad(`${where}: the pagination ${key} path "${path}" is not in the 2xx response schema${hint}`, file);
    return found;
  };
  const itemsSchema = at("items", items);
  if (itemsSchema.type !== undefined && itemsSchema.type !== "array" && !(Array.isArray(itemsSchema.type) && itemsSchema.type.includes("array"))) {
    throw bad(`${where}: the pagination items path "${items}" is not an array in the 2xx response schema${hint}`, file);
  }
  /** @type {Record<string, unknown>} */
  const spec = { kind, param, items };
  if (scheme.cursor) spec.cursor = (at("cursor", scheme.cursor), scheme.cursor);
  if (scheme.lastItem) {
    at("lastItem", scheme.lastItem, deref(itemsSchema.items) ?? {});
    spec.lastItem = scheme.lastItem;
  }
  for (const key of /** @type {const} */ (["hasMore", "total", "totalPages"])) {
    const path = scheme[key];
    if (path) spec[key] = (at(key, path), path);
  }
  if (scheme.start !== undefined) spec.start = scheme.start;
  if (scheme.limit) spec.limit = scheme.limit;
  return spec;
}

/** The schema of the first 2xx response with JSON content. */
function successSchema(/** @type {any} */ op, /** @type {(s: any) => any} */ deref) {
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    if (!SUCCESS.test(status)) continue;
    const content = deref(raw)?.content ?? {};
    for (const [media, m] of Object.entries(content)) if (JSON_MEDIA.test(media) && deref(m)?.schema) return deref(deref(m).schema);
  }
  return undefined;
}

/**
 * The schema at a dotted path, through properties and allOf/anyOf/oneOf; undefined when absent.
 * @returns {any}
 */
function schemaAt(/** @type {any} */ schema, /** @type {string[]} */ path, /** @type {(s: any) => any} */ deref, depth = 0) {
  schema = deref(schema);
  if (!path.length) return schema;
  if (!isObject(schema) || depth > 32) return undefined;
  const [head, ...rest] = path;
  const property = /** @type {any} */ (schema.properties)?.[/** @type {string} */ (head)];
  if (property !== undefined) {
    const found = schemaAt(property, rest, deref, depth + 1);
    if (found) return found;
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    for (const branch of Array.isArray(schema[key]) ? schema[key] : []) {
      const found = schemaAt(branch, path, deref, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** @type {(v: unknown) => v is Record<string, any>} */
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const bad = (/** @type {string} */ message, /** @type {string | undefined} */ file) => new GenerateError(message, { rule: "pagination", file });
