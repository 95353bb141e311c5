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
import { Code, exportConst, tsLiteral } from "./ts-literal.mjs";
import { tsType } from "./ts-type.mjs";
import { checkCode } from "./emit-checks.mjs";

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
 * @returns {{ servers: Record<string, string>, operations: Record<string, Record<string, unknown>>, headerEnums: Record<string, unknown[]>, api: Record<string, unknown>, warnings: string[] }}
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
  // the version header is found from every operation's headers before those are left out of them
  const api = apiData(doc, deref, operations);
  leaveOutClientHeaders(operations, headerEnums);
  return { servers, operations: sortKeys(operations), headerEnums: sortKeys(headerEnums), api, warnings };
}

/** A security requirement as alternatives of scheme names (scopes are the server's business). */
const requirement = (/** @type {any[]} */ security) => security.map((alt) => Object.keys(alt ?? {}));

/**
 * What the generated entry needs besides the operations: server variables, security schemes and the
 * top-level requirement, and the version header (an enum header every operation in the table declares).
 * @param {Record<string, any>} doc @param {(s: any) => any} deref @param {Record<string, any>} operations
 */
function apiData(doc, deref, operations) {
  /** @type {Record<string, unknown>} */
  const api = {};
  /** @type {Record<string, Record<string, unknown>>} */
  const variables = {};
  (doc.servers ?? []).forEach((/** @type {any} */ s, /** @type {number} */ i) => {
    const vars = Object.entries(s.variables ?? {});
    if (!vars.length) return;
    variables[serverKey(s, i)] = Object.fromEntries(vars.map(([name, v]) => [name, { default: String(v?.default ?? ""), ...(Array.isArray(v?.enum) && { enum: v.enum.map(String) }) }]));
  });
  if (Object.keys(variables).length) api.serverVariables = variables;
  /** @type {Record<string, Record<string, string>>} */
  const schemes = {};
  for (const [name, raw] of Object.entries(doc.components?.securitySchemes ?? {})) {
    const s = deref(raw) ?? {};
    schemes[name] = { type: s.type, ...(s.type === "http" && { scheme: String(s.scheme ?? "").toLowerCase() }), ...(s.type === "apiKey" && { in: s.in, name: s.name }) };
  }
  if (Object.keys(schemes).length) api.securitySchemes = sortKeys(schemes);
  const ops = Object.values(operations);
  // The default requirement: the spec's, or the one every operation repeats (Sequence); an operation
  // then carries its own only where it differs, which keeps the table small.
  const own = ops.map((o) => JSON.stringify(o.security));
  const shared = own.length && own[0] !== undefined && own.every((s) => s === own[0]) ? ops[0].security : undefined;
  const security = shared ?? (Array.isArray(doc.security) ? requirement(doc.security) : undefined);
  if (security) api.security = security;
  for (const o of ops) if (JSON.stringify(o.security) === JSON.stringify(security)) delete o.security;
  const everywhere = ops.length ? Object.keys(ops[0].params?.header ?? {}).filter((name) => Array.isArray(ops[0].params.header[name].enum) && ops.every((o) => Array.isArray(o.params?.header?.[name]?.enum))) : [];
  const version = everywhere.sort()[0];
  if (version) api.versionHeader = { name: version, values: [...new Set(ops.flatMap((o) => o.params.header[version].enum.map(String)))].sort() };
  return api;
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
    ...(Array.isArray(op.security) && { security: requirement(op.security) }),
  };
}

/**
 * An optional enum header on every operation (an API version, say) is a client option: the facade
 * sends it from headerEnums' values on every call. It is left out of each operation's params.header,
 * which then carries only what a call may set (a bundle that imports the table pays for no copy).
 * @param {Record<string, Record<string, any>>} operations @param {Record<string, unknown[]>} headerEnums
 */
function leaveOutClientHeaders(operations, headerEnums) {
  const ops = Object.values(operations);
  for (const name of Object.keys(headerEnums)) {
    if (!ops.length || !ops.every((op) => op.params?.header?.[name] && !op.params.header[name].required)) continue;
    for (const op of ops) {
      delete op.params.header[name];
      if (!Object.keys(op.params.header).length) delete op.params.header;
      if (!Object.keys(op.params).length) delete op.params;
    }
  }
}

/** @param {Record<string, any>} obj */
const sortKeys = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const RESERVED = new Set("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval api".split(" "));

/**
 * Each operation's export name: its key when that is an identifier, else the key's words in
 * camelCase ("pets.list" → petsList); a reserved word or a taken name gets `Operation`, then 2, 3….
 * @param {string[]} keys
 * @param {string[]} taken  names the entry exports besides the operations
 */
