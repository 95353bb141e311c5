// What the fake records about each request. Credentials never enter the log: the scheme stays
// visible (so a test can see "Basic" vs "Bearer") and the secret part is replaced; a credential
// anywhere else (a query string, the path, the body) is redacted like the clients redact errors.
import type { IncomingHttpHeaders } from "node:http";
import { redactor } from "../runtime/redact.js";
import type { FakeCredentials } from "./credentials.js";

export interface FakeRequest {
  /** Which vendor API the path belongs to, "unknown" for a path neither has, or "spec" when the fake serves `api.spec`. */
  api: "sequence" | "seam" | "spec" | "unknown";
  method: string;
  /** The URL path, without the query; a credential in it is redacted. */
  path: string;
  /** Decoded query parameters; a credential in a name or value is redacted. */
  query: Record<string, string>;
  /** Lower-cased names; credential headers redacted. */
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, or undefined without a body; credentials redacted. */
  body: unknown;
  /** How it authenticated: "basic" (Sequence) or the Seam token kind ("apiKey", "clientSessionToken", …); undefined when it did not. */
  auth: string | undefined;
  /** The status the fake answered with; undefined when a fault dropped the connection. */
  status: number | undefined;
  /** True when a scripted fault answered instead of the API. */
  fault: boolean;
  time: Date;
}

export const REDACTED = "[redacted]";
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "client-session-token", "cookie", "x-api-key"]);

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    if (!SECRET_HEADERS.has(name)) out[name] = value;
    else if (name.endsWith("authorization")) out[name] = `${value.split(/\s+/, 1)[0]} ${REDACTED}`;
    else out[name] = REDACTED;
  }
  return out;
}

/**
 * Redacts the credentials the fake accepts (not the client id or workspace id, which tests read)
 * from the path, query and body of a logged request, in the forms src/runtime/redact.ts knows.
 */
export function logRedactor({ sequence, seam }: FakeCredentials): (parts: Pick<FakeRequest, "path" | "query" | "body">) => Pick<FakeRequest, "path" | "query" | "body"> {
  const basic = Buffer.from(`${sequence.clientId}:${sequence.clientSecret}`).toString("base64");
  const redact = redactor([sequence.clientSecret, basic, seam.apiKey, seam.personalAccessToken, seam.consoleSessionToken, seam.clientSessionToken]);
  return ({ path, query, body }) => {
    let clean = body;
    if (typeof body === "string") clean = redact(body);
    else if (body !== undefined) {
      // written out by JSON.stringify, so each string has the one spelling the redactor knows
      const text = redact(JSON.stringify(body));
      try {
        clean = JSON.parse(text);
      } catch {
        clean = text;
      }
    }
    return { path: redact(path), query: Object.fromEntries(Object.entries(query).map(([name, value]) => [redact(name), redact(value)])), body: clean };
  };
}
