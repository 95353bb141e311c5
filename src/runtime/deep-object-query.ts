// The encoder of operations whose path parameters are plain string ids and whose query parameters
// are each either plain (form style, typed) or deepObject: every Stripe operation with a query
// (`expand[]` and its filters). It leaves style-param.ts's other styles out of their bundles.
import type { EncodeParams } from "./request.js";
import { checkValue, PATH_PARAM } from "./request-params.js";
import { deepObject, percentEncode } from "./style-param.js";
import { checkId, fail } from "./validate.js";

export const encodeDeepObjectQuery: EncodeParams = (op, params = {}) => {
  const where = { method: op.method, path: op.path };
  const rules = op.params?.query ?? {};
  const pathname = op.path.replace(PATH_PARAM, (_, name: string) => percentEncode(checkId(params.path?.[name], name, where)));
  let search = "";
  for (const name in params.query) {
    const rule = rules[name] ?? fail("is not a query parameter of this operation", name, where);
    const value = params.query[name];
    if (value == null) continue;
    // the checked values: each item of an array, exploded as form style sends them
    const values = rule.type ? checkValue(value, rule, name, where) : [];
    const pairs = rule.style ? deepObject(name, value, percentEncode, where, rule.explode) : values.map((v) => `${percentEncode(name)}=${percentEncode(v)}`).join("&");
    if (pairs) search += `${search ? "&" : "?"}${pairs}`;
  }
  for (const name in rules) if (rules[name]!.required && params.query?.[name] == null) fail("is required", name, where);
  return { pathname, search };
};
