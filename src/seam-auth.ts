// Seam token kinds, told apart by prefix the way the official SDK (@seamapi/http) does, and sent
// with exactly the headers that SDK sends for each kind.
import { readEnv } from "./environments.js";
import { invalid } from "./validate.js";

/** One credential kind; the other fields are `never` so kinds cannot be mixed. */
export type SeamCredentials =
  | { apiKey: string; personalAccessToken?: never; consoleSessionToken?: never; clientSessionToken?: never; workspaceId?: never }
  | { personalAccessToken: string; workspaceId: string; apiKey?: never; consoleSessionToken?: never; clientSessionToken?: never }
  | { consoleSessionToken: string; workspaceId: string; apiKey?: never; personalAccessToken?: never; clientSessionToken?: never }
  | { clientSessionToken: string; apiKey?: never; personalAccessToken?: never; consoleSessionToken?: never; workspaceId?: never }
  /** None given: the API key comes from env SEAM_API_KEY. */
  | { apiKey?: undefined; personalAccessToken?: undefined; consoleSessionToken?: undefined; clientSessionToken?: undefined; workspaceId?: undefined };

type Kind = "apiKey" | "personalAccessToken" | "consoleSessionToken" | "clientSessionToken";

const KINDS: Kind[] = ["apiKey", "personalAccessToken", "consoleSessionToken", "clientSessionToken"];
/** How each kind's tokens start. */
const PREFIX: Record<Kind, string> = { apiKey: "seam_", personalAccessToken: "seam_at", consoleSessionToken: "ey", clientSessionToken: "seam_cst" };
/** Tokens recognisable as another kind: their prefix, what they are, and how to pass them instead. */
const LOOKALIKES = [
  ["ey", "A JWT (console session token)", "consoleSessionToken with workspaceId"],
  ["seam_cst", "A client session token (seam_cst…)", "clientSessionToken"],
  ["seam_at", "A personal access token (seam_at…)", "personalAccessToken with workspaceId"],
  ["seam_pk", "A publishable key (seam_pk…)", ""],
];

// Header values must be visible ASCII; checking here keeps the token out of the runtime's own error text.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** Why `token` is the wrong kind for `kind`, or undefined when it fits. Never quotes the token. */
function mismatch(kind: Kind, token: string): string | undefined {
  const rule = kind === "consoleSessionToken" ? "must be a JWT" : `should start with ${PREFIX[kind]}`;
  for (const [prefix, what, passAs] of LOOKALIKES) {
    if (token.startsWith(prefix!) && prefix !== PREFIX[kind]) {
      return `${what} cannot be used as a${kind === "apiKey" ? "n" : ""} ${kind}, which ${rule}${passAs && `; pass it as ${passAs}`}`;
    }
  }
  if (!token.startsWith(PREFIX[kind])) return `${kind} ${rule}`;
}

/** The auth headers for the given credential (or SEAM_API_KEY), and the secrets to keep out of errors. */
export function seamAuthHeaders(options: Record<string, unknown>): { headers: Record<string, string>; secrets: (string | undefined)[] } {
  const given = KINDS.filter((kind) => options[kind] !== undefined);
  if (given.length > 1) invalid(`Pass only one of ${given.join(", ")}`, given[1]!);
  const kind = given[0] ?? "apiKey";
  const envVar = given.length ? "" : "SEAM_API_KEY";
  const token = envVar ? readEnv(envVar) : options[kind];
  const from = envVar && ` (from ${envVar})`;
  if (token === undefined) invalid("Missing Seam credential: pass { apiKey } (or another token kind) to createSeamClient or set SEAM_API_KEY", kind);
  if (typeof token !== "string" || !HEADER_SAFE.test(token)) invalid(`${kind}${from} must be a non-empty string without whitespace`, kind);
  const problem = mismatch(kind, token);
  if (problem) invalid(problem + from, kind);
  const workspaceId = options.workspaceId as string | undefined;
  const scoped = kind === "personalAccessToken" || kind === "consoleSessionToken";
  if (scoped ? typeof workspaceId !== "string" || !HEADER_SAFE.test(workspaceId) : workspaceId !== undefined) {
    invalid("workspaceId must be given (without whitespace) with a personalAccessToken or consoleSessionToken, and only then", "workspaceId");
  }
  // the workspace id is kept out of errors too: with the token it names what the token opens
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (kind === "clientSessionToken") headers["client-session-token"] = token;
  if (scoped) headers["seam-workspace"] = workspaceId!;
  return { headers, secrets: [token, workspaceId] };
}
