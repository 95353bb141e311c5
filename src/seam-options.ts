// Turns SeamClientOptions into what both the facade and the raw client send with: the endpoint, the
// auth headers for the one credential given, the transport and the redactor for its secrets.
import { servers } from "../generated/seam/client.js";
import { checkBaseUrl, readEnv } from "./environments.js";
import { redactor } from "./redact.js";
import { seamAuthHeaders, type SeamCredentials } from "./seam-auth.js";
import { createTransport, type Transport, type TransportOptions } from "./transport.js";

/** Seam's default endpoint: the spec's only server, also the official SDK's default. */
export const defaultSeamEndpoint: string = servers.default;

export type SeamClientOptions = SeamCredentials &
  TransportOptions & {
    /** Default: env SEAM_ENDPOINT, else https://connect.getseam.com. */
    endpoint?: string;
  };

export interface SeamConnection {
  baseUrl: string;
  headers: Record<string, string>;
  transport: Transport;
  redact: (text: string) => string;
}

export function seamConnection(options: SeamClientOptions): SeamConnection {
  const { apiKey, personalAccessToken, consoleSessionToken, clientSessionToken, workspaceId, endpoint, ...transportOptions } =
    options as SeamClientOptions & Record<string, unknown>;
  const { headers, secrets } = seamAuthHeaders({ apiKey, personalAccessToken, consoleSessionToken, clientSessionToken, workspaceId });
  const fromEnv = endpoint === undefined ? readEnv("SEAM_ENDPOINT") : undefined;
  const baseUrl = (endpoint ?? fromEnv) === undefined ? defaultSeamEndpoint : checkBaseUrl(endpoint ?? fromEnv, "endpoint", fromEnv && "SEAM_ENDPOINT");
  return { baseUrl, headers, transport: createTransport(transportOptions as TransportOptions), redact: redactor(secrets) };
}
