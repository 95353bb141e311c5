// Seam token kinds, told apart by prefix the way the official SDK (@seamapi/http) does, and sent
// with exactly the headers that SDK sends for each kind.
import { readEnv } from "./environments.js";
import { ValidationError } from "./errors.js";

/** One credential kind; the other fields are `never` so kinds cannot be mixed. */
export type SeamCredentials =
  | { apiKey: string; personalAccessToken?: never; consoleSessionToken?: never; clientSessionToken?: never; workspaceId?: never }
  | { personalAccessToken: string; workspaceId: string; apiKey?: never; consoleSessionToken?: never; clientSessionToken?: never }
  | { consoleSessionToken: string; workspaceId: string; apiKey?: never; personalAccessToken?: never; clientSessionToken?: never }
  | { clientSessionToken: string; apiKey?: never; personalAccessToken?: never; consoleSessionToken?: never; workspaceId?: never }
  /** None given: the API key comes from env SEAM_API_KEY. */
  | { apiKey?: undefined; personalAccessToken?: undefined; consoleSessionToken?: undefined; clientSessionToken?: undefined; workspaceId?: undefined };

type Kind = "apiKey" | "personalAccessToken" | "consoleSessionToken" | "clientSessionToken";

const isJwt = (token: string) => token.startsWith("ey");
const isClientSessionToken = (token: string) => token.startsWith("seam_cst");
const isAccessToken = (token: string) => token.startsWith("seam_at");
const isPublishableKey = (token: string) => token.startsWith("seam_pk");
const isSeamToken = (token: string) => token.startsWith("seam_");

function invalid(message: string, param: string): never {
  throw new ValidationError(message, { method: "", path: "", param });
}

/** Why `token` is the wrong kind for `kind`, or undefined when it fits. Never quotes the token. */
function mismatch(kind: Kind, token: string): string | undefined {
  const jwt = "A JWT (console session token) cannot be used as";
  const cst = "A client session token (seam_cst…) cannot be used as";
  const pat = "A personal access token (seam_at…) cannot be used as";
  const pk = "A publishable key (seam_pk…) cannot be used as";
  switch (kind) {
    case "apiKey":
      if (isJwt(token)) return `${jwt} an apiKey; pass it as consoleSessionToken with workspaceId`;
      if (isClientSessionToken(token)) return `${cst} an apiKey; pass it as clientSessionToken`;
      if (isAccessToken(token)) return `${pat} an apiKey; pass it as personalAccessToken with workspaceId`;
      if (isPublishableKey(token)) return `${pk} an apiKey`;
      if (!isSeamToken(token)) return "apiKey is not a Seam API key: it should start with seam_";
      return undefined;
    case "personalAccessToken":
      if (isJwt(token)) return `${jwt} a personalAccessToken; pass it as consoleSessionToken`;
      if (isClientSessionToken(token)) return `${cst} a personalAccessToken; pass it as clientSessionToken`;
      if (!isAccessToken(token)) return "personalAccessToken is not a Seam personal access token: it should start with seam_at";
      return undefined;
    case "consoleSessionToken":
      if (isSeamToken(token)) return "consoleSessionToken must be a JWT; a seam_… token is an apiKey, personalAccessToken or clientSessionToken";
      if (!isJwt(token)) return "consoleSessionToken is not a JWT";
      return undefined;
    case "clientSessionToken":
      if (isJwt(token)) return `${jwt} a clientSessionToken; pass it as consoleSessionToken with workspaceId`;
      if (isAccessToken(token)) return `${pat} a clientSessionToken; pass it as personalAccessToken with workspaceId`;
      if (!isClientSessionToken(token)) return "clientSessionToken is not a Seam client session token: it should start with seam_cst";
      return undefined;
  }
}

// Header values must be visible ASCII; checking here keeps the token out of the runtime's own error text.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

function checkToken(kind: Kind, value: unknown, envVar?: string): string {
  const from = envVar ? ` (from ${envVar})` : "";
  if (typeof value !== "string" || value === "") invalid(`${kind}${from} must be a non-empty string`, kind);
  if (!HEADER_SAFE.test(value)) invalid(`${kind}${from} contains whitespace or characters not allowed in a header`, kind);
  const problem = mismatch(kind, value);
  if (problem) invalid(problem + from, kind);
  return value;
}

function checkWorkspaceId(value: unknown, kind: Kind): string {
  if (value === undefined) invalid(`Missing workspaceId: a ${kind} needs { workspaceId }`, "workspaceId");
  if (typeof value !== "string" || value === "" || !HEADER_SAFE.test(value)) {
    invalid("workspaceId must be a non-empty string without whitespace", "workspaceId");
  }
  return value;
}

/** The auth headers for the given credential (or SEAM_API_KEY), and the secrets to keep out of errors. */
export function seamAuthHeaders(options: Record<string, unknown>): { headers: Record<string, string>; secrets: string[] } {
  const given = (["apiKey", "personalAccessToken", "consoleSessionToken", "clientSessionToken"] as const).filter(
    (kind) => options[kind] !== undefined,
  );
  if (given.length > 1) invalid(`Pass only one of ${given.join(", ")}`, given[1]!);
  const kind = given[0];
  if (kind === undefined) {
    if (options.workspaceId !== undefined) invalid("workspaceId needs a personalAccessToken or consoleSessionToken", "workspaceId");
    const fromEnv = readEnv("SEAM_API_KEY");
    if (fromEnv === undefined) {
      invalid("Missing Seam credential: pass { apiKey } (or another token kind) to createSeamClient or set SEAM_API_KEY", "apiKey");
    }
    const apiKey = checkToken("apiKey", fromEnv, "SEAM_API_KEY");
    return { headers: { authorization: `Bearer ${apiKey}` }, secrets: [apiKey] };
  }
  const token = checkToken(kind, options[kind]);
  switch (kind) {
    case "apiKey":
      if (options.workspaceId !== undefined) invalid("An apiKey is scoped to one workspace: do not pass workspaceId", "workspaceId");
      return { headers: { authorization: `Bearer ${token}` }, secrets: [token] };
    case "clientSessionToken":
      if (options.workspaceId !== undefined) invalid("A clientSessionToken is scoped to one workspace: do not pass workspaceId", "workspaceId");
      return { headers: { authorization: `Bearer ${token}`, "client-session-token": token }, secrets: [token] };
    case "personalAccessToken":
    case "consoleSessionToken": {
      const workspaceId = checkWorkspaceId(options.workspaceId, kind);
      // the workspace id is kept out of errors too: with the token it names what the token opens
      return { headers: { authorization: `Bearer ${token}`, "seam-workspace": workspaceId }, secrets: [token, workspaceId] };
    }
  }
}
