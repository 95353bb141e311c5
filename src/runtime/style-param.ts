// One parameter value serialized by its style (OpenAPI 3.x Parameter Object, "Style Values"), and
// RFC 3986 percent-encoding: shared by src/runtime/param-style.ts (every location), query-styles.ts
// (styled query parameters only), deep-object-query.ts (deepObject only) and form-body.ts (form
// bodies), so each bundles only its part.
import type { ParamSpec } from "./request.js";
import { fail, isWellFormed, type Where } from "./validate.js";

type Style = NonNullable<ParamSpec["style"]>;
export type Encode = (text: string) => string;

// Deeper deepObject nesting is refused: Stripe's deepest form fields are 5 levels.
const MAX_DEPTH = 8;

/**
 * RFC 3986 percent-encoding of everything but unreserved characters (encodeURIComponent leaves
 * `!'()*` alone). With allowReserved, reserved characters stay as they are, except those that
 * would end the value in a query string (`&`, `=`, `#`, `+`, which form decoders read as a space).
 */
export const percentEncode = (text: string, allowReserved?: boolean): string => {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return allowReserved ? encoded.replace(/%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/g, decodeURIComponent) : encoded;
};

const isPrimitive = (v: unknown): v is string | number | boolean =>
  typeof v === "string" ? !v || isWellFormed(v) : typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

/**
 * deepObject: an object's (and an array's, Stripe's `expand[0]=…`) leaves as `name[key][key]=value`
 * pairs joined by `join`, encoded with `encode`. Throws ValidationError naming the parameter for a
 * value that is not an object, or nests deeper than MAX_DEPTH.
 */
export function deepObject(name: string, value: unknown, encode: Encode, where: Where, explode?: boolean, join = "&"): string {
  const bad = (what: string): never => fail(`${what} (style deepObject${explode ? ", exploded" : ""})`, name, where);
  if (typeof value !== "object" || value === null) bad("must be an object");
  const out: string[] = [];
  const walk = (v: unknown, at: string, depth: number): void => {
    if (depth > MAX_DEPTH) bad(`must not nest deeper than ${MAX_DEPTH} levels`);
    if (typeof v === "object" && v !== null) {
      for (const [k, item] of Object.entries(v)) if (item !== undefined) walk(item, `${at}${encode("[")}${encode(k)}${encode("]")}`, depth + 1);
    } else if (isPrimitive(v)) out.push(`${at}=${encode(String(v))}`);
    else bad("must hold only strings, numbers, booleans, arrays and objects");
  };
  walk(value, encode(name), 0);
  return out.join(join);
}

/**
 * One parameter serialized as its style says, already percent-encoded with `encode` (path and
 * query; headers pass the identity): for form-like styles the `name=value` pairs joined by `join`.
 * Throws ValidationError naming the parameter for a value the style has no form for.
 */
export function styleParam(name: string, value: unknown, style: Style, explode: boolean, encode: Encode, where: Where, join = "&"): string {
  if (style === "deepObject") return deepObject(name, value, encode, where, explode, join);
  const bad = (what: string): never => fail(`${what} (style ${style}${explode ? ", exploded" : ""})`, name, where);
  const key = encode(name);
  // [name, value] pairs; an object is its entries, an array its items (name repeated), a primitive itself
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  const items: [string, unknown][] = Array.isArray(value) ? value.map((v) => [name, v]) : isObject ? Object.entries(value).filter(([, v]) => v !== undefined) : [[name, value]];
  for (const [, v] of items) if (!isPrimitive(v)) bad(Array.isArray(value) || isObject ? "must not nest arrays or objects" : "must be a string, number, boolean, array or object");
  const primitive = !Array.isArray(value) && !isObject;
  // an empty array or object is "undefined" in RFC 6570 (§2.3): nothing is sent
  if (!primitive && !items.length) return "";
  const values = items.map(([k, v]) => [encode(k), encode(String(v))] as const);
  // the values, and for an object each key before its value: `k=v` when exploded, else `k,v`
  const flat = (sep = explode ? "=" : ",") => values.map(([k, v]) => (isObject ? `${k}${sep}${v}` : v));
  // exploded: each item as its own `name=value` (an object's entries as `key=value`)
  const named = (sep: string) => values.map(([k, v]) => `${isObject ? k : key}=${v}`).join(sep);
  switch (style) {
    case "simple":
      return flat().join(",");
    case "label":
      return `.${flat().join(explode ? "." : ",")}`;
    case "matrix":
      if (primitive && !values[0]![1]) return `;${key}`;
      return primitive || !explode ? `;${key}=${flat().join(",")}` : `;${named(";")}`;
    case "spaceDelimited":
    case "pipeDelimited": {
      if (primitive) bad("must be an array or object");
      // exploded, these two are undefined in the specification: sent as exploded form, which servers read
      const delimiter = style === "spaceDelimited" ? "%20" : "%7C";
      if (!explode) return `${key}=${flat(delimiter).join(delimiter)}`;
    }
    // falls through
    default:
      return primitive || !explode ? `${key}=${flat().join(",")}` : named(join);
  }
}
