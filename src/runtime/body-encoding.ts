// Request bodies by media type, for APIs that send more than JSON: application/json and *+json,
// multipart/form-data (src/runtime/multipart.ts), application/x-www-form-urlencoded
// (src/runtime/form-body.ts), text/*, and binary media from a Blob, ArrayBuffer, typed array or
// ReadableStream. Pass `encodeBody` to createRequester; the Sequence and Seam facades send only JSON
// and leave this module out. A generated operation names it only when it has such a body.
import type { EncodeBody } from "./request.js";
import { bodyMedia, encodeForm, JSON_MEDIA } from "./form-body.js";
import { encodeMultipart } from "./multipart.js";
import { fail, type Where } from "./validate.js";

/** A binary body as fetch takes it; a stream is marked to be sent once. */
function binary(body: unknown, name: string, where: Where): Blob | ArrayBuffer | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | string {
  if (body instanceof Blob || body instanceof ArrayBuffer || typeof body === "string" || body instanceof ReadableStream) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  return fail("must be a Blob, ArrayBuffer, typed array, ReadableStream or string", name, where);
}

/**
 * Puts `input.body` into `init` as the media type the caller picked (`contentType`, one the
 * operation declares) or the first the spec lists (JSON when offered), with its content-type.
 */
export const encodeBody: EncodeBody = (op, { body, contentType }, init, where) => {
  const media = bodyMedia(op, contentType, where);
  let type = media;
  let data: NonNullable<typeof init.body>;
  if (JSON_MEDIA.test(media)) data = JSON.stringify(body);
  else if (media.startsWith("multipart/form-data")) ({ body: data, type } = encodeMultipart(body, op.body?.encoding?.[media], where));
  else if (media === "application/x-www-form-urlencoded") data = encodeForm(body, op.body?.encoding?.[media], where);
  else if (media.startsWith("text/") && typeof body !== "object") {
    if (typeof body === "function" || typeof body === "symbol") fail(`must be a string for ${media}`, "body", where);
    data = String(body);
  } else if (media === "*/*" && typeof body === "object" && body !== null && !ArrayBuffer.isView(body) && !(body instanceof Blob) && !(body instanceof ArrayBuffer) && !(body instanceof ReadableStream)) {
    data = JSON.stringify(body);
    type = "application/json";
  } else {
    data = binary(body, "body", where);
    // a range (image/*, */*) is narrowed by the Blob's own type
    if (media.includes("*")) type = (data instanceof Blob && data.type) || (typeof data === "string" ? "text/plain" : "application/octet-stream");
  }
  if (data instanceof ReadableStream) init.duplex = "half";
  init.body = data;
  init.headers = { ...init.headers, "content-type": type };
};
