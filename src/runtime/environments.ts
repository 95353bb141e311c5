// Picking a server: from a spec's generated `servers` map by name, or an explicit base URL, or env.
// Holds no vendor data itself, so neither entry pulls in the other's servers.
import { invalid } from "./validate.js";

/** Reads an environment variable where one exists (Node, Bun, Deno with --allow-env); never throws. */
export function readEnv(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    return undefined; // Deno without env permission throws on access
  }
}

/** `servers[name]`, or a ValidationError listing the known names. */
export function pickServer(servers: Record<string, string>, name: unknown, param: string): string {
  if (typeof name !== "string" || !Object.hasOwn(servers, name)) {
    invalid(`Unknown ${param} "${String(name).slice(0, 40)}": expected one of ${Object.keys(servers).join(", ")}`, param);
  }
  return servers[name]!;
}

/** An absolute http(s) URL without query, fragment or credentials; returned without a trailing slash. */
/** Options of both clients that decide which base URLs are accepted. */
export interface UrlSecurityOptions {
  /**
   * Accept an `http:` base URL or endpoint for a host that is not loopback. Credentials then travel
   * in clear text. Default false: `http:` only for 127.0.0.0/8, localhost and [::1].
   */
  allowInsecureHttp?: boolean;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/i;

export function checkBaseUrl(value: unknown, param: string, envVar?: string, allowInsecureHttp = false): string {
  let url: URL | undefined;
  try {
    url = new URL(typeof value === "string" ? value : "-");
  } catch {}
  const named = envVar ? `${param} (from ${envVar})` : param;
  // never echo the URL: it may carry credentials
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    invalid(`${named} must be an absolute http(s) URL without credentials, query or fragment`, param);
  }
  if (url.protocol === "http:" && !allowInsecureHttp && !LOOPBACK.test(url.hostname)) {
    invalid(`${named} uses http: to a host that is not loopback, sending credentials in clear text: use https:, or pass allowInsecureHttp: true`, param);
  }
  return url.href.replace(/\/+$/, "");
}
