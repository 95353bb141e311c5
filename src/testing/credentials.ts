// The credentials the fake accepts, and the checks each API applies to a request's headers.
// Seam's checks mirror the headers @seamapi/http sends per token kind (see README "Seam auth").
import type { IncomingHttpHeaders } from "node:http";

export interface FakeSequenceCredentials {
  clientId: string;
  clientSecret: string;
}

export interface FakeSeamCredentials {
  /** `seam_…`: sent as `Authorization: Bearer`. */
  apiKey: string;
  /** `seam_at…`: Bearer plus `seam-workspace`. */
  personalAccessToken: string;
  /** A JWT: Bearer plus `seam-workspace`. */
  consoleSessionToken: string;
  /** `seam_cst…`: Bearer plus `client-session-token`. */
  clientSessionToken: string;
  workspaceId: string;
}

export interface FakeCredentials {
  sequence: FakeSequenceCredentials;
  seam: FakeSeamCredentials;
}

export const defaultCredentials: FakeCredentials = {
  sequence: { clientId: "fake-client-id", clientSecret: "fake-client-secret" },
  seam: {
    apiKey: "seam_fake_api_key_0000000000000000",
    personalAccessToken: "seam_at_fake_personal_access_token_0000",
    consoleSessionToken: "eyJhbGciOiJIUzI1NiJ9.eyJ3b3Jrc3BhY2UiOiJmYWtlIn0.ZmFrZS1zaWduYXR1cmU",
    clientSessionToken: "seam_cst_fake_client_session_token_0000",
    workspaceId: "00000000-0000-4000-8000-000000000001",
  },
};

export type SeamTokenKind = "apiKey" | "personalAccessToken" | "consoleSessionToken" | "clientSessionToken";

export type AuthResult<K extends string> = { ok: true; kind: K } | { ok: false; reason: string };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `Authorization: Basic base64(clientId:clientSecret)`, the secret may hold any UTF-8 (and `:`). */
export function checkSequenceAuth(headers: IncomingHttpHeaders, expected: FakeSequenceCredentials): AuthResult<"basic"> {
  const authorization = header(headers, "authorization");
  if (!authorization) return { ok: false, reason: "Missing Authorization header" };
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(authorization);
  if (!match?.[1]) return { ok: false, reason: "Authorization must use the Basic scheme" };
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { ok: false, reason: "Malformed Basic credentials" };
  const ok = decoded.slice(0, colon) === expected.clientId && decoded.slice(colon + 1) === expected.clientSecret;
  return ok ? { ok: true, kind: "basic" } : { ok: false, reason: "Invalid client credentials" };
}

export function checkSeamAuth(headers: IncomingHttpHeaders, expected: FakeSeamCredentials): AuthResult<SeamTokenKind> {
  const authorization = header(headers, "authorization");
  if (!authorization) return { ok: false, reason: "Missing Authorization header" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const token = match?.[1];
  if (!token) return { ok: false, reason: "Authorization must use the Bearer scheme" };
  const workspace = header(headers, "seam-workspace");
  if (token.startsWith("seam_cst")) {
    // Seam accepts it in Authorization alone; a client-session-token header must agree with it
    const copy = header(headers, "client-session-token");
    if (copy !== undefined && copy !== token) return { ok: false, reason: "client-session-token does not match Authorization" };
    return token === expected.clientSessionToken ? { ok: true, kind: "clientSessionToken" } : { ok: false, reason: "Invalid client session token" };
  }
  if (token.startsWith("seam_at")) {
    if (workspace !== expected.workspaceId) return { ok: false, reason: "A personal access token needs a valid seam-workspace header" };
    return token === expected.personalAccessToken ? { ok: true, kind: "personalAccessToken" } : { ok: false, reason: "Invalid personal access token" };
  }
  if (token.startsWith("ey")) {
    if (workspace !== expected.workspaceId) return { ok: false, reason: "A console session token needs a valid seam-workspace header" };
    return token === expected.consoleSessionToken ? { ok: true, kind: "consoleSessionToken" } : { ok: false, reason: "Invalid console session token" };
  }
  if (token.startsWith("seam_")) {
    return token === expected.apiKey ? { ok: true, kind: "apiKey" } : { ok: false, reason: "Invalid API key" };
  }
  return { ok: false, reason: "Unknown token kind" };
}
