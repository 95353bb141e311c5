// Oracle 2's request builder: for one operation of a bundled spec, the `{ params, body }` to send,
// from the spec's own examples or, where it has none, a sample of the schema. Samples come from
// openapi-sampler (Redoc's), not from a sampler of ours.
import { sample } from "openapi-sampler";

type Json = Record<string, any>;
export type Location = "path" | "query" | "header" | "cookie";
export type SampleParams = { [L in Location]?: Record<string, unknown> };

export interface SampleRequest {
  /** "GET /users/{id}", plus the media type when the operation offers several. */
  label: string;
  method: string;
  path: string;
  params: SampleParams;
  body?: unknown;
  /** The request body's media type, when a body is sent. */
  contentType?: string;
  /** What was left out and why (e.g. a body on GET, which fetch cannot send). */
  notes: string[];
}

export const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
// OpenAPI: header parameters of these names are ignored (the client owns them)
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);
const BINARY_MEDIA = /^(application\/(octet-stream|pdf|zip)|image\/|audio\/|video\/)/;
const isJson = (media: string) => /^application\/([\w.+-]+\+)?json\b/.test(media) || media === "*/*";

export function resolve(doc: Json, node: any): any {
  for (let i = 0; node && typeof node.$ref === "string" && i < 32; i++) {
    if (!node.$ref.startsWith("#/")) return undefined;
    let value: any = doc;
    for (const raw of node.$ref.slice(2).split("/")) value = value?.[decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~")];
    node = value;
  }
  return node;
}

const OPTIONS = { skipReadOnly: true, quiet: true, enablePatterns: true } as const;
const sampled = (doc: Json, schema: unknown) => sample((schema ?? {}) as never, OPTIONS, doc);

// openapi-sampler prefers a schema's `example`; a vendor's example can break its own schema, so the
// pure sample reads a copy of the document without them (keys of `properties` maps are kept).
const withoutExamples = new WeakMap<Json, Json>();
function schemaOnly(doc: Json): Json {
  const strip = (node: any, isMap = false): any => {
    if (Array.isArray(node)) return node.map((n) => strip(n));
    if (!node || typeof node !== "object") return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (!isMap && (key === "example" || key === "examples")) continue;
      out[key] = strip(value, !isMap && (key === "properties" || key === "patternProperties" || key === "schemas"));
    }
    return out;
  };
  const copy: Json = withoutExamples.get(doc) ?? strip(doc);
  withoutExamples.set(doc, copy);
  return copy;
}

/** The first of `example` and `examples` (by value), or undefined. */
function exampleOf(doc: Json, holder: Json | undefined): { value: unknown } | undefined {
  if (!holder) return undefined;
  if (holder.example !== undefined) return { value: holder.example };
  for (const ex of Object.values<any>(holder.examples ?? {})) {
    const value = resolve(doc, ex)?.value;
    if (value !== undefined) return { value };
  }
  return undefined;
}

/** The schema with $ref resolved and allOf members' properties merged (enough to find binary parts). */
function flat(doc: Json, schema: any, depth = 0): Json {
  schema = resolve(doc, schema) ?? {};
  if (!schema.allOf || depth > 8) return schema;
  const out: Json = { ...schema, properties: { ...schema.properties } };
  for (const part of schema.allOf) Object.assign(out.properties, flat(doc, part, depth + 1).properties);
  return out;
}

const isBinarySchema = (s: Json) => s.type === "string" && s.format === "binary";
const SAMPLE_BYTES = "sample bytes from the prism oracle\n";
const bytes = (media = "application/octet-stream") => new Blob([new TextEncoder().encode(SAMPLE_BYTES)], { type: media });

/** Puts Blobs where a multipart schema asks for binary parts (the sampler writes strings there). */
function withFiles(doc: Json, schema: unknown, value: unknown): unknown {
  const s = flat(doc, schema);
  if (isBinarySchema(s)) return bytes();
  if (s.type === "array" && Array.isArray(value)) return value.map((v) => withFiles(doc, s.items, v));
  if (value && typeof value === "object" && !Array.isArray(value) && s.properties) {
    const out: Json = { ...(value as Json) };
    for (const [name, prop] of Object.entries<any>(s.properties)) if (name in out) out[name] = withFiles(doc, prop, out[name]);
    return out;
  }
  return value;
}

