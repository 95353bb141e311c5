// Credentials from a spec's securitySchemes (OpenAPI 3.x, Security Scheme Object): http basic,
// http bearer (and other http schemes), apiKey in a header, the query or a cookie, oauth2 and
// openIdConnect as a bearer token. Which schemes a call sends follows the operation's security
// requirement: the first alternative whose credentials were all given; `{}` allows none.
import { base64Utf8 } from "./base64.js";
import { fail, invalid, type Where } from "./validate.js";

/** One Security Scheme Object, as generated/<api>/index.ts holds it (http scheme in lower case). */
export interface SecuritySchemeSpec {
  readonly type: "http" | "apiKey" | "oauth2" | "openIdConnect" | "mutualTLS";
  readonly scheme?: string;
  readonly in?: "header" | "query" | "cookie";
  readonly name?: string;
}
/** A security requirement: alternatives, each a list of scheme names sent together; `[]` is anonymous. */
export type SecurityRequirement = readonly (readonly string[])[];

/** A token, or a function that returns one (called once per call, e.g. to refresh an OAuth token). */
export type TokenSupplier = string | (() => string | Promise<string>);
export interface BasicCredentials {
  username: string;
  password: string;
}
/** What `auth.<scheme>` takes for each kind of scheme. */
export type CredentialFor<S> = S extends { type: "http"; scheme: "basic" } ? BasicCredentials : S extends { type: "mutualTLS" } ? never : TokenSupplier;
/** The `auth` option: a credential per scheme name the spec declares. */
export type AuthOptions<Schemes> = { [K in keyof Schemes]?: CredentialFor<Schemes[K]> };

/** What a call adds for its credentials. */
export interface AuthParts {
  headers: Record<string, string>;
  /** `name=value` pairs, already percent-encoded. */
  query: string[];
  cookies: string[];
}

// Header values must be printable ASCII (0x20-0x7e); checking here keeps a bad token out of fetch's own error text.
const HEADER_SAFE = /^[\x20-\x7e]+$/;

/**
 * Checks the `auth` option against the schemes; returns the static secrets (for redaction).
 * Throws ValidationError naming `auth.<scheme>` and the fix.
 */
export function checkAuth(schemes: { readonly [name: string]: SecuritySchemeSpec }, auth: Record<string, unknown> | undefined, factory: string): string[] {
  const secrets: string[] = [];
  if (auth === undefined) return secrets;
  if (typeof auth !== "object" || auth === null) invalid(`auth must be an object of credentials by security scheme (${Object.keys(schemes).join(", ") || "this API declares none"})`, "auth");
  for (const name in auth) {
    const value = auth[name];
    const param = `auth.${name}`;
    const scheme = Object.hasOwn(schemes, name) ? schemes[name]! : invalid(`${param}: the spec declares no security scheme "${name.slice(0, 40)}"; expected one of ${Object.keys(schemes).join(", ") || "(none)"}`, param);
    if (value === undefined) continue;
    if (scheme.type === "mutualTLS") invalid(`${param}: mutualTLS is set up in your fetch (its TLS client certificate), not passed to ${factory}`, param);
    if (scheme.type === "http" && scheme.scheme === "basic") {
      const { username, password } = (value ?? {}) as Partial<BasicCredentials>;
      if (typeof username !== "string" || typeof password !== "string" || !username) invalid(`${param} must be { username, password } (strings, username not empty) for HTTP Basic`, param);
      // RFC 7617: the user-id ends at the first colon
      if (username.includes(":")) invalid(`${param}.username must not contain ":" (RFC 7617)`, param);
      secrets.push(password, base64Utf8(`${username}:${password}`));
    } else if (typeof value === "string") secrets.push(checkToken(value, param));
    else if (typeof value !== "function") invalid(`${param} must be a non-empty string, or a function returning one (a token supplier)`, param);
  }
  return secrets;
}

function checkToken(token: unknown, param: string, where?: Where): string {
  if (typeof token !== "string" || !HEADER_SAFE.test(token)) {
    const message = "must be a non-empty string of printable ASCII (a token supplier must return one)";
    return where ? fail(message, param, where) : invalid(`${param} ${message}`, param);
  }
  return token;
}

/**
 * The headers, query pairs and cookies for one call under `requirement`; `onSecret` hears each
 * token a supplier returned, so it can be redacted. Throws ValidationError when no alternative's
 * credentials were all given.
 */
export async function authFor(
  requirement: SecurityRequirement,
  schemes: { readonly [name: string]: SecuritySchemeSpec },
  auth: Record<string, unknown>,
  where: Where,
  onSecret: (secret: string) => void,
  factory: string,
): Promise<AuthParts> {
  const parts: AuthParts = { headers: {}, query: [], cookies: [] };
  if (!requirement.length) return parts;
  const chosen = requirement.find((names) => names.every((name) => auth[name] !== undefined && schemes[name]?.type !== "mutualTLS"));
  if (!chosen) {
    const options = requirement.map((names) => names.map((n) => `auth.${n}`).join(" + ")).join(", or ");
    fail(`needs credentials: pass ${options} to ${factory}`, "auth", where);
  }
  for (const name of chosen) {
    const scheme = schemes[name]!;
    const value = auth[name];
    const param = `auth.${name}`;
    if (scheme.type === "http" && scheme.scheme === "basic") {
      const { username, password } = value as BasicCredentials;
      parts.headers.authorization = `Basic ${base64Utf8(`${username}:${password}`)}`;
      continue;
    }
    const supplied = typeof value === "function" ? await (value as () => unknown)() : value;
    const token = checkToken(supplied, param, where);
    if (supplied !== value) onSecret(token);
    if (scheme.type === "apiKey") {
      const key = scheme.name!;
      if (scheme.in === "query") parts.query.push(`${encodeURIComponent(key)}=${encodeURIComponent(token)}`);
      else if (scheme.in === "cookie") parts.cookies.push(`${key}=${encodeURIComponent(token)}`);
      else parts.headers[key.toLowerCase()] = token;
    } else {
      // bearer, oauth2 and openIdConnect send a bearer token; another http scheme its own name
      const kind = scheme.type === "http" && scheme.scheme !== "bearer" ? scheme.scheme! : "bearer";
      parts.headers.authorization = `${kind[0]!.toUpperCase()}${kind.slice(1)} ${token}`;
    }
  }
  return parts;
}
