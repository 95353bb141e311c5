// Validates bodies against the bundled specs in generated/<api>/openapi.yaml with ajv.
// OpenAPI 3.0 schemas are not quite JSON Schema: `nullable: true` becomes a "null" type, and
// `#/components/schemas/X` refs are re-rooted so ajv can resolve them.
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin;

type Json = Record<string, unknown>;
export type Api = "sequence" | "seam";

function toJsonSchema(node: unknown, api: Api): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, api));
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key === "nullable") continue;
    if (key === "$ref" && typeof value === "string") out.$ref = value.replace("#/components/schemas/", `${api}#/definitions/`);
    else out[key] = toJsonSchema(value, api);
  }
  if ((node as Json).nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

export interface SpecValidator {
  /** The schema of a declared JSON response, or undefined when the spec gives none for that status. */
  responseSchema(method: string, pathTemplate: string, status: number): unknown;
  /** ajv errors for `body` as that response, or [] when it conforms. Throws when no schema is declared. */
  responseErrors(method: string, pathTemplate: string, status: number, body: unknown): string[];
  /** ajv errors for `body` as that operation's JSON request body. */
  requestErrors(method: string, pathTemplate: string, body: unknown): string[];
  /** Whether the operation declares this status at all. */
  declares(method: string, pathTemplate: string, status: number): boolean;
}

export function createSpecValidator(api: Api): SpecValidator {
  const doc = parse(readFileSync(new URL(`../../generated/${api}/openapi.yaml`, import.meta.url), "utf8")) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  ajv.addSchema({ $id: api, definitions: toJsonSchema(schemas, api) });
  const compiled = new Map<string, ValidateFunction>();

  const operation = (method: string, pathTemplate: string): Json => {
    const op = ((doc.paths as Json)[pathTemplate] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    if (!op) throw new Error(`${api} spec has no ${method} ${pathTemplate}`);
    return op;
  };
  const jsonSchema = (holder: Json | undefined): unknown => ((holder?.content as Json | undefined)?.["application/json"] as Json | undefined)?.schema;
  const errorsFor = (key: string, schema: unknown, body: unknown): string[] => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema, api) as Json);
      compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
  };

  return {
    responseSchema: (method, pathTemplate, status) => jsonSchema((operation(method, pathTemplate).responses as Json)[String(status)] as Json | undefined),
    declares: (method, pathTemplate, status) => String(status) in (operation(method, pathTemplate).responses as Json),
    responseErrors(method, pathTemplate, status, body) {
      const schema = this.responseSchema(method, pathTemplate, status);
      if (schema === undefined) throw new Error(`${api} spec declares no JSON body for ${method} ${pathTemplate} ${status}`);
      return errorsFor(`res ${method} ${pathTemplate} ${status}`, schema, body);
    },
    requestErrors(method, pathTemplate, body) {
      const schema = jsonSchema(operation(method, pathTemplate).requestBody as Json | undefined);
      if (schema === undefined) throw new Error(`${api} spec declares no JSON request body for ${method} ${pathTemplate}`);
      return errorsFor(`req ${method} ${pathTemplate}`, schema, body);
    },
  };
}
