// @ts-check
/**
 * Replaces, in place, each object met a second time (a YAML alias, or a value an overlay action
 * put in several places) with a copy. Redocly's walker visits an object once however many places
 * hold it, while the bundle's text spells out every copy and is linted as such.
 * @param {Record<string, any>} root
 */
export function unshare(root) {
  const seen = new WeakSet();
  /** @type {(v: any) => any} */
  const copy = (v) => (v === null || typeof v !== "object" ? v : Array.isArray(v) ? v.map(copy) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])));
  const visit = (/** @type {any} */ node) => {
    seen.add(node);
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (value === null || typeof value !== "object") continue;
      if (seen.has(value)) node[key] = copy(value);
      else visit(value);
    }
  };
  visit(root);
  return root;
}
