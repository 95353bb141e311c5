// Turns SequenceClientOptions into what both the facade and the raw client send with: the base URL,
// the auth and version headers, the transport and the redactor for its credentials.
import { headerEnums, servers, type ServerName } from "../../generated/sequence/client.js";
import { checkBaseUrl, pickServer, type UrlSecurityOptions } from "../runtime/environments.js";
import { redactor } from "../runtime/redact.js";
import { sequenceAuthorization, type SequenceCredentials } from "./auth.js";
import { createTransport, type Transport, type TransportOptions } from "../runtime/transport.js";
import { invalid } from "../runtime/validate.js";

export type SequenceEnvironment = ServerName;
/** Sequence base URLs by environment, from the spec's `servers`. */
export const sequenceEnvironments = servers;
/**
 * Production is the default: it is the server the vendor's own curl sample for `GET /users/{id}`
 * uses, and what SDKs conventionally default to (Seam's official SDK defaults to its production
 * endpoint too). Sandbox and dev are chosen explicitly with `environment`, or pass `baseUrl`.
 */
export const defaultSequenceEnvironment: SequenceEnvironment = "production";

/** Every `Sequence-Version` the spec knows. */
export type SequenceApiVersion = (typeof headerEnums)["Sequence-Version"][number];
export const sequenceApiVersions: readonly SequenceApiVersion[] = headerEnums["Sequence-Version"];
/** The newest version in the spec (the generator sorts headerEnums); sent unless `apiVersion` says otherwise. */
export const latestSequenceApiVersion: SequenceApiVersion = sequenceApiVersions.at(-1)!;

export interface SequenceClientOptions extends SequenceCredentials, TransportOptions, UrlSecurityOptions {
  /** Which of the spec's servers to call. Default "production" (see defaultSequenceEnvironment). */
  environment?: SequenceEnvironment;
  /** Overrides `environment`, e.g. for a proxy or a mock server. */
  baseUrl?: string;
  /** Sent as `Sequence-Version`. Default: the newest version in the spec. */
  apiVersion?: SequenceApiVersion;
}

export interface SequenceConnection {
  baseUrl: string;
  headers: Record<string, string>;
  transport: Transport;
  redact: (text: string) => string;
}

export function sequenceConnection(options: SequenceClientOptions): SequenceConnection {
  const { environment = defaultSequenceEnvironment, baseUrl, apiVersion = latestSequenceApiVersion, allowInsecureHttp } = options;
  const { authorization, secrets } = sequenceAuthorization(options);
  if (typeof apiVersion !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) invalid("apiVersion must be a YYYY-MM-DD date", "apiVersion");
  return {
    baseUrl: baseUrl === undefined ? pickServer(servers, environment, "environment") : checkBaseUrl(baseUrl, "baseUrl", undefined, allowInsecureHttp),
    headers: { authorization, "sequence-version": apiVersion },
    // the transport reads only its own options
    transport: createTransport(options),
    redact: redactor(secrets),
  };
}
