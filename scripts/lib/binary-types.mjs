// @ts-check
// openapi-typescript types binary schemas as `string` (openapi-typescript docs, "Blob supports"), so a
// caller could not pass the Blob, ArrayBuffer, typed array or stream the runtime sends
// (src/runtime/body-encoding.ts, multipart.ts) nor see the Blob it returns (response-media.ts).
// This is its documented `transform` hook: request bodies take what the runtime sends, responses
// are the Blob it hands back. Inside a JSON body a binary string stays a string (JSON has no bytes).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** @type {typeof import("typescript")} openapi-typescript's own CommonJS TypeScript, already loaded */
const ts = require("typescript");
const f = ts.factory;

const ref = (/** @type {string} */ name, /** @type {import("typescript").TypeNode[]} */ ...args) => f.createTypeReferenceNode(name, args.length ? args : undefined);
const STRING = f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
const NULL = f.createLiteralTypeNode(f.createNull());
/** A part of a multipart body (or a shared component): what multipart.ts sends as a file part. */
const PART = [ref("Blob"), ref("ArrayBuffer"), ref("ArrayBufferView"), STRING];
/** A whole binary request body: body-encoding.ts also streams a ReadableStream. */
const BODY = [...PART.slice(0, 3), ref("ReadableStream", ref("Uint8Array")), STRING];
const TEXT_MEDIA = /^(text\/|application\/(.+\+)?(json|xml)\b)/i;

/**
 * True for `format: binary`, JSON Schema's `contentEncoding: binary`, and OpenAPI 3.1's raw bytes:
 * `contentMediaType` of a non-text type with no `contentEncoding` (base64 text stays a string).
 * @param {Record<string, any>} schema
 */
export function isBinarySchema(schema) {
  const types = [schema.type].flat();
  if (!types.includes("string")) return false;
  if (schema.format === "binary" || schema.contentEncoding === "binary") return true;
  return typeof schema.contentMediaType === "string" && schema.contentEncoding === undefined && !TEXT_MEDIA.test(schema.contentMediaType);
}

/**
 * openapi-typescript's `transform` option: a binary schema's type by where it sits (the pointer in
 * `metadata.path`, which ends at the media type for a whole body), or undefined to keep its own.
 * openapi-typescript calls it twice for an object's property, the second time with the object's
 * path (transform/schema-object.ts), so a property's type is remembered from the first call
 * (by object and path: a bundle may share one schema object between places).
 * @returns {(schema: Record<string, any>, metadata: { path?: string }) => import("typescript").TypeNode | undefined}
 */
export function binaryTransform() {
  /** @type {WeakMap<object, { parent: string, type: import("typescript").TypeNode | undefined }>} */
  const properties = new WeakMap();
  return (schema, metadata) => {
    const pointer = metadata.path ?? "";
    const first = properties.get(schema);
    if (first?.parent === pointer) return first.type;
    if (!isBinarySchema(schema)) return undefined;
    const path = pointer.split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    // the body's media types: requestBody/content, requestBodies/<name>/content, responses/<code or name>/content
    const content = path.findIndex((s, i) => s === "content" && (path[i - 1] === "requestBody" || path[i - 2] === "requestBodies" || path[i - 2] === "responses"));
    const whole = content > 0 && path.length === content + 2 && path[content - 2] !== "responses";
    const type = typeAt(schema, path, content, whole);
    properties.set(schema, { parent: pointer.slice(0, pointer.lastIndexOf("/")), type });
    return type;
  };
}

/** @param {Record<string, any>} schema @param {string[]} path @param {number} content @param {boolean} whole */
function typeAt(schema, path, content, whole) {
  if (path.includes("parameters")) return undefined; // parameters are sent as text
  if (content >= 0 && /^application\/(.+\+)?json\b/i.test(path[content + 1] ?? "")) return undefined;
  const nullable = schema.nullable === true || [schema.type].flat().includes("null");
  const types = path.includes("responses") ? [ref("Blob")] : whole ? BODY : PART;
  return f.createUnionTypeNode(nullable ? [...types, NULL] : types);
}
