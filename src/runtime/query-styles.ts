// The encoder of operations whose path parameters are plain string ids and whose query parameters
// have styles (Stripe's deepObject `expand[]` on nearly every operation): each query value by its
// style, without param-style.ts's header, cookie, `content` and path-style handling.
import type { EncodeParams } from "./request.js";
import { checkValue, PATH_PARAM } from "./request-params.js";
import { percentEncode, styleParam } from "./style-param.js";
import { checkId, fail } from "./validate.js";

export const encodeQueryStyles: EncodeParams = (op, params = {}) => {
  const where = { method: op.method, path: op.path };
  const rules = op.params?.query ?? {};
  const pathname = op.path.replace(PATH_PARAM, (_, name: string) => percentEncode(checkId(params.path?.[name], name, where)));
  const query: string[] = [];
  for (const name in params.query) {
    const rule = rules[name] ?? fail("is not a query parameter of this operation", name, where);
    const value = params.query[name];
    if (value == null) continue;
    if (rule.type) checkValue(value, rule, name, where);
    const style = rule.style ?? "form";
    query.push(styleParam(name, value, style, rule.explode ?? style === "form", (text) => percentEncode(text, rule.allowReserved), where));
  }
  for (const name in rules) if (rules[name]!.required && params.query?.[name] == null) fail("is required", name, where);
  const search = query.filter(Boolean).join("&");
  return { pathname, search: search && `?${search}` };
};
