// @ts-check
// Writes generated/<api>/client.ts: openapi-fetch's createClient bound to the API's `paths`, plus the
// spec's servers, operations and enum-typed headers as typed constants the facade can use at runtime.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Server key: its description as an identifier ("PRODUCTION" → production), else "default". */
function serverKey(/** @type {{ description?: string }} */ server, /** @type {number} */ index) {
  const slug = (server.description ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  return slug || (index === 0 ? "default" : `server${index}`);
}

/**
 * @param {Record<string, any>} doc  the final bundle
 */
export function clientData(doc) {
  /** @type {Record<string, string>} */
  const servers = {};
  (doc.servers ?? []).forEach((/** @type {any} */ s, /** @type {number} */ i) => (servers[serverKey(s, i)] = s.url));

  /** @type {Record<string, { method: string, path: string }>} */
  const operations = {};
  /** @type {Record<string, string[]>} */
  const headerEnums = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (op.operationId) operations[op.operationId] = { method: method.toUpperCase(), path };
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        if (p.in !== "header" || !Array.isArray(p.schema?.enum)) continue;
        const values = (headerEnums[p.name] ??= []);
        for (const v of p.schema.enum) if (!values.includes(v)) values.push(v);
      }
    }
  }
  for (const values of Object.values(headerEnums)) values.sort();
  return { servers, operations: sortKeys(operations), headerEnums };
}

/** @param {Record<string, any>} obj */
const sortKeys = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * @param {ReturnType<typeof clientData>} data
 * @param {string} header
 */
export function emitClient(data, header) {
  const json = (/** @type {unknown} */ v) => JSON.stringify(v, null, 2);
  return `${header}
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./types.js";

/** The spec's servers, keyed by their description. */
export const servers = ${json(data.servers)} as const;
export type ServerName = keyof typeof servers;

/** Every operation, by operationId. */
export const operations = ${json(data.operations)} as const;
export type OperationId = keyof typeof operations;

/** Values of enum-typed header parameters, sorted. */
export const headerEnums = ${json(data.headerEnums)} as const;

export type RawClient = Client<paths>;

/** openapi-fetch's client, typed by this API's paths. */
export function createRawClient(options?: ClientOptions): RawClient {
  return createClient<paths>(options);
}
`;
}
