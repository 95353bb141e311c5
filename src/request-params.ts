// Path and query parameters for the request helper, checked against the generated rules and
// percent-encoded. A client whose API has no parameters leaves this out of its bundle.
import type { OperationSpec, ParamRule, Params } from "./request.js";
import { checkId, fail, isWellFormed, type Where } from "./validate.js";

const PATH_PARAM = /\{([^}]+)\}/g;

/** Checks one query value against its rule; returns it as the strings to send. */
function serialize(value: unknown, rule: ParamRule, name: string, where: Where): string[] {
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
export function encodeParams(op: OperationSpec, params: Params | undefined): { pathname: string; search: string } {
  const { path: values, query } = params ?? {};
  const where = { method: op.method, path: op.path };
  const pathname = op.path.replace(PATH_PARAM, (_, name: string) => encodeURIComponent(checkId(values?.[name], name, where)));
  let search = "";
  for (const name in query) {
    const rule = op.query?.[name];
    if (!rule) fail("is not a query parameter of this operation", name, where);
    if (query[name] === undefined) continue;
    for (const value of serialize(query[name], rule, name, where)) search += `${search ? "&" : "?"}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  }
  for (const name in op.query) if (op.query[name]!.required && query?.[name] === undefined) fail("is required", name, where);
  return { pathname, search };
}
