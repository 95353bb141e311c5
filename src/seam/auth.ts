// Seam token kinds, told apart by prefix the way the official SDK (@seamapi/http) does, and sent
// with the same auth headers that SDK sends for each kind.
import { invalid } from "../runtime/validate.js";

/** Shown as the type of a field that the chosen credential kind does not take, so tsc names the fix. */
export type SeamCredentialError<Message extends string> = { readonly "pass only one Seam credential kind": Message };

export interface SeamApiKeyCredentials {
  apiKey: string;
  personalAccessToken?: SeamCredentialError<"personalAccessToken cannot be combined with apiKey">;
  consoleSessionToken?: SeamCredentialError<"consoleSessionToken cannot be combined with apiKey">;
  clientSessionToken?: SeamCredentialError<"clientSessionToken cannot be combined with apiKey">;
  workspaceId?: SeamCredentialError<"workspaceId cannot be combined with apiKey: an API key belongs to one workspace">;
}
export interface SeamPersonalAccessTokenCredentials {
  personalAccessToken: string;
  /** Default: env SEAM_WORKSPACE_ID. */
  workspaceId?: string;
  apiKey?: SeamCredentialError<"apiKey cannot be combined with personalAccessToken">;
  consoleSessionToken?: SeamCredentialError<"consoleSessionToken cannot be combined with personalAccessToken">;
  clientSessionToken?: SeamCredentialError<"clientSessionToken cannot be combined with personalAccessToken">;
}
export interface SeamConsoleSessionTokenCredentials {
  consoleSessionToken: string;
  /** Default: env SEAM_WORKSPACE_ID. */
  workspaceId?: string;
  apiKey?: SeamCredentialError<"apiKey cannot be combined with consoleSessionToken">;
  personalAccessToken?: SeamCredentialError<"personalAccessToken cannot be combined with consoleSessionToken">;
  clientSessionToken?: SeamCredentialError<"clientSessionToken cannot be combined with consoleSessionToken">;
}
export interface SeamClientSessionTokenCredentials {
  clientSessionToken: string;
  apiKey?: SeamCredentialError<"apiKey cannot be combined with clientSessionToken">;
  personalAccessToken?: SeamCredentialError<"personalAccessToken cannot be combined with clientSessionToken">;
  consoleSessionToken?: SeamCredentialError<"consoleSessionToken cannot be combined with clientSessionToken">;
  workspaceId?: SeamCredentialError<"workspaceId cannot be combined with clientSessionToken">;
}
/** None given: env SEAM_API_KEY, or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID. */
export interface SeamEnvCredentials {
  apiKey?: undefined;
  personalAccessToken?: undefined;
  consoleSessionToken?: undefined;
  clientSessionToken?: undefined;
  workspaceId?: undefined;
}

/** One credential kind; naming another kind's field is a compile error that says so. */
export type SeamCredentials =
  | SeamApiKeyCredentials
  | SeamPersonalAccessTokenCredentials
  | SeamConsoleSessionTokenCredentials
  | SeamClientSessionTokenCredentials
  | SeamEnvCredentials;

export type Kind = "apiKey" | "personalAccessToken" | "consoleSessionToken" | "clientSessionToken";

export const KINDS: Kind[] = ["apiKey", "personalAccessToken", "consoleSessionToken", "clientSessionToken"];
/**
 * How tokens start: the prefix, what such a token is (for messages; none for an API key, whose
 * prefix every Seam token shares), and the kind to pass it as. The last matching prefix wins.
 */
const TOKENS: [prefix: string, what: string, kind?: Kind][] = [
  ["seam_", "", "apiKey"],
  ["seam_at", "A personal access token (seam_at…)", "personalAccessToken"],
  ["ey", "A JWT (console session token)", "consoleSessionToken"],
  ["seam_cst", "A client session token (seam_cst…)", "clientSessionToken"],
  ["seam_pk", "A publishable key (seam_pk…)"],
];

// Header values must be printable ASCII without spaces (0x21-0x7e); checking here keeps the token out of the runtime's own error text.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

const scoped = (kind: Kind | undefined) => kind === "personalAccessToken" || kind === "consoleSessionToken";

/** Why `token` is the wrong kind for `kind`, or undefined when it fits. Never quotes the token. */
function mismatch(kind: Kind, token: string): string | undefined {
  const [, what, actual] = TOKENS.filter(([prefix]) => token.startsWith(prefix)).pop() ?? [];
  if (actual === kind) return;
  if (what) return `${what} cannot be used as a${kind === "apiKey" ? "n" : ""} ${kind}${actual ? `; pass it as ${actual}${scoped(actual) ? " with workspaceId" : ""}` : ""}`;
  return `${kind} ${kind === "consoleSessionToken" ? "must be a JWT" : `should start with ${TOKENS.find((t) => t[2] === kind)![0]}`}`;
}

/**
 * The auth headers for the credential (env already applied by seam-options), and the secrets to keep
 * out of errors. `envVar` names where the token came from, for messages.
 */
export function seamAuthHeaders(options: Record<string, unknown>, envVar = ""): { headers: Record<string, string>; secrets: (string | undefined)[] } {
  const given = KINDS.filter((kind) => options[kind] !== undefined);
  if (given.length > 1) invalid(`Pass only one of ${given.join(", ")}`, given[1]!);
  const kind = given[0] ?? "apiKey";
  const token = options[kind];
  const from = envVar && ` (from ${envVar})`;
  if (token === undefined) {
    invalid("Missing Seam credential: pass { apiKey } (or another token kind) to createSeamClient, or set SEAM_API_KEY or SEAM_PERSONAL_ACCESS_TOKEN", kind);
  }
  if (typeof token !== "string" || !HEADER_SAFE.test(token)) invalid(`${kind}${from} must be a non-empty string of printable ASCII without spaces (characters ! to ~)`, kind);
  const problem = mismatch(kind, token);
  if (problem) invalid(problem + from, kind);
  const workspaceId = options.workspaceId as string | undefined;
  if (scoped(kind) ? typeof workspaceId !== "string" || !HEADER_SAFE.test(workspaceId) : workspaceId !== undefined) {
    invalid("workspaceId must be given (printable ASCII without spaces, or as env SEAM_WORKSPACE_ID) with a personalAccessToken or consoleSessionToken, and only then", "workspaceId");
  }
  // the workspace id is kept out of errors too: with the token it names what the token opens
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (kind === "clientSessionToken") headers["client-session-token"] = token;
  if (scoped(kind)) headers["seam-workspace"] = workspaceId!;
  return { headers, secrets: [token, workspaceId] };
}
