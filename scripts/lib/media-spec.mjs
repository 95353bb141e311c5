// @ts-check
// The media types of an operation's request body (BodySpec in src/request.ts) and of its 2xx
// response, as the spec declares them.

const FORM = ["multipart/form-data", "application/x-www-form-urlencoded"];
const SUCCESS = /^2(\d\d|XX)$/i;

/** "Application/JSON; charset=utf-8" → "application/json" */
const essence = (/** @type {string} */ media) => (media.split(";")[0] ?? "").trim().toLowerCase();
const jsonRank = (/** @type {string} */ media) => (essence(media) === "application/json" ? 0 : /\+json$/.test(essence(media)) ? 1 : 2);

/**
 * @param {any} body  a resolved Request Body Object
 * @param {(s: any) => any} deref
 * @returns {Record<string, unknown> | string}  the spec, or why it cannot be sent
 */
export function bodySpec(body, deref) {
  const content = body?.content;
  const declared = content && typeof content === "object" ? Object.keys(content) : [];
  if (declared.length === 0) return "declares no media type";
  // JSON first (the caller's default), then as declared: a stable sort keeps the spec's order.
  const media = [...declared].sort((a, b) => jsonRank(a) - jsonRank(b));
  /** @type {Record<string, Record<string, Record<string, unknown>>>} */
  const encoding = {};
  for (const m of media) {
    if (!FORM.includes(essence(m))) continue;
    const declaredEncoding = deref(content[m])?.encoding;
    if (!declaredEncoding || typeof declaredEncoding !== "object") continue;
    for (const [property, raw] of Object.entries(declaredEncoding)) {
      const e = deref(raw) ?? {};
      /** @type {Record<string, unknown>} */
      const out = {};
      if (typeof e.contentType === "string") out.contentType = e.contentType;
      if (typeof e.style === "string") out.style = e.style;
      if (typeof e.explode === "boolean") out.explode = e.explode;
      if (e.allowReserved === true) out.allowReserved = true;
      if (Object.keys(out).length) (encoding[m] ??= {})[property] = out;
    }
  }
  return {
    ...(body.required === true && { required: true }),
    media,
    ...(Object.keys(encoding).length && { encoding }),
  };
}

/**
 * The first 2xx response's media types (exact codes before 2XX); undefined when that is only
 * application/json, [] when no 2xx response declares content.
 * @param {any} op
 * @param {(s: any) => any} deref
 * @returns {string[] | undefined}
 */
export function responseMedia(op, deref) {
  const statuses = Object.keys(op.responses ?? {})
    .filter((s) => SUCCESS.test(s))
    .sort((a, b) => (a.toUpperCase() < b.toUpperCase() ? -1 : 1));
  for (const status of statuses) {
    const content = deref(op.responses[status])?.content;
    const media = content && typeof content === "object" ? Object.keys(content) : [];
    if (media.length === 0) continue;
    return media.length === 1 && media[0] === "application/json" ? undefined : media;
  }
  return [];
}
