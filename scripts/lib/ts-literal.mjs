// @ts-check
// JSON-like data as a TypeScript literal, laid out the way prettier (printWidth 100, its defaults)
// prints it, so the templated modules are written already formatted and generate needs no
// formatter at run time. test/generated-tools.test.ts runs `prettier --check` over generated/ and
// test/ts-literal.test.ts compares this with prettier on generated data.
// The rules used: an object is always one key per line (prettier keeps an object broken when the
// source has a newline after `{`); an array goes on one line when it fits, else one item per line
// (all-number arrays fill lines instead); trailing commas; keys unquoted where they are identifiers;
// strings in double quotes unless they hold more double than single quotes.

const WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An identifier (or other expression) printed as is: a generated module's reference to an import or another export. */
export class Code {
  constructor(/** @type {string} */ text) {
    this.text = text;
  }
}

/** @param {string} s */
export function tsString(s) {
  const json = JSON.stringify(s);
  const doubles = (s.match(/"/g) ?? []).length;
  const singles = (s.match(/'/g) ?? []).length;
  if (doubles <= singles) return json;
  // prettier switches to single quotes and drops the now-needless escapes.
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** @param {string} key */
const tsKey = (key) => (IDENTIFIER.test(key) ? key : tsString(key));

/** @param {number} n */
function tsNumber(n) {
  if (!Number.isFinite(n)) throw new Error(`ts-literal: ${n} has no JSON form`);
  return JSON.stringify(n).replace("e+", "e");
}

/**
 * @param {unknown} value
 * @param {{ indent?: string, column?: number, suffix?: string }} [at]
 *   indent: the indentation of the line the literal starts on; column: where on that line it starts;
 *   suffix: what follows it on that line (for instance ` as const;`), which counts toward the width.
 */
export function tsLiteral(value, { indent = "", column = 0, suffix = "" } = {}) {
  return print(value, indent, WIDTH - column - suffix.length);
}

/** One-line form, or null when the value can't be on one line (a non-empty object). @param {unknown} value @returns {string | null} */
function flat(value) {
  if (value === null) return "null";
  if (value instanceof Code) return value.text;
  switch (typeof value) {
    case "string":
      return tsString(value);
    case "number":
      return tsNumber(value);
    case "boolean":
      return String(value);
    case "object": {
      if (Array.isArray(value)) {
        if (value.length === 0) return "[]";
        const items = value.map(flat);
        return items.includes(null) ? null : `[${items.join(", ")}]`;
      }
      return Object.keys(value).length === 0 ? "{}" : null;
    }
    default:
      throw new Error(`ts-literal: a ${typeof value} has no JSON form`);
  }
}

/** @param {unknown} value @param {string} indent @param {number} room  columns left on the first line @returns {string} */
function print(value, indent, room) {
  const one = flat(value);
  if (one !== null) {
    // Scalars and empty collections can't break; an array that fits stays on one line.
    if (!Array.isArray(value) || value.length === 0) return one;
    if (one.length <= room && !forcedBreak(value)) return one;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "number")) return fillNumbers(value.map((v) => tsNumber(/** @type {number} */ (v))), indent);
    return `[\n${value.map((v) => `${inner}${print(v, inner, WIDTH - inner.length - 1)},\n`).join("")}${indent}]`;
  }
  const obj = /** @type {Record<string, unknown>} */ (value);
  let out = "{\n";
  for (const key of Object.keys(obj)) {
    const k = tsKey(key);
    out += `${inner}${k}: ${print(obj[key], inner, WIDTH - inner.length - k.length - 3)},\n`;
  }
  return `${out}${indent}}`;
}

/** prettier breaks an array of 2+ items that are all non-empty objects, or all arrays of 2+ items. @param {unknown[]} arr */
function forcedBreak(arr) {
  if (arr.length < 2) return false;
  const isObj = (/** @type {unknown} */ v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Code) && Object.keys(v).length > 0;
  const isArr = (/** @type {unknown} */ v) => Array.isArray(v) && v.length > 1;
  return arr.every(isObj) || arr.every(isArr);
}

/** An all-number array that doesn't fit: as many per line as fit. @param {string[]} items @param {string} indent */
function fillNumbers(items, indent) {
  const inner = `${indent}  `;
  /** @type {string[]} */
  const lines = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line} ${item},` : `${item},`;
    if (line && inner.length + next.length > WIDTH) {
      lines.push(line);
      line = `${item},`;
    } else line = next;
  }
  lines.push(line);
  return `[\n${lines.map((l) => `${inner}${l}\n`).join("")}${indent}]`;
}

/**
 * `export const <id> = <literal>;`, as prettier lays it out: when `export const <id> = {` alone
 * passes the width, the value moves to the next line, indented.
 * @param {string} id @param {unknown} value
 */
export function exportConst(id, value) {
  const start = `export const ${id} =`;
  if (`${start} {`.length <= WIDTH) return `${start} ${tsLiteral(value, { column: start.length + 1, suffix: ";" })};\n`;
  return `${start}\n  ${tsLiteral(value, { indent: "  ", column: 2, suffix: ";" })};\n`;
}
