#!/usr/bin/env node
// Cuts a slice out of a vendor spec for test/fixtures/vendor-specs/: the chosen operations, their
// path-level parameters and every component they reach through $ref, all kept verbatim.
//   node bench/prism-sweep/slice.mjs <spec.json> --list            operations and what they exercise
//   node bench/prism-sweep/slice.mjs <spec.json> "post /v1/files" … > slice.json
import { readFileSync } from "node:fs";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** What an operation exercises, for choosing a slice: parameter styles and body media types. */
export function features(doc, op, item) {
  const out = new Set();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(doc, p))) {
    if (!p) continue;
    const style = p.style ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple");
    const schema = resolve(doc, p.schema ?? {});
    const kind = p.content ? "content" : schema?.type === "array" ? "array" : schema?.type === "object" || schema?.properties ? "object" : "value";
    out.add(`${p.in}:${style}${p.explode === false ? ",explode=false" : p.explode === true ? ",explode" : ""}:${kind}`);
  }
  for (const media of Object.keys(resolve(doc, op.requestBody)?.content ?? {})) out.add(`body:${media}`);
  return [...out];
}

export function resolve(doc, node) {
  let seen = 0;
  while (node && typeof node.$ref === "string" && seen++ < 20) node = pointer(doc, node.$ref);
  return node;
}

function pointer(doc, ref) {
  if (!ref.startsWith("#/")) return undefined;
  let value = doc;
  for (const raw of ref.slice(2).split("/")) value = value?.[decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~")];
  return value;
}

/**
 * The slice: `selectors` are "method /path" pairs. `openResponses` replaces each response body's
 * schema with `{ type: object }` (status codes, media types and headers kept), for a spec whose
 * response graph Prism cannot load in reasonable time (Stripe's: minutes); requests stay verbatim.
 */
export function slice(doc, selectors, { openResponses = false } = {}) {
  const paths = {};
  for (const selector of selectors) {
    const [method, path] = selector.split(" ");
    const item = doc.paths?.[path];
    if (!item?.[method]) throw new Error(`${selector}: no such operation`);
    paths[path] ??= Object.fromEntries(Object.entries(item).filter(([key]) => !METHODS.includes(key)));
    paths[path][method] = openResponses ? withOpenResponses(doc, item[method]) : item[method];
  }
  const kept = {};
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/")) {
      // "#/components/schemas/A/properties/n" keeps all of A
      const [, , section, raw = ""] = node.$ref.split("/");
      const name = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      kept[section] ??= {};
      if (!(name in kept[section])) {
        kept[section][name] = doc.components[section][name];
        visit(kept[section][name]);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  const usedTags = new Set(Object.values(paths).flatMap((item) => METHODS.flatMap((m) => item[m]?.tags ?? [])));
  const tags = doc.tags?.filter((t) => usedTags.has(t.name));
  visit(paths);
  visit(tags);
  // security schemes are named, not referenced
  if (doc.components?.securitySchemes) kept.securitySchemes = doc.components.securitySchemes;
  const components = {};
  for (const section of Object.keys(doc.components ?? {})) if (kept[section]) components[section] = Object.fromEntries(Object.keys(doc.components[section]).filter((n) => n in kept[section]).map((n) => [n, kept[section][n]]));
  const out = { ...doc, paths, components };
  if (tags) out.tags = tags;
  // webhooks and vendor lists of every operation are not part of the chosen operations
  for (const key of ["webhooks", "x-webhooks", "x-stripeOperations"]) delete out[key];
  return out;
}

function withOpenResponses(doc, op) {
  const responses = {};
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    const response = resolve(doc, raw);
    const content = response.content && Object.fromEntries(Object.keys(response.content).map((media) => [media, { schema: { type: "object" } }]));
    responses[status] = { ...response, ...(content ? { content } : {}) };
  }
  return { ...op, responses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, ...rest] = process.argv.slice(2);
  const doc = JSON.parse(readFileSync(file, "utf8"));
  if (rest[0] === "--list") {
    for (const [path, item] of Object.entries(doc.paths ?? {})) for (const m of METHODS) if (item[m]) console.log(`${m} ${path}\t${features(doc, item[m], item).join(" ")}`);
  } else {
    process.stdout.write(`${JSON.stringify(slice(doc, rest), null, 2)}\n`);
  }
}