export function exportNames(keys, taken = []) {
  const used = new Set(taken);
  /** @type {Record<string, string>} */
  const names = {};
  for (const key of keys) {
    let name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : key.split(/[^A-Za-z0-9_$]+/).filter(Boolean).map((w, i) => (i ? w[0]?.toUpperCase() + w.slice(1) : w)).join("");
    if (!name || /^[0-9]/.test(name)) name = `op${name[0]?.toUpperCase() ?? ""}${name.slice(1)}`;
    if (RESERVED.has(name) || used.has(name)) name = `${name}Operation`;
    const base = name;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    names[key] = name;
  }
  return names;
}

/** "my-api" → "MyApi" */
export const pascal = (/** @type {string} */ name) => name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]?.toUpperCase() + w.slice(1)).join("") || "Api";

/** The names the entry module exports besides the operations. */
const entryNames = (/** @type {string} */ api) => [`create${pascal(api)}Client`, `${pascal(api)}Client`, `${pascal(api)}ClientOptions`, "OwnedHeaders", "paths", "components", "responseChecks", ...ERRORS, ...RUNTIME_TYPES];

/** The error classes and transport types the entry re-exports, so callers catch and type without another import. */
const ERRORS = ["ApiError", "AuthenticationError", "BadRequestError", "ConflictError", "ConnectionError", "HttpError", "InternalServerError", "MalformedResponseError", "NotFoundError", "PaginationError", "PermissionDeniedError", "RateLimitError", "RedirectError", "ResponseTooLargeError", "TimeoutError", "UnprocessableEntityError", "ValidationError"];
const RUNTIME_TYPES = ["CallOptions", "RetryEvent", "TransportOptions"];

const JSON_ONLY = /^application\/json$/;
const FORM_OR_JSON = /^application\/(x-www-form-urlencoded$|(.+\+)?json\b)/;
/** The runtime module of each encoder an operation may name. */
export const ENCODER_MODULES = { encodeParams: "request-params", encodeQueryStyles: "query-styles", encodeDeepObjectQuery: "deep-object-query", encodeStyledParams: "param-style", encodeFormBody: "form-body", encodeBody: "body-encoding", decodeResponse: "response-media" };

/**
 * Parameters that src/runtime/request-params.ts (the smallest encoder) sends as the spec says:
 * default styles, string path ids, typed query values, no header or cookie parameters.
 */
const plainParam = (/** @type {any} */ p) => p.style === undefined && p.explode === undefined && !p.content && !p.allowReserved;
/** @param {any} params */
function plainParams(params = {}) {
  return !params.header && !params.cookie && Object.values(params.path ?? {}).every((p) => plainParam(p) && p.type === "string") && Object.values(params.query ?? {}).every((p) => plainParam(p) && p.type);
}
/** Plain but for deepObject query parameters: what src/runtime/deep-object-query.ts sends. @param {any} params */
const deepObjectQuery = (params = {}) =>
  !params.header && !params.cookie && Object.values(params.path ?? {}).every((p) => plainParam(p) && p.type === "string") && Object.values(params.query ?? {}).every((p) => (plainParam(p) && p.type) || (p.style === "deepObject" && !p.content && !p.allowReserved));
/** Plain but for query styles: what src/runtime/query-styles.ts sends. @param {any} params */
const queryStyles = (params = {}) => !params.header && !params.cookie && Object.values(params.path ?? {}).every((p) => plainParam(p) && p.type === "string") && Object.values(params.query ?? {}).every((p) => !p.content);

/**
 * The encoders an operation needs beyond src/runtime/api-client.ts's defaults (no parameters, JSON
 * bodies and responses), by OperationSpec field: the only ones its consumer's bundle holds.
 * @param {Record<string, any>} op @returns {Record<string, keyof typeof ENCODER_MODULES>}
 */
export function encodersOf(op) {
  /** @type {Record<string, keyof typeof ENCODER_MODULES>} */
  const out = {};
  if (op.params) out.encodeParams = plainParams(op.params) ? "encodeParams" : deepObjectQuery(op.params) ? "encodeDeepObjectQuery" : queryStyles(op.params) ? "encodeQueryStyles" : "encodeStyledParams";
  // fetch sends no body with GET or HEAD (Stripe declares an empty form body on its GETs): no encoder for one
  const media = op.method === "GET" || op.method === "HEAD" ? [] : (op.body?.media ?? []);
  if (media.length > 1 || (media.length && !JSON_ONLY.test(media[0]))) out.encodeBody = media.every((/** @type {string} */ m) => FORM_OR_JSON.test(m)) ? "encodeFormBody" : "encodeBody";
  if (op.responseMedia) out.decodeResponse = "decodeResponse";
  return out;
}

