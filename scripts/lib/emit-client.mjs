// @ts-check
// Writes generated/<api>/client.ts: the spec's servers, its operation table and enum-typed headers
// as typed constants the facade's one request helper (src/runtime/request.ts) is driven by, plus a factory
// for openapi-fetch's client bound to the API's `paths` (imported only by the raw-client factories).
// The table says how to send each operation exactly as the spec describes it (OperationSpec in
// src/runtime/request.ts); an operation that cannot be sent at all is left out of it with a warning, and
// stays typed in types.ts and reachable through the raw client.
import { GenerateError } from "./errors.mjs";
import { makeDeref } from "./json-pointer.mjs";
import { operationEntries } from "./operation-names.mjs";
import { paginateSpec, readSchemes } from "./pagination-spec.mjs";
import { paramSpec } from "./param-spec.mjs";
import { bodySpec, responseMedia } from "./media-spec.mjs";
import { tsLiteral } from "./ts-literal.mjs";

const LOCATIONS = ["path", "query", "header", "cookie"];

/** Server key: its description as an identifier ("PRODUCTION" → production), else "default". */
function serverKey(/** @type {{ description?: string }} */ server, /** @type {number} */ index) {
  const slug = (server.description ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  return slug || (index === 0 ? "default" : `server${index}`);
}

/** Thrown inside one operation when it cannot be sent; becomes a warning naming it. */
class Unsendable extends Error {}

/**
 * @param {Record<string, any>} doc  the final bundle
 * @param {Record<string, unknown>} responses  each operation's 2xx body check (emit-checks.mjs), by key
 * @param {{ fileOf?: (path: string) => string, overlay?: string }} [where]  the upstream file holding a path, and the overlay (which usually declares x-pagination), for errors
 * @returns {{ servers: Record<string, string>, operations: Record<string, Record<string, unknown>>, headerEnums: Record<string, unknown[]>, warnings: string[] }}
 */
export function clientData(doc, responses, { fileOf = () => "", overlay } = {}) {
  /** @type {string[]} */
  const warnings = [];
  let current = "";
  const deref = makeDeref(doc, (ref, why) => {
    throw new GenerateError(`${current ? `${current}: ` : ""}$ref "${ref}" ${why}`, { rule: "unresolved-ref", file: fileOf(current.split(" ")[1] ?? "") || undefined });
  });
  /** @type {Record<string, string>} */
  const servers = {};
  (doc.servers ?? []).forEach((/** @type {any} */ s, /** @type {number} */ i) => (servers[serverKey(s, i)] = s.url));

  /** @type {Record<string, Record<string, unknown>>} */
  const operations = {};
  /** @type {Record<string, unknown[]>} */
  const headerEnums = {};
  const schemes = readSchemes(doc, overlay);
  const { entries, derived } = operationEntries(doc, deref);
  if (derived.length) {
    const [first] = derived;
    warnings.push(`${derived.length} operation(s) have no operationId; their keys in client.ts come from method and path (${first?.where} → ${first?.key}${derived.length > 1 ? ", …" : ""})`);
  }
  for (const { key, method, path, op, item } of entries) {
    current = `${method.toUpperCase()} ${path}`;
    try {
      const spec = operationSpec({ method, path, op, item, deref, headerEnums, response: responses[key] });
      const paginate = paginateSpec({ op, method, where: `${current} (${key})`, schemes, query: spec.params?.query, deref, file: overlay ?? (fileOf(path) || undefined) });
      operations[key] = paginate ? { ...spec, paginate } : spec;
    } catch (error) {
      if (!(error instanceof Unsendable)) {
        if (error instanceof GenerateError) throw error;
        throw new GenerateError(`${current} (${key}): the client generator cannot follow this operation: ${/** @type {Error} */ (error)?.message ?? error}`, { rule: "client-generator", file: fileOf(path) || undefined });
      }
      warnings.push(`${current} (${key}) is typed but left out of the operation table: ${error.message}; call it through the raw client`);
    }
  }
  for (const values of Object.values(headerEnums)) values.sort();
  return { servers, operations: sortKeys(operations), headerEnums: sortKeys(headerEnums), warnings };
}

/**
 * One OperationSpec literal.
 * @param {{ method: string, path: string, op: any, item: any, deref: (s: any) => any, headerEnums: Record<string, unknown[]>, response: unknown }} a
 */
function operationSpec({ method, path, op, item, deref, headerEnums, response }) {
  // operation-level parameters override path-level ones of the same name and location
  const all = new Map();
  for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const p = deref(raw);
    if (!p || typeof p !== "object" || typeof p.name !== "string") throw new Unsendable("a parameter has no name");
    all.set(`${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`, p);
  }
  /** @type {Record<string, Record<string, Record<string, unknown>>>} */
  const params = {};
  for (const p of all.values()) {
    if (!LOCATIONS.includes(p.in)) throw new Unsendable(`parameter "${p.name}" is in ${JSON.stringify(p.in)}, not path, query, header or cookie`);
    // Accept, Content-Type and Authorization header parameters are ignored (OpenAPI 3.x, Parameter Object "name").
    if (p.in === "header" && ["accept", "content-type", "authorization"].includes(p.name.toLowerCase())) continue;
    const spec = paramSpec(p, deref);
    if (typeof spec === "string") throw new Unsendable(`${p.in} parameter "${p.name}" ${spec}`);
    (params[p.in] ??= {})[p.name] = spec;
    const enumValues = p.in === "header" ? deref(p.schema ?? {})?.enum : undefined;
    if (Array.isArray(enumValues)) {
      const values = (headerEnums[p.name] ??= []);
      for (const v of enumValues) if (!values.includes(v)) values.push(v);
    }
  }
  for (const name of path.match(/\{[^}]*\}/g) ?? []) {
    if (!params.path?.[name.slice(1, -1)]) throw new Unsendable(`path parameter ${name} is not declared`);
  }
  const body = op.requestBody === undefined ? undefined : bodySpec(deref(op.requestBody), deref);
  if (typeof body === "string") throw new Unsendable(`its request body ${body}`);
  const media = responseMedia(op, deref);
  /** @type {Record<string, Record<string, Record<string, unknown>>>} */
  const ordered = {};
  for (const at of LOCATIONS) if (params[at]) ordered[at] = sortKeys(params[at]);
  return {
    method: method.toUpperCase(),
    path,
    ...(Object.keys(ordered).length && { params: ordered }),
    ...(body && { body }),
    ...(media && { responseMedia: media }),
    ...(response !== undefined && { response }),
  };
}

/** @param {Record<string, any>} obj */
const sortKeys = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * @param {ReturnType<typeof clientData>} data
 * @param {string} header
 */
export function emitClient(data, header) {
  return `${header}
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./types.js";

/** The spec's servers, keyed by their description. */
export const servers = ${tsLiteral(data.servers)} as const;
export type ServerName = keyof typeof servers;

/**
 * Every operation, by operationId (else a name from method and path): method, path, how each
 * parameter is serialized and checked, the request body's media types and encodings, the 2xx
 * response's media types, and the check of its JSON body (shapes in response-checks.ts).
 */
export const operations = ${tsLiteral(data.operations)} as const;
export type OperationId = keyof typeof operations;

/** Values of enum-typed header parameters, sorted. */
export const headerEnums = ${tsLiteral(data.headerEnums)} as const;

export type RawClient = Client<paths>;

/** openapi-fetch's client, typed by this API's paths. */
export function createRawClient(options?: ClientOptions): RawClient {
  return createClient<paths>(options);
}
`;
}
