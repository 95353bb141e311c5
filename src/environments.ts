// Picking a server: from a spec's generated `servers` map by name, or an explicit base URL, or env.
// Holds no vendor data itself, so neither entry pulls in the other's servers.
import { ValidationError } from "./errors.js";

/** Reads an environment variable where one exists (Node, Bun, Deno with --allow-env); never throws. */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    const value = env?.[name];
    return value === undefined || value === "" ? undefined : value;
  } catch {
    return undefined; // Deno without env permission throws on access
  }
}

/** `servers[name]`, or a ValidationError listing the known names. */
export function pickServer<S extends Record<string, string>>(servers: S, name: unknown, param: string): string {
  if (typeof name !== "string" || !Object.hasOwn(servers, name)) {
    const known = Object.keys(servers).join(", ");
    throw new ValidationError(`Unknown ${param} "${String(name).slice(0, 40)}": expected one of ${known}`, { method: "", path: "", param });
  }
  return servers[name]!;
}

/** An absolute http(s) URL without query, fragment or credentials; returned without a trailing slash. */
export function checkBaseUrl(value: unknown, param: string, envVar?: string): string {
  const where = envVar ? `${param} (from ${envVar})` : param;
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new ValidationError(`${where} must be an absolute http(s) URL`, { method: "", path: "", param });
  }
  if (url.username || url.password || url.search || url.hash) {
    // never echo the URL: it may carry credentials
    throw new ValidationError(`${where} must not contain credentials, a query or a fragment`, { method: "", path: "", param });
  }
  return url.href.replace(/\/+$/, "");
}
