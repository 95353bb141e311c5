// The encoder of an API whose operations take no path or query parameters (Seam's). Its own module,
// not a default in request.ts, so the Sequence bundle, which passes request-params.ts, holds none of it.
import type { EncodeParams } from "./request.js";
import { fail } from "./validate.js";

export const noParams: EncodeParams = (op, params) => {
  if (params?.path || params?.query || op.path.includes("{")) fail("are not supported by this client: pass encodeParams to createRequester", "params", { method: op.method, path: op.path });
  return { pathname: op.path, search: "" };
};
