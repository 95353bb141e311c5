// @ts-check
// One parameter's ParamSpec (src/runtime/request.ts): its serialization where it differs from the OpenAPI
// defaults, and the value checks a primitive (or array of primitives) schema allows.

const PRIMITIVES = ["string", "integer", "number", "boolean"];
/** The styles each location allows; the first is its default (OpenAPI 3.1, "Style Values"). */
const STYLES = /** @type {Record<string, string[]>} */ ({
  query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
  path: ["simple", "label", "matrix"],
  header: ["simple"],
  cookie: ["form"],
});

/**
 * @param {any} p  a resolved Parameter Object with a known `in`
 * @param {(s: any) => any} deref
 * @returns {Record<string, unknown> | string}  the spec, or why it cannot be sent
 */
export function paramSpec(p, deref) {
  const styles = /** @type {string[]} */ (STYLES[p.in]);
  /** @type {Record<string, unknown>} */
  const spec = {};
  let schema;
  if (p.content !== undefined) {
    const [media, ...more] = Object.keys(p.content ?? {});
    if (!media) return "has an empty `content`";
    // The spec allows exactly one entry; the first is the one openapi-typescript types too.
    void more;
    spec.content = media;
    schema = deref(p.content[media]?.schema ?? {});
  } else {
    const style = p.style ?? styles[0];
    if (!styles.includes(style)) return `has style "${style}", which a ${p.in} parameter cannot have (${styles.join(", ")})`;
    if (style !== styles[0]) spec.style = style;
    const explode = p.explode ?? style === "form";
    if (explode !== (style === "form")) spec.explode = explode;
    if (p.allowReserved === true && p.in === "query") spec.allowReserved = true;
    schema = deref(p.schema ?? {});
  }
  // a path parameter is always required (OAS), and every encoder checks each one: not written
  if (p.required === true && p.in !== "path") spec.required = true;
  Object.assign(spec, valueChecks(schema, deref));
  return spec;
}

/** type/array/minimum/maximum/enum of a primitive or an array of primitives, else nothing. */
function valueChecks(/** @type {any} */ schema, /** @type {(s: any) => any} */ deref) {
  /** @type {Record<string, unknown>} */
  const out = {};
  if (!schema || typeof schema !== "object") return out;
  let item = schema;
  if (schema.type === "array") {
    item = deref(schema.items ?? {});
    if (!item || typeof item !== "object") return {};
  }
  // A 3.1 type list, nullable, or a composition: several kinds of value are allowed; check none.
  if (item.nullable === true || item.oneOf || item.anyOf || item.allOf || item.not) return {};
  // An enum without `type` still lists every value allowed.
  const enumOnly = item.type === undefined && Array.isArray(item.enum);
  if (!PRIMITIVES.includes(item.type) && !enumOnly) return {};
  if (schema !== item) out.array = true;
  if (!enumOnly) out.type = item.type;
  if (typeof item.minimum === "number" && Number.isFinite(item.minimum)) out.minimum = item.minimum;
  if (typeof item.maximum === "number" && Number.isFinite(item.maximum)) out.maximum = item.maximum;
  if (Array.isArray(item.enum) && item.enum.every((/** @type {unknown} */ v) => v !== null && typeof v !== "object")) out.enum = item.enum;
  return out;
}
