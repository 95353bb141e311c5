// The encoder of an API whose operations take no parameters (Seam's). Its own module,
// not a default in request.ts, so the Sequence bundle, which passes request-params.ts, holds none of it.
import { need, type EncodeParams } from "./request.js";

export const noParams: EncodeParams = (op, params) => {
  if (params || op.path.includes("{")) need("encodeParams", op);
  return { pathname: op.path, search: "" };
};
