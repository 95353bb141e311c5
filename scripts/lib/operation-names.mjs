// @ts-check
// The key of each operation in client.ts's table and response checks: its operationId, or, when it
// has none, a name derived from method and path ("GET /users/{id}" → getUsersById). Derived names
// never take an operationId's key; derived names that collide get 2, 3… in path then method order.

export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** "GET", "/users/{id}/pets" → "getUsersByIdPets" */
export function derivedName(/** @type {string} */ method, /** @type {string} */ path) {
  const words = [method];
  for (const segment of path.split("/")) {
    for (const piece of segment.split(/(\{[^}]*\})/)) {
      if (!piece) continue;
      const param = /^\{(.*)\}$/.exec(piece);
      if (param) words.push("by");
      words.push(...(param ? param[1] ?? "" : piece).split(/[^A-Za-z0-9]+/).filter(Boolean));
    }
  }
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1))).join("");
  return /^[0-9]/.test(name) ? `op${name}` : name;
}

/**
 * @param {Record<string, any>} doc  the final bundle
 * @param {(item: any) => any} deref
 * @returns {{ entries: { key: string, method: string, path: string, op: any, item: any }[], derived: { key: string, where: string }[] }}
 *   every operation in path then method order, and those whose key was derived
 */
export function operationEntries(doc, deref) {
  /** @type {{ key: string, method: string, path: string, op: any, item: any }[]} */
  const entries = [];
  const paths = Object.keys(doc.paths ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const item = deref(doc.paths[path]) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (op && typeof op === "object") entries.push({ key: typeof op.operationId === "string" && op.operationId ? op.operationId : "", method, path, op, item });
    }
  }
  const taken = new Set(entries.map((e) => e.key).filter(Boolean));
  /** @type {{ key: string, where: string }[]} */
  const derived = [];
  for (const e of entries) {
    if (e.key) continue;
    const base = derivedName(e.method, e.path);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
    taken.add(key);
    e.key = key;
    derived.push({ key, where: `${e.method.toUpperCase()} ${e.path}` });
  }
  return { entries, derived };
}
