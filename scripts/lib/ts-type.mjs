// @ts-check
// JSON-like data as the TypeScript type `as const` would infer for it (readonly properties, readonly
// tuples, literal types), laid out the way prettier (printWidth 100) prints it. The generated data
// modules ship as .js + .d.ts (a consumer's tsc then resolves only the declarations it uses), and
// this prints their declarations; a `Code` value is printed as is (a type: `typeof encodeParams`).
import { Code, tsString } from "./ts-literal.mjs";

const WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** @param {string} key */
const tsKey = (key) => (IDENTIFIER.test(key) ? key : tsString(key));

/**
 * @param {unknown} value
 * @param {{ indent?: string, column?: number, suffix?: string, readonly?: boolean }} [at]
 *   as tsLiteral's; readonly: false for a mutable object (what a plain object literal infers)
 */
export function tsType(value, { indent = "", column = 0, suffix = "", readonly = true } = {}) {
  return print(value, indent, WIDTH - column - suffix.length, readonly);
}

/** One-line form, or null when the value can't be on one line (a non-empty object). @param {unknown} value @returns {string | null} */
function flat(value) {
  if (value === null) return "null";
  if (value instanceof Code) return value.text;
  switch (typeof value) {
    case "string":
      return tsString(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`ts-type: ${value} has no JSON form`);
      return JSON.stringify(value).replace("e+", "e");
    case "boolean":
      return String(value);
    case "object": {
      if (Array.isArray(value)) {
        const items = value.map(flat);
        return items.includes(null) ? null : `readonly [${items.join(", ")}]`;
      }
      return Object.keys(value).length === 0 ? "{}" : null;
    }
    default:
      throw new Error(`ts-type: a ${typeof value} has no JSON form`);
  }
}

/** @param {unknown} value @param {string} indent @param {number} room @param {boolean} readonly @returns {string} */
function print(value, indent, room, readonly) {
  const one = flat(value);
  if (one !== null && (!Array.isArray(value) || one.length <= room)) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `readonly [\n${value.map((v) => `${inner}${print(v, inner, WIDTH - inner.length - 1, true)},\n`).join("")}${indent}]`;
  const obj = /** @type {Record<string, unknown>} */ (value);
  let out = "{\n";
  for (const key of Object.keys(obj)) {
    const k = `${readonly ? "readonly " : ""}${tsKey(key)}: `;
    out += `${inner}${k}${print(obj[key], inner, WIDTH - inner.length - k.length - 1, true)};\n`;
  }
  return `${out}${indent}}`;
}
