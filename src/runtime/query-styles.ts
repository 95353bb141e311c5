// The encoder of operations whose path parameters are plain string ids and whose query parameters
// have styles (Stripe's deepObject `expand[]` on nearly every operation): each query value by its
// style, without param-style.ts's header, cookie, `content` and path-style handling.
import { queryEncoder } from "./query-encoder.js";
import { checkValue } from "./request-params.js";
import { percentEncode, styleParam } from "./style-param.js";

export const encodeQueryStyles = queryEncoder((name, value, rule, where) => {
  if (rule.type) checkValue(value, rule, name, where);
  const style = rule.style ?? "form";
  return styleParam(name, value, style, rule.explode ?? style === "form", (text) => percentEncode(text, rule.allowReserved), where);
});
