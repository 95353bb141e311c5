// Validates bodies against an OpenAPI 3.0 bundle (by default generated/<api>/openapi.yaml) with ajv.
// OpenAPI 3.0 schemas are not quite JSON Schema: `nullable: true` becomes a "null" type, and
// `#/components/schemas/X` refs are re-rooted so ajv can resolve them.
// Responses are checked strictly: an object may hold only the properties its schema declares
// (unevaluatedProperties: false, so allOf/oneOf parts still count), unless the schema says otherwise.
import { readFileSync } from "node:fs";
import { Ajv2019, type ErrorObject, type ValidateFunction } from "ajv/dist/2019.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module.
type FormatsPlugin = (ajv: Ajv2019) => Ajv2019;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin;

type Json = Record<string, unknown>;
export type Api = "sequence" | "seam";

/** Where a schema sits: a value of its own (closed when strict), or one part of an allOf/anyOf/oneOf (left open, its parent closes). */
type Position = "value" | "part";
const COMPOSITIONS = new Set(["allOf", "anyOf", "oneOf"]);

let documents = 0;

/** The bundle of a built-in API as it is on disk now. */
export function readBundle(api: Api): Json {
  return parse(readFileSync(new URL(`../../generated/${api}/openapi.yaml`, import.meta.url), "utf8")) as Json;
}

/**
 * OpenAPI schema → JSON Schema. Component refs point into `${ns}-loose` when not strict, else into
 * `${ns}-open` (parts of a composition) or `${ns}-closed` (values); a value that declares properties or composes schemas gets
 * `unevaluatedProperties: false` unless it sets additionalProperties itself.
 */
function toJsonSchema(node: unknown, ns: string, strict: boolean, position: Position): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, ns, strict, position));
  if (typeof node !== "object" || node === null) return node;
  const source = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "example" || key === "examples" || key === "nullable" || key === "discriminator" || key === "xml") continue;
    if (key === "$ref" && typeof value === "string") {
      const variant = !strict ? "loose" : position === "value" ? "closed" : "open";
      out.$ref = value.replace("#/components/schemas/", `${ns}-${variant}#/definitions/`);
    } else if (key === "properties" && typeof value === "object" && value !== null) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, ns, strict, "value")]));
    } else if (COMPOSITIONS.has(key)) {
      out[key] = toJsonSchema(value, ns, strict, "part");
    } else if (key === "items" || key === "additionalProperties" || key === "not") {
      out[key] = toJsonSchema(value, ns, strict, key === "not" ? "part" : "value");
    } else {
      out[key] = value;
    }
  }
  if (source.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  const composes = [...COMPOSITIONS].some((k) => k in source);
  if (strict && position === "value" && !("additionalProperties" in source) && ("properties" in source || composes)) {
    out.unevaluatedProperties = false;
  }
  return out;
}

/** One ajv error as a line naming the field: `/items/0: property "email" is not declared`. */
function describe(error: ErrorObject): string {
  const at = error.instancePath || "/";
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "unevaluatedProperties" || error.keyword === "additionalProperties") {
    const name = params.unevaluatedProperty ?? params.additionalProperty;
    return `${at}: property "${String(name)}" is not declared by the spec`;
  }
  if (error.keyword === "required") return `${at}: required property "${String(params.missingProperty)}" is missing`;
  return `${at}: ${error.message ?? error.keyword}`;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** e.g. `getUsers (GET /users)`. */
  label: string;
}

export interface SpecValidator {
  /** The operation a request reaches, literal paths before templated ones; undefined when none. */
  operationFor(method: string, path: string): SpecOperation | undefined;
  /** The schema of a declared JSON response, or undefined when the spec gives none for that status. */
  responseSchema(method: string, pathTemplate: string, status: number): unknown;
  /** Errors for `body` as that response (strict: undeclared properties fail), or [] when it conforms. Throws when no schema is declared. */
  responseErrors(method: string, pathTemplate: string, status: number, body: unknown): string[];
  /** Errors for `body` as that operation's JSON request body (not strict: the fake accepts what the vendor ignores). */
  requestErrors(method: string, pathTemplate: string, body: unknown): string[];
  /** Whether the operation declares this status at all. */
  declares(method: string, pathTemplate: string, status: number): boolean;
  /** Query parameters the operation declares (path-level ones too). */
  queryParameters(method: string, pathTemplate: string): string[];
  /**
   * Everything wrong with an answer the fake sent, each line naming the operation and the field: a
   * 2xx the operation does not declare, a 2xx to a route the spec does not have, and any body that
   * does not match its declared schema. Error statuses without a declared schema are not checked.
   */
  answerErrors(method: string, path: string, status: number, body: unknown): string[];
  /** Compiles every declared JSON response now, so the first check of an answer is as fast as the rest. */
  compileResponses(): void;
}