/**
 * generated/<api>/operations.js and operations.d.ts: one export per operation, so a bundler keeps
 * only those a consumer uses, each naming the runtime encoders it needs (encodersOf), so those follow
 * it into the bundle. The declarations give each export the type `as const` would infer; as a .d.ts
 * they are resolved lazily, so a consumer's tsc pays only for the operations it uses (issue 18).
 * @param {ReturnType<typeof clientData>} data @param {string} header @param {string} api
 * @returns {{ js: string, dts: string }}
 */
export function emitOperations(data, header, api) {
  const names = exportNames(Object.keys(data.operations), entryNames(api));
  /** @type {Set<string>} */
  const used = new Set();
  /** @type {string[]} */
  const js = [];
  /** @type {string[]} */
  const dts = [];
  for (const [key, spec] of Object.entries(data.operations)) {
    const encoders = Object.entries(encodersOf(spec));
    for (const [, fn] of encoders) used.add(fn);
    const response = spec.response && checkCode(/** @type {any} */ (spec.response), "responseChecks.", true);
    if (response && JSON.stringify(response).includes("responseChecks.")) used.add("responseChecks");
    const value = { ...spec, ...(response ? { response } : {}), ...Object.fromEntries(encoders.map(([field, fn]) => [field, new Code(fn)])) };
    const type = { ...spec, ...(response ? { response: checkType(/** @type {any} */ (spec.response), true) } : {}), ...Object.fromEntries(encoders.map(([field, fn]) => [field, new Code(`typeof ${fn}`)])) };
    const doc = `/** ${spec.method} ${spec.path}${names[key] === key ? "" : ` (${key})`} */\n`;
    js.push(`${doc}${exportConst(/** @type {string} */ (names[key]), value)}`);
    dts.push(`${doc}export declare const ${names[key]}: ${tsType(type, { column: `export declare const ${names[key]}: `.length, suffix: ";" })};\n`);
  }
  const shapes = used.delete("responseChecks");
  const encoders = [...used].sort();
  const from = (/** @type {string} */ fn) => `"../../src/runtime/${ENCODER_MODULES[/** @type {keyof typeof ENCODER_MODULES} */ (fn)]}.js"`;
  const jsImports = [...encoders.map((fn) => `import { ${fn} } from ${from(fn)};\n`), ...(shapes ? [`import * as responseChecks from "./response-checks.js";\n`] : [])];
  const dtsImports = [...encoders.map((fn) => `import type { ${fn} } from ${from(fn)};\n`), ...(shapes ? [`import type { Shape } from "../../src/runtime/response.js";\n`] : [])];
  const about = `// Each operation's table entry (OperationSpec in src/runtime/request.ts), one export each: a consumer
// that imports one operation bundles that one only, with the runtime encoders it names. client.ts
// gathers them into \`operations\`.`;
  const body = (/** @type {string[]} */ blocks) => (blocks.length ? `\n${blocks.join("\n")}` : "\nexport {};\n");
  return {
    js: `${header}\n${about}\n${jsImports.join("")}${body(js)}`,
    dts: `${header}\n${about}\n// The declarations of operations.js: each entry's type as \`as const\` would infer it.\n${dtsImports.join("")}${body(dts)}`,
  };
}

/** A root check's type: each shape reference is a function returning a Shape. @param {any} check @param {boolean} [root] @returns {Record<string, unknown>} */
function checkType(check, root = false) {
  /** @type {Record<string, unknown>} */
  const out = { ...check };
  if (check.shape) {
    out.shape = new Code("() => Shape");
    if (root) out.name = check.shape;
  }
  if (check.items) out.items = checkType(check.items);
  return out;
}

/**
 * @param {ReturnType<typeof clientData>} data
 * @param {string} header
 * @param {string} api
 */
export function emitClient(data, header, api) {
  const names = exportNames(Object.keys(data.operations), entryNames(api));
  const table = Object.keys(data.operations).map((key) => `  ${tsLiteral(key).replace(/^"(.*)"$/, (q, k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : q))}: op.${names[key]},`);
  return `${header}
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import * as op from "./operations.js";
import type { paths } from "./types.js";

/** The spec's servers, keyed by their description. */
export const servers = ${tsLiteral(data.servers)} as const;
export type ServerName = keyof typeof servers;

/**
 * Every operation, by operationId (else a name from method and path): method, path, how each
 * parameter is serialized and checked, the request body's media types and encodings, the 2xx
 * response's media types, and the check of its JSON body (shapes in response-checks.js). Each entry
 * is also its own export of operations.js; a module that uses this table bundles all of them.
 */
export const operations = {${table.length ? `\n${table.join("\n")}\n` : ""}} as const;
export type OperationId = keyof typeof operations;

/** Values of enum-typed header parameters, sorted. One that is optional on every operation is the client's, left out of params.header. */
export const headerEnums = ${tsLiteral(data.headerEnums)} as const;

export type RawClient = Client<paths>;

/** openapi-fetch's client, typed by this API's paths. */
export function createRawClient(options?: ClientOptions): RawClient {
  return createClient<paths>(options);
}
`;
}

