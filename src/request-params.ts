// Path and query parameters in their default styles (path: simple, query: form, exploded), checked
// against the generated rules and percent-encoded: what the Sequence and Seam facades need. Every
// other style, header and cookie parameters are src/param-style.ts's; a client whose API has no
// parameters leaves both out of its bundle.
import type { EncodeParams, ParamSpec } from "./request.js";
import { checkId, fail, isWellFormed, type Where } from "./validate.js";

export const PATH_PARAM = /\{([^}]+)\}/g;

/** Checks one value (each element, for an array rule) against its rule; returns the strings to send. */
export function checkValue(value: unknown, rule: ParamSpec, name: string, where: Where): string[] {
  return (rule.array && Array.isArray(value) ? value : [value]).map((v) => {
    const { type, minimum, maximum } = rule;
    const kind = typeof v;
    const ok =
      (!type || kind === (type === "integer" ? "number" : type)) &&
      (kind === "string" ? isWellFormed(v) : kind === "boolean" || (Number.isFinite(v) && (type !== "integer" || Number.isInteger(v)) && !(v < minimum!) && !(v > maximum!)));
    if (!ok || (rule.enum && !rule.enum.includes(v))) {
      const range = minimum !== undefined || maximum !== undefined ? ` from ${minimum ?? "-∞"} to ${maximum ?? "∞"}` : "";
      fail(`must be ${rule.enum ? `one of ${rule.enum.join(", ")}` : type ? `a${type === "integer" ? "n" : ""} ${type}${range}` : "a string, number or boolean"}`, name, where);
    }
    return String(v);
  });
}

/** A path value as its string (a number too, when its rule allows), checked so it cannot change the route. */
export const pathValue = (value: unknown, rule: ParamSpec = {}, name: string, where: Where): string =>
  checkId(typeof value === "string" ? value : checkValue(value, rule, name, where)[0], name, where);

/**
 * The path with each parameter checked as an id that cannot change the route (checkId) and
 * percent-encoded, and the query string (form style, arrays exploded) from the generated rules.
 */
export const encodeParams: EncodeParams = (op, params) => {
  const { path: values, query, header, cookie } = params ?? {};
  const where = { method: op.method, path: op.path };
  const rules = op.params ?? {};
  if (header || cookie) fail("need encodeStyledParams (src/param-style.ts)", header ? "header" : "cookie", where);
  const pathname = op.path.replace(PATH_PARAM, (_, name: string) => encodeURIComponent(pathValue(values?.[name], rules.path?.[name], name, where)));
  let search = "";
  for (const name in query) {
    const rule = rules.query?.[name];
    if (!rule) fail("is not a query parameter of this operation", name, where);
    if (rule.style || rule.content || rule.explode === false) fail("needs encodeStyledParams (src/param-style.ts)", name, where);
    if (query[name] === undefined) continue;
    for (const value of checkValue(query[name], rule, name, where)) search += `${search ? "&" : "?"}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  }
  for (const name in rules.query) if (rules.query[name]!.required && query?.[name] === undefined) fail("is required", name, where);
  return { pathname, search };
};