/** A validator for a built-in API's current bundle, or for any OpenAPI 3.0 document. */
export function createSpecValidator(api: Api | Json, name = typeof api === "string" ? api : "api"): SpecValidator {
  const doc = typeof api === "string" ? readBundle(api) : api;
  const ns = `${name}-${++documents}`;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  const definitions = (strict: boolean, position: Position) =>
    Object.fromEntries(Object.entries(schemas).map(([key, schema]) => [key, toJsonSchema(schema, ns, strict, position)]));
  ajv.addSchema({ $id: `${ns}-loose`, definitions: definitions(false, "value") });
  ajv.addSchema({ $id: `${ns}-open`, definitions: definitions(true, "part") });
  ajv.addSchema({ $id: `${ns}-closed`, definitions: definitions(true, "value") });
  const compiled = new Map<string, ValidateFunction>();
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  // literal paths first, so /users/me wins over /users/{id}
  const routes = Object.keys(paths)
    .sort((a, b) => Number(a.includes("{")) - Number(b.includes("{")))
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[^/]+")}$`),
    }));

  const operation = (method: string, pathTemplate: string): Json => {
    const op = paths[pathTemplate]?.[method.toLowerCase()] as Json | undefined;
    if (!op) throw new Error(`${name} spec has no ${method} ${pathTemplate}`);
    return op;
  };
  const jsonSchema = (holder: Json | undefined): unknown => {
    const content = (holder?.content ?? {}) as Record<string, Json>;
    const type = Object.keys(content).find((t) => t === "application/json" || /^application\/[^;]*\+json\b|^application\/json\b/.test(t));
    return type === undefined ? undefined : content[type]?.schema;
  };
  const declared = (method: string, pathTemplate: string, status: number): Json | undefined => {
    const responses = operation(method, pathTemplate).responses as Record<string, Json>;
    return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  };
  const errorsFor = (key: string, schema: unknown, body: unknown, strict: boolean): string[] => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema, ns, strict, "value") as Json);
      compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map(describe);
  };

  const validator: SpecValidator = {
    operationFor(method, path) {
      const lower = method.toLowerCase();
      for (const { template, pattern } of routes) {
        const op = paths[template]?.[lower] as Json | undefined;
        if (!op || !METHODS.includes(lower) || !pattern.test(path)) continue;
        const operationId = typeof op.operationId === "string" ? op.operationId : `${method.toUpperCase()} ${template}`;
        return { operationId, method: method.toUpperCase(), pathTemplate: template, label: `${operationId} (${method.toUpperCase()} ${template})` };
      }
      return undefined;
    },
    responseSchema: (method, pathTemplate, status) => jsonSchema(declared(method, pathTemplate, status)),
    declares: (method, pathTemplate, status) => String(status) in (operation(method, pathTemplate).responses as Json),
    responseErrors(method, pathTemplate, status, body) {
      const schema = validator.responseSchema(method, pathTemplate, status);
      if (schema === undefined) throw new Error(`${name} spec declares no JSON body for ${method} ${pathTemplate} ${status}`);
      return errorsFor(`res ${method} ${pathTemplate} ${status}`, schema, body, true);
    },
    requestErrors(method, pathTemplate, body) {
      const schema = jsonSchema(operation(method, pathTemplate).requestBody as Json | undefined);
      if (schema === undefined) throw new Error(`${name} spec declares no JSON request body for ${method} ${pathTemplate}`);
      return errorsFor(`req ${method} ${pathTemplate}`, schema, body, false);
    },
    queryParameters(method, pathTemplate) {
      const shared = (paths[pathTemplate]?.parameters ?? []) as Json[];
      const own = (operation(method, pathTemplate).parameters ?? []) as Json[];
      return [...new Set([...shared, ...own].filter((p) => p.in === "query").map((p) => String(p.name)))];
    },
    answerErrors(method, path, status, body) {
      const op = validator.operationFor(method, path);
      const success = status >= 200 && status < 300;
      if (!op) return success ? [`${method.toUpperCase()} ${path}: the fake answered ${status}, but the spec has no such operation`] : [];
      const response = declared(op.method, op.pathTemplate, status);
      if (!response) return success ? [`${op.label}: status ${status} is not declared by the spec`] : [];
      const schema = jsonSchema(response);
      if (schema === undefined) return [];
      return errorsFor(`res ${op.method} ${op.pathTemplate} ${status}`, schema, body, true).map((line) => `${op.label} ${status} ${line}`);
    },
    compileResponses() {
      for (const [template, item] of Object.entries(paths)) {
        for (const method of METHODS) {
          const responses = (item[method] as Json | undefined)?.responses as Record<string, Json> | undefined;
          for (const [status, response] of Object.entries(responses ?? {})) {
            const schema = jsonSchema(response);
            if (schema !== undefined && /^\d+$/.test(status)) errorsFor(`res ${method.toUpperCase()} ${template} ${status}`, schema, undefined, true);
          }
        }
      }
    },
  };
  return validator;
}
