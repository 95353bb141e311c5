// @ts-check
// Writes generated/<api>/client.ts: the spec's servers, its operation table and enum-typed headers
// as typed constants the facade's one request helper (src/request.ts) is driven by, plus a factory
// for openapi-fetch's client bound to the API's `paths` (imported only by the raw-client factories).
import { GenerateError } from "./errors.mjs";
import { tsLiteral } from "./ts-literal.mjs";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PRIMITIVES = ["string", "integer", "number", "boolean"];

/** Server key: its description as an identifier ("PRODUCTION" → production), else "default". */
function serverKey(/** @type {{ description?: string }} */ server, /** @type {number} */ index) {
  const slug = (server.description ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  return slug || (index === 0 ? "default" : `server${index}`);
}

/**
 * What the request helper checks of one parameter before sending: its JSON type, range and enum.
 * Only what src/request.ts can serialize the way the spec says: primitives (and, in a query, arrays
 * of primitives) in the default style. Anything else fails the run instead of being sent wrong.
 * @param {any} param  a resolved Parameter Object
 * @param {string} where  "GET /users" for the message
 * @param {(s: any) => any} deref
 */
function paramRule(param, where, deref) {
  const schema = deref(param.schema ?? {});
  const fail = (/** @type {string} */ why) => {
    throw new GenerateError(`${where}: ${param.in} parameter "${param.name}" ${why}; extend src/request.ts (and this check) before using it`, { rule: "unsupported-parameter" });
  };
  const defaultStyle = param.in === "query" ? "form" : "simple";
  if ((param.style ?? defaultStyle) !== defaultStyle || (param.explode ?? param.in === "query") !== (param.in === "query") || param.allowReserved || param.content) {
    fail("uses a serialization style other than the default");
  }
  /** @type {Record<string, unknown>} */
  const rule = {};
  let item = schema;
  if (schema.type === "array" && param.in === "query") {
    rule.array = true;
    item = deref(schema.items ?? {});
  }
  if (!PRIMITIVES.includes(item.type)) fail(`has type ${JSON.stringify(item.type ?? "any")}, not a primitive`);
  rule.type = item.type;
  if (typeof item.minimum === "number") rule.minimum = item.minimum;
  if (typeof item.maximum === "number") rule.maximum = item.maximum;
  if (Array.isArray(item.enum)) rule.enum = item.enum;
  if (param.required) rule.required = true;
  return rule;
}

/**
 * @param {Record<string, any>} doc  the final bundle
 * @param {Record<string, unknown>} responses  each operation's 2xx body check (emit-checks.mjs)
 */
export function clientData(doc, responses) {
  /** @type {(s: any) => any} */
  const deref = (s) => (typeof s?.$ref === "string" ? deref(s.$ref.split("/").slice(1).reduce((/** @type {any} */ o, /** @type {string} */ k) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc)) : s);
  /** @type {Record<string, string>} */
  const servers = {};
  (doc.servers ?? []).forEach((/** @type {any} */ s, /** @type {number} */ i) => (servers[serverKey(s, i)] = s.url));

  /** @type {Record<string, Record<string, unknown>>} */
  const operations = {};
  /** @type {Record<string, string[]>} */
  const headerEnums = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      /** @type {Record<string, Record<string, Record<string, unknown>>>} */
      const params = {};
      // operation-level parameters override path-level ones of the same name and location
      const all = new Map();
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref)) all.set(`${p.in}:${p.name}`, p);
      for (const p of all.values()) {
        if (p.in === "header" && Array.isArray(deref(p.schema ?? {}).enum)) {
          const values = (headerEnums[p.name] ??= []);
          for (const v of deref(p.schema).enum) if (!values.includes(v)) values.push(v);
        }
        if (p.in === "cookie") throw new GenerateError(`${where}: cookie parameter "${p.name}" is not supported by src/request.ts`, { rule: "unsupported-parameter" });
        (params[p.in] ??= {})[p.name] = paramRule(p, where, deref);
      }
      for (const name of path.match(/\{[^}]+\}/g) ?? []) {
        if (!params.path?.[name.slice(1, -1)]) throw new GenerateError(`${where}: path parameter ${name} is not declared`, { rule: "unsupported-parameter" });
      }
      if (!op.operationId) continue;
      const json = deref(op.requestBody ?? {}).content?.["application/json"];
      const other = Object.keys(deref(op.requestBody ?? {}).content ?? {}).filter((type) => type !== "application/json");
      if (other.length && !json) throw new GenerateError(`${where}: request body type ${other.join(", ")} is not supported by src/request.ts`, { rule: "unsupported-body" });
      operations[op.operationId] = {
        method: method.toUpperCase(),
        path,
        ...(params.query && { query: sortKeys(params.query) }),
        ...(json && { body: deref(op.requestBody).required ? "required" : "optional" }),
        ...(op.operationId in responses && { response: responses[op.operationId] }),
      };
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
  return `${header}
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./types.js";

/** The spec's servers, keyed by their description. */
export const servers = ${tsLiteral(data.servers)} as const;
export type ServerName = keyof typeof servers;

/**
 * Every operation, by operationId: method, path, what the request helper checks of each query
 * parameter, whether it takes a JSON body, and the check of its 2xx body (shapes in response-checks.ts).
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
