// Any API, from its OpenAPI 3 bundle: each operation answers its first 2xx response with the spec's
// example, else a sample of its schema from openapi-sampler (Redoc's sampler). Stateless, and no
// credential is checked: this is for code that only needs the API's shapes, not its behaviour.
// openapi-sampler and yaml are imported only here, and only when a spec is served.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { errorReply, type Reply } from "./reply.js";

type Json = Record<string, unknown>;

/** What `startFakeServer({ api: { spec } })` accepts: a path or URL of a YAML or JSON file, or the parsed document. */
export type FakeApiSpec = string | URL | object;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface Route {
  template: string;
  pattern: RegExp;
  item: Json;
}

/** Reads and parses an OpenAPI 3 document; throws naming the option when it is not one. */
export async function loadSpec(spec: FakeApiSpec): Promise<Json> {
  let doc: unknown = spec;
  let where = "the document";
  if (typeof spec === "string" || spec instanceof URL) {
    const path = spec instanceof URL ? fileURLToPath(spec) : spec;
    where = path;
    const text = await readFile(path, "utf8");
    if (/\.json$/i.test(path) || text.trimStart().startsWith("{")) doc = JSON.parse(text) as unknown;
    else doc = (await import("yaml")).parse(text) as unknown;
  }
  const version = (doc as Json | null)?.openapi;
  if (typeof doc !== "object" || doc === null || typeof version !== "string" || !version.startsWith("3.") || typeof (doc as Json).paths !== "object") {
    throw new TypeError(
      `startFakeServer: api.spec must be an OpenAPI 3 document with paths (a path to its YAML or JSON file, or the parsed object); ${where} is not. ` +
        `Pass the bundle generate writes, e.g. { api: { spec: "generated/<api>/openapi.yaml" } }.`,
    );
  }
  return doc as Json;
}

export class FakeSpecApi {
  readonly #doc: Json;
  readonly #routes: Route[];
  readonly #sample: (schema: object, options: object, doc: object) => unknown;

  private constructor(doc: Json, sample: (schema: object, options: object, doc: object) => unknown) {
    this.#doc = doc;
    this.#sample = sample;
    // literal paths first, so /users/me wins over /users/{id}
    this.#routes = Object.entries(doc.paths as Record<string, Json>)
      .sort(([a], [b]) => Number(a.includes("{")) - Number(b.includes("{")))
      .map(([template, item]) => ({
        template,
        pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegExp).join("[^/]+")}$`),
        item: this.#resolve(item) as Json,
      }));
  }

  static async load(spec: FakeApiSpec): Promise<FakeSpecApi> {
    const doc = await loadSpec(spec);
    const sampler = (await import("openapi-sampler")) as { sample?: unknown; default?: { sample?: unknown } };
    const sample = (sampler.sample ?? sampler.default?.sample) as (schema: object, options: object, doc: object) => unknown;
    return new FakeSpecApi(doc, sample);
  }

  handle(method: string, path: string): Reply {
    const routes = this.#routes.filter((r) => r.pattern.test(path));
    if (routes.length === 0) return errorReply(404, "NotFound", `No route for ${method} ${path}`);
    const lower = method.toLowerCase();
    const route = routes.find((r) => METHODS.includes(lower) && r.item[lower] !== undefined);
    if (!route) {
      const allow = METHODS.filter((m) => routes[0]!.item[m] !== undefined).map((m) => m.toUpperCase()).join(", ");
      return errorReply(405, "MethodNotAllowed", `${method} is not allowed on ${routes[0]!.template}`, { allow });
    }
    const operation = this.#resolve(route.item[lower]) as Json;
    return this.#answer(operation);
  }

  /** The operation's first 2xx response (then 2XX, then default as 200), with an example or a sample. */
  #answer(operation: Json): Reply {
    const responses = (operation.responses ?? {}) as Json;
    const success = Object.keys(responses)
      .filter((s) => /^2\d\d$/.test(s))
      .sort()[0];
    const key = success ?? (responses["2XX"] !== undefined ? "2XX" : "default");
    const status = success ? Number(success) : 200;
    const response = this.#resolve(responses[key]) as Json | undefined;
    const content = (response?.content ?? {}) as Record<string, Json>;
    const types = Object.keys(content);
    const type = types.find((t) => /^application\/json\b/.test(t)) ?? types.find((t) => /\+json\b/.test(t)) ?? types[0];
    if (status === 204 || type === undefined) return { status };
    const media = this.#resolve(content[type]) as Json;
    const body = this.#example(media) ?? this.#sample((media.schema ?? {}) as object, { skipWriteOnly: true, quiet: true }, this.#doc);
    const headers = { "content-type": type };
    if (/\bjson\b/.test(type)) return typeof body === "string" ? { status, body, text: JSON.stringify(body), headers } : { status, body, headers };
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return { status, body: text, text, headers };
  }

  /** The media type's `example`, its first `examples` value, or its schema's `example`. */
  #example(media: Json): unknown {
    if (media.example !== undefined) return media.example;
    for (const example of Object.values((media.examples ?? {}) as Json)) {
      const value = (this.#resolve(example) as Json | undefined)?.value;
      if (value !== undefined) return value;
    }
    const schema = this.#resolve(media.schema) as Json | undefined;
    return schema?.example;
  }

  /** Follows local `$ref`s (`#/components/...`). */
  #resolve(node: unknown, depth = 0): unknown {
    const ref = (node as Json | undefined)?.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/") || depth > 32) return node;
    let target: unknown = this.#doc;
    for (const part of ref.slice(2).split("/")) target = (target as Json | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    return this.#resolve(target, depth + 1);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
}
