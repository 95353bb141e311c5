// application/x-www-form-urlencoded request bodies (each property by its Encoding Object's style,
// including the bracketed deepObject nesting Stripe uses), and the encoder for operations whose
// bodies are form or JSON only (all of Stripe's but one): it leaves multipart and binary bodies
// (src/runtime/body-encoding.ts) out of their bundles.
import type { EncodeBody, EncodingSpec, OperationSpec } from "./request.js";
import { percentEncode, styleParam } from "./style-param.js";
import { fail, type Where } from "./validate.js";

export const JSON_MEDIA = /^application\/(.+\+)?json\b/;
const FORM = "application/x-www-form-urlencoded";

/** application/x-www-form-urlencoded: each property as a query parameter of its Encoding Object's style. */
export function encodeForm(body: unknown, encoding: { readonly [property: string]: EncodingSpec } = {}, where: Where): string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) fail(`must be an object for ${FORM}`, "body", where);
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const { style, explode, allowReserved, contentType } = encoding[name] ?? {};
    const encode = (text: string) => percentEncode(text, allowReserved);
    // an Encoding Object with only a contentType: the value serialized as that media type
    if (contentType && !style && explode === undefined && typeof value === "object" && value !== null) {
      pairs.push(`${encode(name)}=${encode(JSON_MEDIA.test(contentType) ? JSON.stringify(value) : String(value))}`);
    } else {
      // Stripe declares deepObject for every property, primitives included, and takes those as plain
      // `name=value`; deepObject has no form for a primitive, so it is sent as form style
      const s = (style === "deepObject" && (typeof value !== "object" || value === null) ? "form" : (style ?? "form")) as "form";
      pairs.push(styleParam(name, value, s, explode ?? s === "form", encode, where));
    }
  }
  return pairs.filter(Boolean).join("&");
}

/** The media type to send: the caller's `contentType` (one the operation declares), else the first declared (JSON when offered). */
export function bodyMedia(op: OperationSpec, contentType: string | undefined, where: Where): string {
  const declared = op.body?.media ?? [];
  if (contentType !== undefined && !declared.includes(contentType)) fail(`must be one of ${declared.join(", ") || "(no request body)"}`, "contentType", where);
  return contentType ?? declared[0] ?? "application/json";
}

/** A form or JSON body, as the caller picked (`contentType`) or the spec lists first. */
export const encodeFormBody: EncodeBody = (op, { body, contentType }, init, where) => {
  const media = bodyMedia(op, contentType, where);
  init.body = media === FORM ? encodeForm(body, op.body?.encoding?.[media], where) : JSON.stringify(body);
  init.headers = { ...init.headers, "content-type": media };
};
