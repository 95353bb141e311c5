// @ts-check
// Local $refs ("#/components/schemas/a%20b") resolved the way Redocly and openapi-typescript do:
// a $ref is a URI fragment, so each token is percent-decoded first, then ~1 → "/" and ~0 → "~"
// (RFC 6901 §6 and §4).

/** The decoded tokens of a local $ref; null when it is not one ("other.yaml#/x", a malformed "%"). */
export function pointerTokens(/** @type {string} */ ref) {
  if (!ref.startsWith("#")) return null;
  try {
    return ref
      .slice(1)
      .split("/")
      .slice(1)
      .map((t) => decodeURIComponent(t).replace(/~1/g, "/").replace(/~0/g, "~"));
  } catch {
    return null;
  }
}

/** The node a local $ref points at, or undefined when it points at nothing. */
export function resolvePointer(/** @type {any} */ doc, /** @type {string} */ ref) {
  const tokens = pointerTokens(ref);
  if (!tokens) return undefined;
  let node = doc;
  for (const t of tokens) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, t)) return undefined;
    node = node[t];
  }
  return node;
}

/**
 * Follows $refs (a chain of them too) to the node they end at. A ref that points at nothing, or a
 * chain that loops, calls `broken` with the $ref, which throws a GenerateError naming it.
 * @param {Record<string, any>} doc
 * @param {(ref: string, why: string) => never} broken
 * @returns {(node: any) => any}
 */
export function makeDeref(doc, broken) {
  return (node) => {
    const seen = new Set();
    while (node && typeof node === "object" && typeof node.$ref === "string") {
      const ref = node.$ref;
      if (seen.has(ref)) broken(ref, "refers to itself");
      seen.add(ref);
      const next = resolvePointer(doc, ref);
      if (next === undefined) broken(ref, "points at nothing in the bundle");
      node = next;
    }
    return node;
  };
}
