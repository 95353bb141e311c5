// What the fake records about each request. Credentials never enter the log: the scheme stays
// visible (so a test can see "Basic" vs "Bearer") and the secret part is replaced.
import type { IncomingHttpHeaders } from "node:http";

export interface FakeRequest {
  /** Which vendor API the path belongs to, "unknown" for a path neither has, or "spec" when the fake serves `api.spec`. */
  api: "sequence" | "seam" | "spec" | "unknown";
  method: string;
  /** The URL path, without the query. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; credential headers redacted. */
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, or undefined without a body. */
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