/** The body value for one media type, shaped the way the client takes it. */
function bodyFor(doc: Json, media: string, content: Json, useExamples: boolean): unknown {
  const example = useExamples ? exampleOf(doc, content) : undefined;
  const schema = flat(doc, content.schema);
  if (BINARY_MEDIA.test(media) || isBinarySchema(schema)) {
    // bytes the spec describes as base64 text (format: byte) go out as that text
    // (openapi-sampler writes "string" there, which is not base64)
    if (schema.type === "string" && schema.format === "byte") return new Blob([String(example?.value ?? btoa(SAMPLE_BYTES))], { type: media });
    return bytes(media);
  }
  const value = example ? example.value : sampled(doc, content.schema);
  // a property the schema requires but never declares (Box's revoke: grant_type) gets a string
  if (value && typeof value === "object" && !Array.isArray(value)) for (const name of schema.required ?? []) (value as Json)[name] ??= "string";
  if (media.startsWith("text/")) return typeof value === "string" ? value : JSON.stringify(value ?? "sample text");
  if (media.startsWith("multipart/")) return withFiles(doc, content.schema, value ?? {});
  return value;
}

/**
 * One request per media type of the operation's body (one request when it has none). With
 * `useExamples`, values come from the spec's examples where it has them; otherwise from the schema.
 */
export function sampleRequests(spec: Json, path: string, method: string, useExamples = true): SampleRequest[] {
  const doc = useExamples ? spec : schemaOnly(spec);
  const item = resolve(doc, doc.paths[path]);
  const op = item[method];
  const params: SampleParams = {};
  const byKey = new Map<string, Json>();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: unknown) => resolve(doc, p))) if (p) byKey.set(`${p.in}:${p.name}`, p);
  for (const p of byKey.values()) {
    const where = p.in as Location;
    if (where === "header" && IGNORED_HEADERS.has(String(p.name).toLowerCase())) continue;
    let value: unknown;
    if (p.content) {
      const [, content] = Object.entries<any>(p.content)[0] ?? [];
      value = (useExamples && (exampleOf(doc, p) ?? exampleOf(doc, content))?.value) ?? sampled(doc, content?.schema);
    } else {
      const found = useExamples ? (exampleOf(doc, p) ?? exampleOf(doc, resolve(doc, p.schema))) : undefined;
      value = found ? found.value : sampled(doc, p.schema);
    }
    (params[where] ??= {})[p.name] = value;
  }
  const base = { method: method.toUpperCase(), path, params };
  const label = `${base.method} ${path}`;
  const body = resolve(doc, op.requestBody);
  const media = Object.keys(body?.content ?? {});
  if (media.length === 0) return [{ ...base, label, notes: [] }];
  if (base.method === "GET" || base.method === "HEAD") {
    const notes = [`request body (${media.join(", ")}) not sent: fetch cannot send a body with ${base.method}`];
    return [{ ...base, label, notes }];
  }
  // JSON first, as the client defaults to it
  media.sort((a, b) => Number(isJson(b)) - Number(isJson(a)));
  return media.map((m) => ({
    ...base,
    label: media.length > 1 ? `${label} (${m})` : label,
    body: bodyFor(doc, m, body.content[m], useExamples),
    contentType: m,
    notes: [],
  }));
}

/** Every operation of the spec as "method path" pairs, in document order. */
export function operationsOf(doc: Json): { path: string; method: string }[] {
  const out: { path: string; method: string }[] = [];
  for (const path of Object.keys(doc.paths ?? {})) for (const method of METHODS) if (resolve(doc, doc.paths[path])?.[method]) out.push({ path, method });
  return out;
}

/**
 * Headers that satisfy the operation's security the way Prism checks it: the first requirement
 * whose schemes can all travel in headers (http basic/bearer, oauth2 and openIdConnect as a bearer
 * token, apiKey in a header or a cookie). `unsent` names a requirement that cannot (apiKey in query).
 */
export function credentials(doc: Json, op: Json): { headers: Record<string, string>; unsent?: string } {
  const requirements: Json[] = op.security ?? doc.security ?? [];
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return { headers: {} };
  const schemes = doc.components?.securitySchemes ?? {};
  let unsent: string | undefined;
  for (const requirement of requirements) {
    const headers: Record<string, string> = {};
    const cookies: string[] = [];
    let ok = true;
    for (const name of Object.keys(requirement)) {
      const s = resolve(doc, schemes[name]);
      if (s?.type === "http" && String(s.scheme).toLowerCase() === "basic") headers.authorization = `Basic ${btoa("prism-user:prism-pass")}`;
      else if ((s?.type === "http" && String(s.scheme).toLowerCase() === "bearer") || s?.type === "oauth2" || s?.type === "openIdConnect") headers.authorization = "Bearer prism-token";
      else if (s?.type === "apiKey" && s.in === "header") headers[String(s.name).toLowerCase()] = "prism-key";
      else if (s?.type === "apiKey" && s.in === "cookie") cookies.push(`${s.name}=prism-key`);
      else {
        ok = false;
        unsent ??= `${name} (${s?.type}${s?.in ? ` in ${s.in}` : ""})`;
      }
    }
    if (cookies.length) headers.cookie = cookies.join("; ");
    if (ok) return { headers };
  }
  return { headers: {}, ...(unsent ? { unsent } : {}) };
}
