// The encoder of operations whose path parameters are plain string ids and whose query parameters
// are each either plain (form style, typed) or deepObject: every Stripe operation with a query
// (`expand[]` and its filters). It leaves style-param.ts's other styles out of their bundles.
import { queryEncoder } from "./query-encoder.js";
import { checkValue } from "./request-params.js";
import { deepObject, percentEncode } from "./style-param.js";

export const encodeDeepObjectQuery = queryEncoder((name, value, rule, where) => {
  // the checked values: each item of an array, exploded as form style sends them
  const values = rule.type ? checkValue(value, rule, name, where) : [];
  return rule.style ? deepObject(name, value, percentEncode, where, rule.explode) : values.map((v) => `${percentEncode(name)}=${percentEncode(v)}`).join("&");
});