/**
 * The code an entry passes to createApiClient (ClientParts in src/runtime/api-client.ts) for what its
 * spec declares beyond the defaults, so the bundles of other APIs leave it out: the import lines and
 * the argument (`""` when none).
 * @param {ReturnType<typeof clientData>} data @returns {{ imports: string, parts: string }}
 */
export function clientParts(data) {
  /** @type {[field: string, code: string, module: string][]} */
  const found = [];
  /** @type {[kind: string, code: string, module: string][]} */
  const kinds = [];
  const schemes = Object.values(/** @type {Record<string, { type: string, scheme?: string }>} */ (data.api.securitySchemes ?? {}));
  if (schemes.some((s) => s.type === "http" && s.scheme === "basic")) kinds.push(["basic", "httpBasic", "auth-basic"]);
  if (schemes.some((s) => s.type === "apiKey")) kinds.push(["apiKey", "apiKey", "auth-api-key"]);
  if (schemes.some((s) => s.type === "mutualTLS")) kinds.push(["mutualTLS", "mutualTls", "auth-mutual-tls"]);
  if (Object.values(data.servers).some((url) => url.includes("{"))) found.push(["fillVariables", "fillServerVariables", "server-variables"]);
  if (data.api.versionHeader) found.push(["versionHeaders", "versionHeaders", "version-header"]);
  if (Object.values(data.operations).some((op) => Object.keys(/** @type {any} */ (op).params?.header ?? {}).some((name) => name.toLowerCase() === "idempotency-key"))) {
    found.push(["idempotencyKey", "addIdempotencyKey", "idempotency-keys"]);
  }
  const imports = [...kinds, ...found].map(([, code, module]) => `import { ${code} } from "../../src/runtime/${module}.js";\n`).sort().join("");
  const fields = found.map(([field, code]) => (field === code ? code : `${field}: ${code}`));
  if (kinds.length) fields.unshift(`schemeKinds: { ${kinds.map(([kind, code]) => (kind === code ? kind : `${kind}: ${code}`)).join(", ")} }`);
  // one field a line: prettier keeps an object broken after its "{"
  return { imports, parts: fields.length ? `, {\n${fields.map((f) => `    ${f},\n`).join("")}  }` : "" };
}

/**
 * generated/<api>/index.ts, the package entry "vendor-api-clients/<api>": the client factory over
 * src/runtime/api-client.ts, the API's servers, security and version header as data, and every operation.
 * @param {ReturnType<typeof clientData>} data @param {string} header @param {string} api
 */
export function emitIndex(data, header, api) {
  const P = pascal(api);
  const spec = { factory: `create${P}Client`, servers: data.servers, ...data.api };
  const { imports, parts } = clientParts(data);
  return `${header}
import { createApiClient } from "../../src/runtime/api-client.js";
import type { ApiClient, ApiClientOptions } from "../../src/runtime/api-client.js";
import type { OwnedHeadersOf } from "../../src/runtime/request.js";
${imports}import type { paths } from "./types.js";

export * from "./operations.js";
export type { components, paths } from "./types.js";
export {
${ERRORS.map((e) => `  ${e},`).join("\n")}
} from "../../src/runtime/errors.js";
export type { CallOptions, RetryEvent, TransportOptions } from "../../src/runtime/transport.js";
export {
  paginate,
  type OperationPaginator,
  type PaginateOperationOptions,
} from "../../src/runtime/paginate-operation.js";

/** The spec's servers (URL templates by name, the first is the default), security schemes and version header. */
const api = ${tsLiteral(spec)} as const;

export type ${P}ClientOptions = ApiClientOptions<typeof api>;
/** Headers the client sends itself (its version header): not per-call parameters. */
export type OwnedHeaders = OwnedHeadersOf<typeof api>;
export type ${P}Client = ApiClient<paths, OwnedHeaders>;

/**
 * A client for ${api}: \`client.request(operation, { params, body }, callOptions)\` with an operation
 * exported here; \`paginate(client, operation, input, options)\` for one whose pagination is declared.
 */
export function create${P}Client(options?: ${P}ClientOptions): ${P}Client {
  return createApiClient<paths, typeof api>(api, options${parts});
}
`;
}
