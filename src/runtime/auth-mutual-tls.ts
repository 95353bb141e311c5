// mutualTLS schemes take no credential from the client: the TLS client certificate is the fetch's.
// Passed to createApiClient by entries whose spec declares one, so `auth.<scheme>` gets the reason.
import type { SchemeKind } from "./auth.js";
import { invalid } from "./validate.js";

export const mutualTls: SchemeKind = {
  check: (_value, param, factory) => invalid(`${param}: mutualTLS is set up in your fetch (its TLS client certificate), not passed to ${factory}`, param),
};
