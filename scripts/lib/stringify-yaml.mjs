// @ts-check
// The bundle as YAML: byte for byte what `yaml`'s public API writes (stringifyWithYaml below:
// a Document with { lineWidth: 0, aliasDuplicateObjects: false }, every string that a YAML 1.1 or
// 1.2 parser would read as another type double-quoted), about five times faster on a large spec. yaml builds a
// node tree for the whole document and then prints it; this walks the plain JSON data once and asks
// yaml's own stringifyString (its public `yaml/util` export) how to write each string, so quoting
// and block scalars follow yaml's rules exactly. Anything else (a value JSON cannot hold, a key
// over 1024 characters) makes the whole document go through yaml's stringify instead.
import { createRequire } from "node:module";
import { Document, visit } from "yaml";
import { stringifyString } from "yaml/util";
import { isAmbiguousPlain } from "./yaml-ambiguous.mjs";

const OPTIONS = /** @type {const} */ ({ lineWidth: 0, aliasDuplicateObjects: false });
const { version } = createRequire(import.meta.url)("yaml/package.json");
// The printing rules mirrored below (stringifyPair, stringifyBlockCollection, stringifyNumber) are
// yaml 2's; another major version takes the slow path.
const FAST = /^2\./.test(version);

class Unusual extends Error {}

/** @param {unknown} doc */
export function stringifyYaml(doc) {
  if (FAST && doc !== null && typeof doc === "object" && !Array.isArray(doc) && Object.keys(doc).length > 0) {
    try {
      if (Object.getPrototypeOf(doc) !== Object.prototype) throw new Unusual();
      return `${new Emitter().map(/** @type {Record<string, unknown>} */ (doc), "")}\n`;
    } catch (error) {
      if (!(error instanceof Unusual)) throw error;
    }
  }
  return stringifyWithYaml(doc);
}

/** The reference: yaml's public API only. Also the path for anything the emitter below won't take. @param {unknown} doc */
export function stringifyWithYaml(doc) {
  const document = new Document(doc, OPTIONS);
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && isAmbiguousPlain(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return document.toString(OPTIONS);
}

class Emitter {
  constructor() {
    const document = new Document();
    // yaml's createStringifyContext() defaults, with our options on top.
    this.options = {
      blockQuote: true,
      defaultKeyType: null,
      defaultStringType: "PLAIN",
      directives: null,
      doubleQuotedAsJSON: false,
      doubleQuotedMinMultiLineLength: 40,
      falseStr: "false",
      flowCollectionPadding: true,
      indentSeq: true,
      minContentWidth: 20,
      nullStr: "null",
      simpleKeys: false,
      singleQuote: null,
      trailingComma: false,
      trueStr: "true",
      verifyAliasOrder: true,
      ...OPTIONS,
    };
    this.doc = document;
    /** single-line strings don't depend on their indentation: cache them, keys apart from values */
    /** @type {Map<string, string>} */
    this.values = new Map();
    /** @type {Map<string, string>} */
    this.keys = new Map();
  }

  /** @param {string} value @param {string} indent @param {boolean} implicitKey */
  string(value, indent, implicitKey) {
    const plain = !value.includes("\n") && !/^(%|---|\.\.\.)/m.test(value);
    const cache = implicitKey ? this.keys : this.values;
    if (plain) {
      const hit = cache.get(value);
      if (hit !== undefined) return hit;
    }
    const ctx = { actualString: true, doc: this.doc, indent, indentStep: "  ", implicitKey, inFlow: null, options: this.options };
    const type = isAmbiguousPlain(value) ? "QUOTE_DOUBLE" : undefined;
    const text = stringifyString(/** @type {any} */ ({ value, type }), /** @type {any} */ (ctx));
    if (plain) cache.set(value, text);
    return text;
  }

  /** A scalar, or null when `value` is a collection. @param {unknown} value @param {string} indent */
  scalar(value, indent) {
    switch (typeof value) {
      case "string":
        return this.string(value, indent, false);
      case "number":
        if (!Number.isFinite(value)) throw new Unusual();
        return Object.is(value, -0) ? "-0" : JSON.stringify(value);
      case "boolean":
        return value ? "true" : "false";
      case "object":
        return value === null ? "null" : null;
      default:
        throw new Unusual();
    }
  }

  /** A block map at `indent` (the indentation of its own lines). @param {Record<string, unknown>} obj @param {string} indent */
  map(obj, indent) {
    const inner = `${indent}  `;
    let out = "";
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === undefined) throw new Unusual();
      const k = this.string(key, inner, true);
      if (k.length > 1024) throw new Unusual();
      if (out) out += `\n${indent}`;
      out += `${k}:${this.value(value, inner)}`;
    }
    return out;
  }

  /** A block sequence at `indent`. @param {unknown[]} arr @param {string} indent */
  seq(arr, indent) {
    const inner = `${indent}  `;
    let out = "";
    for (let i = 0; i < arr.length; i++) {
      if (!(i in arr) || arr[i] === undefined) throw new Unusual();
      if (i > 0) out += `\n${indent}`;
      out += `- ${this.item(arr[i], inner)}`;
    }
    return out;
  }

  /** What follows `key:` for a value whose lines are indented by `indent`. @param {unknown} value @param {string} indent */
  value(value, indent) {
    const s = this.scalar(value, indent);
    if (s !== null) return ` ${s}`;
    const c = this.collection(/** @type {object} */ (value), indent);
    return c === "{}" || c === "[]" ? ` ${c}` : `\n${indent}${c}`;
  }

  /** A sequence item at `indent`. @param {unknown} value @param {string} indent */
  item(value, indent) {
    return this.scalar(value, indent) ?? this.collection(/** @type {object} */ (value), indent);
  }

  /** @param {object} value @param {string} indent */
  collection(value, indent) {
    if (Array.isArray(value)) return value.length === 0 ? "[]" : this.seq(value, indent);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new Unusual(); // Date, Map, class instances…
    const obj = /** @type {Record<string, unknown>} */ (value);
    return Object.keys(obj).length === 0 ? "{}" : this.map(obj, indent);
  }
}
