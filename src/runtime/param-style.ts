// Every parameter style OpenAPI 3.0 and 3.1 define (Parameter Object, "Style Values" and "Style
// Examples"): query form, spaceDelimited, pipeDelimited and deepObject; path simple, label and
// matrix; header simple; cookie form; and parameters described with `content`. A facade whose API
// needs only the default styles uses src/runtime/request-params.ts instead and leaves this module out.
import type { EncodeParams, ParamSpec } from "./request.js";
import { checkValue, PATH_PARAM } from "./request-params.js";
import { percentEncode, styleParam, type Encode } from "./style-param.js";
import { checkId, fail, type Where } from "./validate.js";

export { percentEncode, styleParam } from "./style-param.js";

const DEFAULT_STYLE = { path: "simple", query: "form", header: "simple", cookie: "form" } as const;
const JSON_MEDIA = /^application\/(.+\+)?json$|\*\/\*/;
// Characters that would end a header or smuggle another into it
const CONTROL = /[\u0000-\u001f\u007f]/;
// Header values must be ByteStrings (fetch throws a TypeError on anything above U+00FF)
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/** One primitive of a path value (a finite number too) as checkId passes it: it cannot change the route. */
function pathValue(value: unknown, spec: ParamSpec, name: string, where: Where): string {
  if (spec.type) checkValue(value, spec, name, where);
  return checkId(typeof value === "number" && Number.isFinite(value) ? String(value) : value, name, where);
}

/** Headers a caller cannot set per call: the client's own (auth, API version) and the cookie it builds. */
const ownedHeaders = (headers: Readonly<Record<string, string>>) => new Set(["authorization", "cookie", ...Object.keys(headers).map((h) => h.toLowerCase())]);

/** One value as its spec says: through `content` (JSON for JSON media, else text) or its style. */
function serialize(name: string, value: unknown, spec: ParamSpec, location: keyof typeof DEFAULT_STYLE, encode: Encode, where: Where, join?: string): string {
  if (spec.type) checkValue(value, spec, name, where);
  if (spec.content) {
    const text = JSON_MEDIA.test(spec.content) ? JSON.stringify(value) : String(value);
    if (location === "path") return encode(text);
    return location === "header" ? text : `${encode(name)}=${encode(text)}`;
  }
  const style = spec.style ?? DEFAULT_STYLE[location];
  return styleParam(name, value, style, spec.explode ?? style === "form", encode, where, join);
}

/**
 * Path, query, header and cookie parameters, each serialized by its own style, explode and
 * allowReserved (or `content`), checked against the generated rules. Path values are checked
 * with checkId before they are styled, so no style can change the route; header values may not
 * hold CR, LF or other controls. Headers the client owns are refused per call.
 */
export const encodeStyledParams: EncodeParams = (op, params = {}, clientHeaders) => {
  const where = { method: op.method, path: op.path };
  const specs = op.params ?? {};
  const owned = ownedHeaders(clientHeaders);
  // a declared header the client sends itself (an API version option) is refused per call too, and never missing
  const ownedHere = (location: string, name: string) => location === "header" && owned.has(name.toLowerCase());
  for (const location of ["query", "header", "cookie"] as const) {
    for (const name in params[location]) {
      if (ownedHere(location, name)) fail("is set by the client (its credentials and API version options), not per call", name, where);
      if (!specs[location]?.[name]) fail(`is not a ${location} parameter of this operation`, name, where);
    }
    for (const name in specs[location]) if (specs[location][name]!.required && params[location]?.[name] == null && !ownedHere(location, name)) fail("is required", name, where);
  }
  const pathname = op.path.replace(PATH_PARAM, (_, name: string) => {
    const spec = specs.path?.[name] ?? {};
    const value = params.path?.[name];
    // every primitive that reaches the path is an id that must not re-route the request
    const check = (v: unknown) => pathValue(v, spec, name, where);
    if (typeof value !== "object" || value === null) check(value);
    else if (Object.keys(value).length) Object.entries(value).forEach(([k, v]) => (Array.isArray(value) || check(k), check(v)));
    else fail("must not be empty", name, where);
    return serialize(name, value, spec, "path", percentEncode, where);
  });
  const query: string[] = [];
  for (const name in params.query) {
    const spec = specs.query![name]!;
    const value = params.query[name];
    if (value != null) query.push(serialize(name, value, spec, "query", (text) => percentEncode(text, spec.allowReserved), where));
  }
  const headers: Record<string, string> = { ...clientHeaders };
  for (const name in params.header) {
    const value = params.header[name];
    if (value == null) continue;
    const text = serialize(name, value, specs.header![name]!, "header", String, where);
    if (CONTROL.test(text) || NOT_LATIN1.test(text)) fail("must not hold CR, LF, other control characters or characters above U+00FF", name, where);
    headers[name.toLowerCase()] = text;
  }
  const cookies: string[] = [];
  for (const name in params.cookie) {
    const value = params.cookie[name];
    if (value != null) cookies.push(serialize(name, value, specs.cookie![name]!, "cookie", percentEncode, where, "; "));
  }
  if (cookies.length) headers.cookie = cookies.join("; ");
  const search = query.filter(Boolean).join("&");
  return { pathname, search: search && `?${search}`, headers };
};
