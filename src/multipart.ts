// multipart/form-data request bodies (RFC 7578), built here rather than with the platform's
// FormData so each part gets the Content-Type its Encoding Object gives, and a JSON part carries no
// invented filename. The result is a Blob: file parts are not copied, and a retry can send it again.
import type { EncodingSpec } from "./request.js";
import { fail, type Where } from "./validate.js";

// RFC 7578 §4.2 (and the HTML form encoding browsers use): in a quoted name or filename, `"`, CR
// and LF are percent-encoded, so no value can close the quotes, add a header or start a part.
const quote = (text: string) => `"${text.replace(/["\r\n]/g, (c) => encodeURIComponent(c))}"`;
const JSON_MEDIA = /^application\/(.+\+)?json\b/;
const TEXT_MEDIA = /^text\//;

const isBinary = (v: unknown): v is Blob | ArrayBuffer | ArrayBufferView => v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v);

function boundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `----vac${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The body and its content-type for a multipart/form-data request: each property a part, arrays as
 * repeated parts, Blobs (and Files, with their name), ArrayBuffers and typed arrays as file parts,
 * strings, numbers and booleans as text, other objects as JSON parts. `encoding` gives a part's
 * Content-Type; a binary one (not text/*, not JSON) takes only binary values or strings.
 */
export function encodeMultipart(body: unknown, encoding: { readonly [property: string]: EncodingSpec } = {}, where: Where): { body: Blob; type: string } {
  if (typeof body !== "object" || body === null || isBinary(body) || Array.isArray(body)) fail("must be an object of parts for multipart/form-data", "body", where);
  const b = boundary();
  const chunks: BlobPart[] = [];
  const part = (name: string, value: unknown, declared?: string, depth = 0): void => {
    if (value == null) return;
    if (Array.isArray(value) && !depth) return value.forEach((item) => part(name, item, declared, 1));
    const type = declared?.split(",")[0]!.trim();
    if (type && /[\r\n]/.test(type)) fail("has a contentType with CR or LF", name, where);
    let head = `--${b}\r\nContent-Disposition: form-data; name=${quote(name)}`;
    let content: BlobPart;
    if (isBinary(value)) {
      const blob = value instanceof Blob ? value : new Blob([value as ArrayBuffer]);
      const file = (value as File).name;
      head += `; filename=${quote(typeof file === "string" && file ? file : "blob")}\r\nContent-Type: ${(blob.type || (type && !type.includes("*") ? type : "")) || "application/octet-stream"}`;
      content = blob;
    } else {
      const kind = typeof value;
      const binaryPart = type && !TEXT_MEDIA.test(type) && !JSON_MEDIA.test(type);
      if (kind === "object" && !binaryPart) {
        content = JSON.stringify(value);
        head += `\r\nContent-Type: ${type && JSON_MEDIA.test(type) ? type : "application/json"}`;
      } else if (kind === "string" || ((kind === "number" || kind === "boolean") && !binaryPart && (kind !== "number" || Number.isFinite(value)))) {
        content = String(value);
        if (type && type !== "text/plain") head += `\r\nContent-Type: ${type.includes("*") ? "application/octet-stream" : type}`;
      } else {
        fail(`must be ${binaryPart ? "a Blob, File, ArrayBuffer, typed array or string" : "a Blob, string, number, boolean or a JSON value"} for multipart/form-data`, name, where);
      }
    }
    chunks.push(`${head}\r\n\r\n`, content, "\r\n");
  };
  for (const [name, value] of Object.entries(body)) part(name, value, encoding[name]?.contentType);
  chunks.push(`--${b}--\r\n`);
  return { body: new Blob(chunks), type: `multipart/form-data; boundary=${b}` };
}
