// @ts-check
// Reading an OpenAPI document for the change report: its operations (matched across versions by
// method and path shape, so renaming a path parameter is not a new operation), and which operations
// use each component, in requests or in responses.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {object} Param
 * @property {string} name
 * @property {string} label   e.g. "query"
 * @property {string} where   JSON pointer of the parameter
 * @property {any} raw        as written (maybe a $ref)
 * @property {any} resolved
 */
/**
 * @typedef {object} Operation
 * @property {string} path
 * @property {string} method
 * @property {any} op
 * @property {any} item     the path item
 * @property {Map<string, Param>} params  by "in:name", path-level ones included
 */

/** @param {...string} parts */
export function pointer(...parts) {
  return `#/${parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

/** "GET /users/{id}" @param {{ method: string, path: string }} o */
export const operationKey = (o) => `${o.method.toUpperCase()} ${o.path}`;

/** The component name of a local component $ref, or null. @param {string} ref */
export const refName = (ref) => (/^#\/components\/[^/]+\/[^/]+$/.test(ref) ? ref : null);

/** Follows local $refs. @param {Record<string, any>} doc @param {any} node */
export function deref(doc, node) {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 32; hops++) {
    const ref = String(current.$ref);
    if (!ref.startsWith("#/")) return current;
    current = ref
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((/** @type {any} */ at, p) => at?.[p], doc);
  }
  return current;
}

/**
 * @param {Record<string, any>} doc
 * @returns {Map<string, Operation>} keyed by method and path with parameter names blanked
 */
export function operations(doc) {
  /** @type {Map<string, Operation>} */
  const out = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item || typeof item !== "object") continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op || typeof op !== "object") continue;
      /** @type {Map<string, Param>} */
      const params = new Map();
      const add = (/** @type {any[]} */ list, /** @type {string} */ base) =>
        (list ?? []).forEach((raw, i) => {
          const resolved = deref(doc, raw) ?? {};
          params.set(`${resolved.in}:${resolved.in === "header" ? String(resolved.name).toLowerCase() : resolved.name}`, {
            name: String(resolved.name),
            label: String(resolved.in),
            where: `${base}/parameters/${i}`,
            raw,
            resolved,
          });
        });
      add(item.parameters, pointer("paths", path));
      add(op.parameters, pointer("paths", path, method));
      out.set(`${method} ${path.replace(/\{[^}]*\}/g, "{}")}`, { path, method, op, item, params });
    }
  }
  return out;
}

/** Every local $ref string under a node. @param {unknown} node @param {Set<string>} into */
function collectRefs(node, into) {
  if (Array.isArray(node)) {
    for (const x of node) collectRefs(x, into);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") {
        const m = /^#\/components\/[^/]+\/[^/]+/.exec(v);
        if (m) into.add(m[0]);
      } else if (typeof v === "object") collectRefs(v, into);
    }
  }
  return into;
}

/**
 * For each component ("#/components/<section>/<name>"), the operations that reach it through
 * $refs, and whether it is reached from a request (parameters, body, auth) or a response.
 * @param {Record<string, any>} doc
 * @returns {Map<string, { operations: Set<string>, request: boolean, response: boolean }>}
 */
export function componentUsage(doc) {
  /** @type {Map<string, Set<string>>} */
  const edges = new Map();
  for (const [section, members] of Object.entries(doc.components ?? {})) {
    for (const [name, value] of Object.entries(members ?? {})) edges.set(`#/components/${section}/${name}`, collectRefs(value, new Set()));
  }
  /** @type {Map<string, { operations: Set<string>, request: boolean, response: boolean }>} */
  const usage = new Map();
  const reach = (/** @type {Set<string>} */ roots, /** @type {string} */ op, /** @type {"request" | "response"} */ dir) => {
    const stack = [...roots];
    const seen = new Set();
    while (stack.length) {
      const ref = /** @type {string} */ (stack.pop());
      if (seen.has(ref)) continue;
      seen.add(ref);
      let u = usage.get(ref);
      if (!u) usage.set(ref, (u = { operations: new Set(), request: false, response: false }));
      u.operations.add(op);
      u[dir] = true;
      for (const next of edges.get(ref) ?? []) stack.push(next);
    }
  };
  for (const o of operations(doc).values()) {
    const key = `${o.method.toUpperCase()} ${o.path}`;
    const request = collectRefs([o.item.parameters, o.op.parameters, o.op.requestBody], new Set());
    for (const req of o.op.security ?? doc.security ?? []) for (const scheme of Object.keys(req ?? {})) request.add(`#/components/securitySchemes/${scheme}`);
    reach(request, key, "request");
    reach(collectRefs(o.op.responses, new Set()), key, "response");
  }
  return usage;
}
