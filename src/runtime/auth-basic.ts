// HTTP Basic (RFC 7617): `auth.<scheme>` is `{ username, password }`, sent as base64 of their UTF-8
// bytes. Passed to createApiClient by entries whose spec declares an http basic scheme.
import type { BasicCredentials, SchemeKind } from "./auth.js";
import { base64Utf8 } from "./base64.js";
import { invalid } from "./validate.js";

export const httpBasic: SchemeKind = {
  // the token is the base64 text auth.ts sends as "Basic <token>"
  check(value, param) {
    const { username, password } = (value ?? {}) as Partial<BasicCredentials>;
    if (typeof username !== "string" || typeof password !== "string" || !username) invalid(`${param} must be { username, password } (strings, username not empty) for HTTP Basic`, param);
    // RFC 7617: the user-id ends at the first colon
    if (username.includes(":")) invalid(`${param}.username must not contain ":" (RFC 7617)`, param);
    return [base64Utf8(`${username}:${password}`), password];
  },
};
