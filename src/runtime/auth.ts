// Credentials from a spec's securitySchemes (OpenAPI 3.x, Security Scheme Object). Which schemes a
// call sends follows the operation's security requirement: the first alternative whose credentials
// were all given; `{}` allows none. Tokens (or token suppliers) for http bearer and other http
// schemes, oauth2 and openIdConnect go in the Authorization header, here; the other kinds' code
// (auth-basic.ts, auth-api-key.ts, auth-mutual-tls.ts) is passed by entries whose spec declares them,
// so other APIs' bundles leave it out.
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

/** The request a credential is added to: its headers (lower-case names) and its query (`""` or `?…`, percent-encoded). */
export interface SignedRequest {
  headers: Record<string, string>;
  search: string;
}

/** The code for one kind of scheme; by default a token or token supplier, sent in the Authorization header. */
export interface SchemeKind {
  /** Checks `auth.<scheme>` when the client is created: the token to send, then further secrets (all redacted). */
  check?(value: unknown, param: string, factory: string): [token: string, ...secrets: string[]];
  /** Adds the token (a supplier's already called and checked) to the request. */
  send?(request: SignedRequest, scheme: SecuritySchemeSpec, token: string): void;
}
/**
 * The kinds beyond Authorization-header tokens, by `basic` (http basic), `apiKey` and `mutualTLS`:
 * a generated entry passes those its spec declares.
 */
export type SchemeKinds = { readonly [kind in "basic" | "apiKey" | "mutualTLS"]?: SchemeKind };

// Header values must be printable ASCII (0x20-0x7e); checking here keeps a bad token out of fetch's own error text.
const HEADER_SAFE = /^[\x20-\x7e]+$/;

/** Checks a token (printable ASCII, not empty): ValidationError naming `param`, and the call when a supplier returned it. */
export function checkToken(token: unknown, param: string, where?: Where): string {
  if (typeof token !== "string" || !HEADER_SAFE.test(token)) {
    const message = "must be a non-empty string of printable ASCII (a token supplier must return one)";
    return where ? fail(message, param, where) : invalid(`${param} ${message}`, param);
  }
  return token;
}

// bearer, oauth2 and openIdConnect send a bearer token; another http scheme (basic too) its own name
const authorization: NonNullable<SchemeKind["send"]> = (request, scheme, token) => {
  const kind = scheme.type === "http" && scheme.scheme !== "bearer" ? scheme.scheme! : "bearer";
  request.headers.authorization = `${kind[0]!.toUpperCase()}${kind.slice(1)} ${token}`;
};

export interface Auth {
  /** The static secrets (for redaction); a supplier's tokens are handed to `sign`'s `onSecret`. */
  secrets: string[];
  /**
   * Adds the credentials of the first alternative of `requirement` whose credentials were all given
   * to `request`; `onSecret` hears each token a supplier returned. ValidationError when there is none.
   */
  sign(requirement: SecurityRequirement, request: SignedRequest, where: Where, onSecret: (secret: string) => void): Promise<void>;
}

/**
 * Checks the `auth` option against the schemes and the code for their kinds. Throws ValidationError
 * naming `auth.<scheme>` and the fix.
 */
export function createAuth(schemes: { readonly [name: string]: SecuritySchemeSpec }, auth: Record<string, unknown> | undefined, kinds: SchemeKinds, factory: string): Auth {
  const secrets: string[] = [];
  // each given credential (a token or token supplier) with its kind's code
  const given = new Map<string, [unknown, SchemeKind]>();
  if (auth !== undefined && (typeof auth !== "object" || auth === null)) invalid(`auth must be an object of credentials by security scheme (${Object.keys(schemes).join(", ") || "this API declares none"})`, "auth");
  for (const name in auth) {
    const value = auth[name];
    const param = `auth.${name}`;
    const scheme = Object.hasOwn(schemes, name) ? schemes[name]! : invalid(`${param}: the spec declares no security scheme "${name.slice(0, 40)}"; expected one of ${Object.keys(schemes).join(", ") || "(none)"}`, param);
    if (value === undefined) continue;
    const kind = scheme.type === "http" && scheme.scheme === "basic" ? "basic" : scheme.type;
    // a generated entry passes the code for every kind its spec declares
    const kindCode = kinds[kind as keyof SchemeKinds] ?? (/^(http|oauth2|openIdConnect)$/.test(kind) ? {} : invalid(`${param}: ${factory} was created without the code for ${kind} schemes`, param));
    let credential: unknown = value;
    if (kindCode.check) {
      const checked = kindCode.check(value, param, factory);
      secrets.push(...checked);
      credential = checked[0];
    } else if (typeof value === "string") secrets.push(checkToken(value, param));
    else if (typeof value !== "function") invalid(`${param} must be a non-empty string, or a function returning one (a token supplier)`, param);
    given.set(name, [credential, kindCode]);
  }
  return {
    secrets,
    async sign(requirement, request, where, onSecret) {
      if (!requirement.length) return;
      const chosen = requirement.find((names) => names.every((name) => given.has(name)));
      if (!chosen) {
        const options = requirement.map((names) => names.map((n) => `auth.${n}`).join(" + ")).join(", or ");
        fail(`needs credentials: pass ${options} to ${factory}`, "auth", where);
      }
      for (const name of chosen) {
        const [value, kindCode] = given.get(name)!;
        const supplied = typeof value === "function" ? await (value as () => unknown)() : value;
        if (supplied !== value) onSecret(checkToken(supplied, `auth.${name}`, where));
        (kindCode.send ?? authorization)(request, schemes[name]!, supplied as string);
      }
    },
  };
}
