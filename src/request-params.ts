// Path and query parameters in their default styles (path: simple, query: form, exploded) with
// string path values, checked against the generated rules and percent-encoded: what the Sequence
// facade needs. Every other style, number path values, header and cookie parameters need
// src/param-style.ts; a client whose API has no parameters leaves both out of its bundle.
import { need, type EncodeParams, type ParamSpec } from "./request.js";
import { checkId, fail, isWellFormed, type Where } from "./validate.js";

export const PATH_PARAM = /\{([^}]+)\}/g;

/** Checks one value (each element, for an array rule) against its rule's type; returns the strings to send. */
export function checkValue(value: unknown, rule: ParamSpec, name: string, where: Where): string[] {
  return (rule.array && Array.isArray(value) ? value : [value]).map((v) => {
    const { type, minimum, maximum } = rule;
    const ok =
      type === "string" ? typeof v === "string" && isWellFormed(v)
      : type === "boolean" ? typeof v === "boolean"
      : typeof v === "number" && Number.isFinite(v) && (type !== "integer" || Number.isInteger(v)) && !(v < minimum!) && !(v > maximum!);
    if (!ok || (rule.enum && !rule.enum.includes(v))) {
      const range = minimum !== undefined || maximum !== undefined ? ` from ${minimum ?? "-∞"} to ${maximum ?? "∞"}` : "";
      fail(`must be ${rule.enum ? `one of ${rule.enum.join(", ")}` : `a${type === "integer" ? "n" : ""} ${type}${range}`}`, name, where);
    }
    return String(v);
  });
}

/**
 * The path with each parameter checked as an id that cannot change the route (checkId) and
 * percent-encoded, and the query string (form style, arrays exploded) from the generated rules.
 */
export const encodeParams: EncodeParams = (op, params = {}) => {
  const { path: values, query } = params;
  const where = { method: op.method, path: op.path };
  const rules = op.params?.query;
  if (params.header || params.cookie) need("encodeStyledParams", where);
  const pathname = op.path.replace(PATH_PARAM, (_, name: string) => encodeURIComponent(checkId(values?.[name], name, where)));
  let search = "";
  for (const name in query) {
    const rule = rules?.[name];
    if (!rule) fail("is not a query parameter of this operation", name, where);
    if (!rule.type || rule.style || rule.content || rule.explode === false) need("encodeStyledParams", where);
    if (query[name] === undefined) continue;
    for (const value of checkValue(query[name], rule, name, where)) search += `${search ? "&" : "?"}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  }
  for (const name in rules) if (rules[name]!.required && query?.[name] === undefined) fail("is required", name, where);
  return { pathname, search };
};
