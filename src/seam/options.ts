// Turns SeamClientOptions into what both the facade and the raw client send with: the endpoint, the
// auth headers for the one credential given, the transport and the redactor for its secrets.
// Env vars are the ones Seam's SDK (@seamapi/http) reads, with the same precedence.
import { servers } from "../../generated/seam/client.js";
import { checkBaseUrl, readEnv, type UrlSecurityOptions } from "../runtime/environments.js";
import { redactor } from "../runtime/redact.js";
import { KINDS, seamAuthHeaders, type Kind, type SeamCredentials } from "./auth.js";
import { createTransport, type Transport, type TransportOptions } from "../runtime/transport.js";
import { invalid } from "../runtime/validate.js";

/** Seam's default endpoint: the spec's only server, also the official SDK's default. */
export const defaultSeamEndpoint: string = servers.default;

export type SeamClientOptions = SeamCredentials &
  TransportOptions &
  UrlSecurityOptions & {
    /** Default: env SEAM_ENDPOINT, else SEAM_API_URL (old name), else https://connect.getseam.com. */
    endpoint?: string;
  };

export interface SeamConnection {
  baseUrl: string;
  headers: Record<string, string>;
  transport: Transport;
  redact: (text: string) => string;
}

type Credential = Record<Kind | "workspaceId", unknown>;

/**
 * Fills env in as the SDK does: with no token given, SEAM_API_KEY or SEAM_PERSONAL_ACCESS_TOKEN
 * (both set is an error); a workspace-scoped token without workspaceId takes SEAM_WORKSPACE_ID.
 * Returns the env var the token came from, for messages.
 */
function fillFromEnv(c: Credential): string {
  let from = "";
  if (!(c.apiKey ?? c.personalAccessToken ?? c.consoleSessionToken ?? c.clientSessionToken)) {
    const key = (c.apiKey = readEnv("SEAM_API_KEY"));
    const pat = (c.personalAccessToken = readEnv("SEAM_PERSONAL_ACCESS_TOKEN"));
    if (key && pat) invalid("Both SEAM_API_KEY and SEAM_PERSONAL_ACCESS_TOKEN are set: unset one, or pass the credential to createSeamClient", "apiKey");
    from = pat ? "SEAM_PERSONAL_ACCESS_TOKEN" : key ? "SEAM_API_KEY" : "";
  }
  if ((c.personalAccessToken ?? c.consoleSessionToken) !== undefined) c.workspaceId ??= readEnv("SEAM_WORKSPACE_ID");
  return from;
}

export function seamConnection(options: SeamClientOptions): SeamConnection {
  const given = options as SeamClientOptions & Record<string, unknown>;
  const credential = {} as Credential;
  for (const name of [...KINDS, "workspaceId" as const]) credential[name] = given[name];
  const { headers, secrets } = seamAuthHeaders(credential, fillFromEnv(credential));
  const { endpoint } = options;
  const envName = readEnv("SEAM_ENDPOINT") ? "SEAM_ENDPOINT" : "SEAM_API_URL";
  const fromEnv = endpoint === undefined ? readEnv(envName) : undefined;
  const baseUrl = (endpoint ?? fromEnv) === undefined ? defaultSeamEndpoint : checkBaseUrl(endpoint ?? fromEnv, "endpoint", fromEnv && envName, options.allowInsecureHttp === true);
  // the transport reads only its own options from the rest
  return { baseUrl, headers, transport: createTransport(options), redact: redactor(secrets) };
}
