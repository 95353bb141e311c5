// What the two query-only encoders share (query-styles.ts, deep-object-query.ts): path parameters as
// plain string ids that cannot change the route, every query name checked against the operation,
// absent values skipped, required ones enforced. Each passes how one query value is written, so a
// bundle holds only its own serializer.
import type { EncodeParams, ParamSpec } from "./request.js";
import { PATH_PARAM } from "./request-params.js";
import { percentEncode } from "./style-param.js";
import { checkId, fail, type Where } from "./validate.js";

/** One query value as `name=value` pairs (joined by `&`), percent-encoded; "" sends nothing. */
export type WriteQuery = (name: string, value: unknown, rule: ParamSpec, where: Where) => string;

export const queryEncoder =
  (write: WriteQuery): EncodeParams =>
  (op, params = {}) => {
    const where = { method: op.method, path: op.path };
    const rules = op.params?.query ?? {};
    const pathname = op.path.replace(PATH_PARAM, (_, name: string) => percentEncode(checkId(params.path?.[name], name, where)));
    let search = "";
    for (const name in params.query) {
      const rule = rules[name] ?? fail("is not a query parameter of this operation", name, where);
      const value = params.query[name];
      const pairs = value == null ? "" : write(name, value, rule, where);
      if (pairs) search += `${search ? "&" : "?"}${pairs}`;
    }
    for (const name in rules) if (rules[name]!.required && params.query?.[name] == null) fail("is required", name, where);
    return { pathname, search };
  };
