// @ts-check
// Classifies the differences between two OpenAPI documents from the point of view of code that uses
// the generated client (rules in docs/maintaining.md, "How changes are classified"). Each change is reported
// once: a component is compared once under #/components, never again through each operation that
// references it, and its entry names the one operation using it (or null when several do).
import { componentUsage, deref as resolve, operationKey, operations, pointer, refName } from "./openapi-walk.mjs";

/** @typedef {"breaking" | "risky" | "non-breaking"} Severity */
/** @typedef {{ severity: Severity, kind: string, operation: string | null, location: string, message: string }} Change */
/** @typedef {"request" | "response"} Direction */

const RANK = { breaking: 0, risky: 1, "non-breaking": 2 };
const DOC_FIELDS = ["summary", "description", "title"];
/** Constraints where a larger value accepts more (max*) or less (min*). */
const UPPER = ["maximum", "maxLength", "maxItems", "maxProperties", "exclusiveMaximum"];
const LOWER = ["minimum", "minLength", "minItems", "minProperties", "exclusiveMinimum"];
const SECTIONS = ["schemas", "parameters", "requestBodies", "responses", "headers", "securitySchemes"];

const same = (/** @type {unknown} */ a, /** @type {unknown} */ b) => a === b || JSON.stringify(a) === JSON.stringify(b);
const isSuccess = (/** @type {string} */ status) => /^[23]/.test(status);

class Collector {
  /** @param {string | null} operation */
  constructor(operation) {
    this.operation = operation;
    /** @type {Change[]} */
    this.changes = [];
  }
  /** @param {Severity} severity @param {string} kind @param {string} location @param {string} message */
  add(severity, kind, location, message) {
    this.changes.push({ severity, kind, operation: this.operation, location, message });
  }
}

/**
 * @param {Record<string, any>} before
 * @param {Record<string, any>} after
 * @returns {Change[]}
 */
export function diffOpenApi(before, after) {
  /** @type {Change[]} */
  const all = [];
  const top = new Collector(null);
  docs(top, before.info, after.info, "#/info", "API");
  if (before.info?.version !== after.info?.version) {
    top.add("non-breaking", "info-version-changed", "#/info/version", `The spec's version changed from ${before.info?.version} to ${after.info?.version}.`);
  }
  servers(top, before.servers, after.servers, "#/servers", "the API");
  all.push(...top.changes);

  const opsBefore = operations(before);
  const opsAfter = operations(after);
  for (const [key, b] of opsBefore) {
    const a = opsAfter.get(key);
    const out = new Collector(a ? operationKey(a) : operationKey(b));
    const loc = pointer("paths", b.path, b.method);
    if (!a) out.add("breaking", "operation-removed", loc, `Operation ${operationKey(b)} was removed.`);
    else if (unchanged(before, after, b, a)) continue;
    else operation(out, { before, after }, b, a, pointer("paths", a.path, a.method));
    all.push(...out.changes);
  }
  for (const [key, a] of opsAfter) {
    if (opsBefore.has(key)) continue;
    const out = new Collector(operationKey(a));
    out.add("non-breaking", "operation-added", pointer("paths", a.path, a.method), `Operation ${operationKey(a)} was added.`);
    all.push(...out.changes);
  }

  // Who uses what is needed only for components that changed; on a large spec it is a full walk.
  /** @type {ReturnType<typeof componentUsage> | undefined} */
  let ub;
  /** @type {ReturnType<typeof componentUsage> | undefined} */
  let ua;
  const usedBefore = { get: (/** @type {string} */ ref) => (ub ??= componentUsage(before)).get(ref) };
  const usedAfter = { get: (/** @type {string} */ ref) => (ua ??= componentUsage(after)).get(ref) };
  for (const section of SECTIONS) {
    const b = before.components?.[section] ?? {};
    const a = after.components?.[section] ?? {};
    for (const name of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const ref = `#/components/${section}/${name}`;
      const users = new Set([...(usedBefore.get(ref)?.operations ?? []), ...(usedAfter.get(ref)?.operations ?? [])]);
      const only = users.size === 1 ? [...users][0] ?? null : null;
      const usedBy = users.size > 1 ? ` (used by ${users.size} operations)` : "";
      const loc = pointer("components", section, name);
      const out = new Collector(only);
      if (!(name in a)) {
        out.add("risky", "component-removed", loc, `Component ${section}/${name} was removed; code that names its type breaks${usedBy}.`);
      } else if (!(name in b)) {
        out.add("non-breaking", "component-added", loc, `Component ${section}/${name} was added.`);
      } else if (!same(b[name], a[name])) {
        const dirs = directionsOf(section, usedBefore.get(ref), usedAfter.get(ref));
        component(out, { before, after }, section, b[name], a[name], loc, dirs, usedBy);
      }
      all.push(...out.changes);
    }
  }
  return dedupe(all);
}

/**
 * Nothing an operation's entries could come from differs (components are compared on their own).
 * @param {Record<string, any>} before @param {Record<string, any>} after
 * @param {import("./openapi-walk.mjs").Operation} b @param {import("./openapi-walk.mjs").Operation} a
 */
function unchanged(before, after, b, a) {
  return b.path === a.path && same(b.op, a.op) && same(b.item.parameters, a.item.parameters) && same(b.item.servers, a.item.servers) && same(before.security, after.security);
}

/**
 * @param {string} section
 * @param {{ request: boolean, response: boolean } | undefined} x
 * @param {{ request: boolean, response: boolean } | undefined} y
 * @returns {Direction[]}
 */
function directionsOf(section, x, y) {
  if (section === "parameters" || section === "requestBodies") return ["request"];
  if (section === "responses" || section === "headers") return ["response"];
  const request = Boolean(x?.request || y?.request);
  const response = Boolean(x?.response || y?.response);
  // Unreferenced schemas are still exported as types: judge them both ways.
  if (!request && !response) return ["request", "response"];
  return /** @type {Direction[]} */ ([...(request ? ["request"] : []), ...(response ? ["response"] : [])]);
}

/**
 * A component used in both directions is judged both ways; per location the stricter verdict wins.
 * @param {Collector} out @param {Docs} docsPair @param {string} section @param {any} b @param {any} a
 * @param {string} loc @param {Direction[]} dirs @param {string} usedBy
 */
function component(out, docsPair, section, b, a, loc, dirs, usedBy) {
  /** @type {Change[][]} */
  const verdicts = dirs.map((dir) => {
    const c = new Collector(out.operation);
    const ctx = { docs: docsPair, seen: new Set(), dir };
    if (section === "schemas") schema(c, ctx, b, a, loc, loc.split("/").pop() ?? "");
    else if (section === "parameters") parameter(c, ctx, b, a, loc);
    else if (section === "requestBodies") requestBody(c, ctx, b, a, loc);
    else if (section === "responses") response(c, ctx, b, a, loc, "");
    else if (section === "headers") schemaHolder(c, ctx, b, a, loc, "header");
    else securityScheme(c, b, a, loc);
    return c.changes;
  });
  /** @type {Map<string, Change[]>} */
  const best = new Map();
  for (const changes of verdicts) {
    /** @type {Map<string, Change[]>} */
    const byLoc = new Map();
    for (const ch of changes) byLoc.set(ch.location, [...(byLoc.get(ch.location) ?? []), ch]);
    for (const [where, list] of byLoc) {
      const current = best.get(where);
      if (!current || worst(list) < worst(current)) best.set(where, list);
    }
  }
  for (const list of best.values()) for (const ch of list) out.changes.push({ ...ch, message: usedBy ? `${ch.message.replace(/\.$/, "")}${usedBy}.` : ch.message });
}

const worst = (/** @type {Change[]} */ list) => Math.min(...list.map((c) => RANK[c.severity]));

/** @typedef {{ before: Record<string, any>, after: Record<string, any> }} Docs */
/** @typedef {{ docs: Docs, seen: Set<string>, dir: Direction }} Ctx */

/** @param {Collector} out @param {Docs} d @param {import("./openapi-walk.mjs").Operation} b @param {import("./openapi-walk.mjs").Operation} a @param {string} loc */
function operation(out, d, b, a, loc) {
  const name = operationKey(a);
  docs(out, b.op, a.op, loc, name);
  if (b.op.operationId !== a.op.operationId) {
    out.add("risky", "operation-id-changed", `${loc}/operationId`, `${name}'s operationId changed from ${b.op.operationId} to ${a.op.operationId}; code that looks it up by id breaks.`);
  }
  if (!b.op.deprecated && a.op.deprecated) out.add("non-breaking", "operation-deprecated", `${loc}/deprecated`, `${name} is now deprecated.`);
  const secB = b.op.security ?? d.before.security ?? [];
  const secA = a.op.security ?? d.after.security ?? [];
  if (!same(canonicalSecurity(secB), canonicalSecurity(secA))) {
    out.add("breaking", "security-changed", `${loc}/security`, `${name}'s auth changed from ${describeSecurity(secB)} to ${describeSecurity(secA)}.`);
  }
  servers(out, b.op.servers ?? b.item.servers, a.op.servers ?? a.item.servers, `${loc}/servers`, name);

  const ctx = { docs: d, seen: new Set(), dir: /** @type {Direction} */ ("request") };
  const pb = b.params;
  const pa = a.params;
  for (const [key, p] of pb) {
    const q = pa.get(key);
    if (!q) out.add("breaking", "parameter-removed", p.where, `${cap(p.label)} parameter \`${p.name}\` was removed from ${name}.`);
    else if (!(p.raw.$ref && p.raw.$ref === q.raw.$ref)) parameter(out, ctx, p.resolved, q.resolved, q.where);
  }
  for (const [key, q] of pa) {
    if (pb.has(key)) continue;
    const where = q.where;
    if (q.resolved.required) out.add("breaking", "parameter-added-required", where, `Required ${q.label} parameter \`${q.name}\` was added to ${name}.`);
    else out.add("non-breaking", "parameter-added", where, `Optional ${q.label} parameter \`${q.name}\` was added to ${name}.`);
  }

  const rb = b.op.requestBody;
  const ra = a.op.requestBody;
  if (rb && !ra) out.add("breaking", "request-body-removed", `${loc}/requestBody`, `${name} no longer takes a request body.`);
  else if (!rb && ra) {
    const req = resolve(d.after, ra)?.required;
    out.add(req ? "breaking" : "non-breaking", req ? "request-body-added-required" : "request-body-added", `${loc}/requestBody`, `${name} now takes ${req ? "a required" : "an optional"} request body.`);
  } else if (rb && ra && !(rb.$ref && rb.$ref === ra.$ref)) {
    requestBody(out, ctx, resolve(d.before, rb), resolve(d.after, ra), `${loc}/requestBody`);
  }

  const rsB = b.op.responses ?? {};
  const rsA = a.op.responses ?? {};
  const rctx = { docs: d, seen: new Set(), dir: /** @type {Direction} */ ("response") };
  for (const status of Object.keys(rsB)) {
    const where = pointer("responses", status).replace(/^#/, loc);
    if (!(status in rsA)) {
      if (isSuccess(status)) out.add("breaking", "response-status-removed", where, `${name} no longer answers ${status}.`);
      else out.add("non-breaking", "error-status-removed", where, `${name} no longer documents the ${status} error.`);
    } else if (!(rsB[status]?.$ref && rsB[status].$ref === rsA[status]?.$ref)) {
      response(out, rctx, resolve(d.before, rsB[status]), resolve(d.after, rsA[status]), where, status);
    }
  }
  for (const status of Object.keys(rsA)) {
    if (status in rsB) continue;
    const where = pointer("responses", status).replace(/^#/, loc);
    if (isSuccess(status)) out.add("risky", "success-status-added", where, `${name} may now answer ${status}; code expecting the old success status should handle it.`);
    else out.add("risky", "error-status-added", where, `${name} may now answer ${status}, a new error status.`);
  }
}

/** @param {Collector} out @param {Ctx} ctx @param {any} b @param {any} a @param {string} loc */
function parameter(out, ctx, b, a, loc) {
  const label = `${a?.in ?? "?"} parameter \`${a?.name ?? "?"}\``;
  docs(out, b, a, loc, label);
  if (!b?.required && a?.required) out.add("breaking", "parameter-became-required", `${loc}/required`, `The ${label} is now required.`);
  if (b?.required && !a?.required) out.add("non-breaking", "parameter-became-optional", `${loc}/required`, `The ${label} is now optional.`);
  if (!b?.deprecated && a?.deprecated) out.add("non-breaking", "parameter-deprecated", `${loc}/deprecated`, `The ${label} is now deprecated.`);
  if ((b?.style ?? null) !== (a?.style ?? null) || (b?.explode ?? null) !== (a?.explode ?? null)) {
    out.add("breaking", "parameter-serialization-changed", loc, `The ${label} is now serialized differently (style/explode).`);
  }
  schemaHolder(out, { ...ctx, dir: "request" }, b, a, loc, label);
}

/** A parameter or header: a schema, or content with one schema per media type. */
/** @param {Collector} out @param {Ctx} ctx @param {any} b @param {any} a @param {string} loc @param {string} label */
function schemaHolder(out, ctx, b, a, loc, label) {
  if (b?.schema || a?.schema) schema(out, ctx, b?.schema, a?.schema, `${loc}/schema`, label);
  if (b?.content || a?.content) content(out, ctx, b?.content ?? {}, a?.content ?? {}, `${loc}/content`, label);
}

/** @param {Collector} out @param {Ctx} ctx @param {any} b @param {any} a @param {string} loc */
function requestBody(out, ctx, b, a, loc) {
  docs(out, b, a, loc, "request body");
  if (!b?.required && a?.required) out.add("breaking", "request-body-became-required", `${loc}/required`, "The request body is now required.");
  if (b?.required && !a?.required) out.add("non-breaking", "request-body-became-optional", `${loc}/required`, "The request body is now optional.");
  content(out, { ...ctx, dir: "request" }, b?.content ?? {}, a?.content ?? {}, `${loc}/content`, "request body");
}

/** @param {Collector} out @param {Ctx} ctx @param {any} b @param {any} a @param {string} loc @param {string} status */
function response(out, ctx, b, a, loc, status) {
  const label = status ? `${status} response` : "response";
  docs(out, b, a, loc, label);
  const rctx = { ...ctx, dir: /** @type {Direction} */ ("response") };
  content(out, rctx, b?.content ?? {}, a?.content ?? {}, `${loc}/content`, label);
  const hb = b?.headers ?? {};
  const ha = a?.headers ?? {};
  for (const h of Object.keys(hb)) {
    const where = `${loc}/headers/${escape(h)}`;
    if (!(h in ha)) out.add("breaking", "response-header-removed", where, `The ${label} no longer sends header \`${h}\`.`);
    else if (!(hb[h]?.$ref && hb[h].$ref === ha[h]?.$ref)) schemaHolder(out, rctx, resolve(ctx.docs.before, hb[h]), resolve(ctx.docs.after, ha[h]), where, `header \`${h}\``);
  }
  for (const h of Object.keys(ha)) if (!(h in hb)) out.add("non-breaking", "response-header-added", `${loc}/headers/${escape(h)}`, `The ${label} now sends header \`${h}\`.`);
}

/** @param {Collector} out @param {Ctx} ctx @param {Record<string, any>} b @param {Record<string, any>} a @param {string} loc @param {string} label */
function content(out, ctx, b, a, loc, label) {
  for (const type of Object.keys(b)) {
    const where = `${loc}/${escape(type)}`;
    if (!(type in a)) out.add("breaking", `${ctx.dir}-media-type-removed`, where, `The ${label} no longer has a ${type} body.`);
    else {
      schema(out, ctx, b[type]?.schema, a[type]?.schema, `${where}/schema`, "");
      for (const key of ["example", "examples"]) {
        if (!same(b[type]?.[key], a[type]?.[key])) out.add("non-breaking", "example-changed", `${where}/${key}`, `An example of the ${label} changed.`);
      }
    }
  }
  for (const type of Object.keys(a)) if (!(type in b)) out.add("non-breaking", `${ctx.dir}-media-type-added`, `${loc}/${escape(type)}`, `The ${label} may now be ${type}.`);
}

/**
 * @param {Collector} out @param {Ctx} ctx @param {any} b @param {any} a @param {string} loc
 * @param {string} field  where the schema sits, in words ("" for a body's root)
 */
function schema(out, ctx, b, a, loc, field) {
  if (b === undefined && a === undefined) return;
  if (b?.$ref && a?.$ref && b.$ref === a.$ref && refName(b.$ref)) return; // compared under #/components
  if (b?.$ref || a?.$ref) {
    const key = `${ctx.dir}|${b?.$ref ?? loc}|${a?.$ref ?? loc}`;
    if (ctx.seen.has(key)) return;
    ctx.seen.add(key);
    b = resolve(ctx.docs.before, b);
    a = resolve(ctx.docs.after, a);
  }
  b ??= {};
  a ??= {};
  if (b === a) return;
  const dir = ctx.dir;
  const root = /^#\/components\/schemas\/[^/]+$/.test(loc);
  const what = root ? `Schema \`${field}\`` : field ? `${dir === "request" ? "Request" : "Response"} field \`${field}\`` : `The ${dir} body`;

  docs(out, b, a, loc, what);
  if (!same(b.example, a.example)) out.add("non-breaking", "example-changed", `${loc}/example`, `An example of ${lower(what)} changed.`);
  if (!same(b.examples, a.examples)) out.add("non-breaking", "example-changed", `${loc}/examples`, `An example of ${lower(what)} changed.`);
  if (!same(b.default, a.default)) out.add("non-breaking", "default-changed", `${loc}/default`, `The default of ${lower(what)} changed.`);
  if (!b.deprecated && a.deprecated) out.add("non-breaking", "field-deprecated", `${loc}/deprecated`, `${what} is now deprecated.`);

  const tb = types(b);
  const ta = types(a);
  if (!same(tb, ta)) {
    const widened = tb !== null && (ta === null || tb.every((t) => ta.includes(t) || (t === "integer" && ta.includes("number"))));
    if (dir === "request" && widened) out.add("non-breaking", "request-type-widened", `${loc}/type`, `${what} now accepts ${ta ? ta.join(" | ") : "any type"} (was ${tb?.join(" | ")}).`);
    else if (dir === "response" && tb === null) out.add("non-breaking", "response-type-specified", `${loc}/type`, `${what} is now typed ${ta?.join(" | ")}.`);
    else out.add("breaking", `${dir}-type-changed`, `${loc}/type`, `${what} changed type from ${tb ? tb.join(" | ") : "any"} to ${ta ? ta.join(" | ") : "any"}.`);
  }
  if ((b.format ?? null) !== (a.format ?? null)) {
    out.add("risky", "format-changed", `${loc}/format`, `${what} changed format from ${b.format ?? "none"} to ${a.format ?? "none"}.`);
  }
  const nb = nullable(b);
  const na = nullable(a);
  if (!nb && na) {
    if (dir === "response") out.add("breaking", "field-became-nullable", loc, `${what} may now be null.`);
    else out.add("non-breaking", "request-field-became-nullable", loc, `${what} now accepts null.`);
  }
  if (nb && !na) {
    if (dir === "request") out.add("breaking", "request-field-no-longer-nullable", loc, `${what} no longer accepts null.`);
    else out.add("non-breaking", "response-field-no-longer-nullable", loc, `${what} is never null now.`);
  }
  enumValues(out, dir, b.enum, a.enum, `${loc}/enum`, what);
  constraints(out, dir, b, a, loc, what);

  const pb = b.properties ?? {};
  const pa = a.properties ?? {};
  const rb = new Set(b.required ?? []);
  const ra = new Set(a.required ?? []);
  const sub = (/** @type {string} */ p) => (field ? `${field}.${p}` : p);
  for (const p of Object.keys(pb)) {
    const where = `${loc}/properties/${escape(p)}`;
    const label = `${dir === "request" ? "Request" : "Response"} field \`${sub(p)}\``;
    if (!(p in pa)) {
      out.add("breaking", `${dir}-property-removed`, where, `${label} was removed.`);
      continue;
    }
    if (rb.has(p) && !ra.has(p)) {
      if (dir === "response") out.add("breaking", "response-property-became-optional", where, `${label} is no longer required, so it may be missing.`);
      else out.add("non-breaking", "request-property-became-optional", where, `${label} is now optional.`);
    }
    if (!rb.has(p) && ra.has(p)) {
      if (dir === "request") out.add("breaking", "request-property-became-required", where, `${label} is now required.`);
      else out.add("non-breaking", "response-property-became-required", where, `${label} is now always present.`);
    }
    schema(out, ctx, pb[p], pa[p], where, sub(p));
  }
  for (const p of Object.keys(pa)) {
    if (p in pb) continue;
    const where = `${loc}/properties/${escape(p)}`;
    const label = `${dir === "request" ? "Request" : "Response"} field \`${sub(p)}\``;
    if (dir === "request" && ra.has(p)) out.add("breaking", "request-property-added-required", where, `Required ${lower(label)} was added.`);
    else out.add("non-breaking", `${dir}-property-added`, where, `${ra.has(p) ? "Required" : "Optional"} ${lower(label)} was added.`);
  }
  if (b.items || a.items) schema(out, ctx, b.items, a.items, `${loc}/items`, field ? `${field}[]` : "[]");
  const ab = b.additionalProperties;
  const aa = a.additionalProperties;
  if (typeof ab === "object" && typeof aa === "object") schema(out, ctx, ab, aa, `${loc}/additionalProperties`, field ? `${field}.*` : "*");
  else if (!same(ab ?? true, aa ?? true)) {
    const closed = aa === false;
    if (dir === "request" && closed) out.add("breaking", "request-additional-properties-closed", `${loc}/additionalProperties`, `${what} no longer accepts extra properties.`);
    else if (dir === "response" && !closed && ab === false) out.add("risky", "response-additional-properties-opened", `${loc}/additionalProperties`, `${what} may now carry extra properties.`);
    else out.add("non-breaking", "additional-properties-changed", `${loc}/additionalProperties`, `${what} changed which extra properties it allows.`);
  }
  for (const combiner of ["allOf", "oneOf", "anyOf"]) {
    const xb = b[combiner] ?? [];
    const xa = a[combiner] ?? [];
    const n = Math.min(xb.length, xa.length);
    for (let i = 0; i < n; i++) schema(out, ctx, xb[i], xa[i], `${loc}/${combiner}/${i}`, field);
    if (xb.length === xa.length) continue;
    const grew = xa.length > xb.length;
    // More allOf members narrow a schema; more oneOf/anyOf variants widen it.
    // A combiner appearing where there was none adds a constraint; one going away lifts it.
    const widens = xb.length === 0 ? false : xa.length === 0 ? true : combiner === "allOf" ? !grew : grew;
    const severity = dir === "request" ? (widens ? "non-breaking" : "breaking") : widens ? (combiner === "allOf" ? "non-breaking" : "risky") : "non-breaking";
    out.add(severity, `${dir}-${combiner.toLowerCase()}-${grew ? "added" : "removed"}`, `${loc}/${combiner}`, `${what} ${grew ? "gained" : "lost"} ${Math.abs(xa.length - xb.length)} ${combiner} member(s).`);
  }
}

/** @param {Collector} out @param {Direction} dir @param {unknown[] | undefined} b @param {unknown[] | undefined} a @param {string} loc @param {string} what */
function enumValues(out, dir, b, a, loc, what) {
  if (!b && !a) return;
  if (!b) {
    out.add(dir === "request" ? "breaking" : "non-breaking", `${dir}-enum-added`, loc, `${what} is now limited to ${list(a)}.`);
    return;
  }
  if (!a) {
    out.add(dir === "request" ? "non-breaking" : "risky", `${dir}-enum-dropped`, loc, `${what} is no longer limited to a list of values.`);
    return;
  }
  const kb = new Set(b.map((v) => JSON.stringify(v)));
  const ka = new Set(a.map((v) => JSON.stringify(v)));
  const removed = b.filter((v) => !ka.has(JSON.stringify(v)));
  const added = a.filter((v) => !kb.has(JSON.stringify(v)));
  if (removed.length) {
    if (dir === "request") out.add("breaking", "request-enum-value-removed", loc, `${what} no longer accepts ${list(removed)}.`);
    else out.add("non-breaking", "response-enum-value-removed", loc, `${what} no longer returns ${list(removed)}.`);
  }
  if (added.length) {
    if (dir === "response") out.add("risky", "response-enum-value-added", loc, `${what} may now be ${list(added)}; exhaustive switches need a new case.`);
    else out.add("non-breaking", "request-enum-value-added", loc, `${what} now also accepts ${list(added)}.`);
  }
}

/** @param {Collector} out @param {Direction} dir @param {any} b @param {any} a @param {string} loc @param {string} what */
function constraints(out, dir, b, a, loc, what) {
  for (const key of [...UPPER, ...LOWER, "pattern", "multipleOf", "uniqueItems"]) {
    const x = b[key];
    const y = a[key];
    if (same(x, y)) continue;
    let narrowed;
    if (UPPER.includes(key)) narrowed = y !== undefined && (x === undefined || y < x);
    else if (LOWER.includes(key)) narrowed = y !== undefined && (x === undefined || y > x);
    else if (key === "uniqueItems") narrowed = y === true;
    else narrowed = y !== undefined;
    if (dir === "request" && narrowed) out.add("breaking", "request-constraint-narrowed", `${loc}/${key}`, `${what} now allows less: ${key} ${x ?? "none"} → ${y ?? "none"}.`);
    else out.add("non-breaking", `${dir}-constraint-changed`, `${loc}/${key}`, `${what}'s ${key} changed from ${x ?? "none"} to ${y ?? "none"}.`);
  }
}

/** @param {Collector} out @param {any} b @param {any} a @param {string} loc */
function securityScheme(out, b, a, loc) {
  docs(out, b, a, loc, "security scheme");
  const { description: _x, ...restB } = b ?? {};
  const { description: _y, ...restA } = a ?? {};
  if (!same(restB, restA)) out.add("breaking", "security-scheme-changed", loc, `Security scheme ${loc.split("/").pop()} changed how credentials are sent.`);
}

/** @param {Collector} out @param {any[] | undefined} b @param {any[] | undefined} a @param {string} loc @param {string} owner */
function servers(out, b, a, loc, owner) {
  const urls = (/** @type {any[] | undefined} */ s) => (s ?? []).map((x) => String(x?.url));
  const ub = urls(b);
  const ua = urls(a);
  ub.forEach((url, i) => {
    if (!ua.includes(url)) out.add("breaking", "server-removed", `${loc}/${i}`, `Server ${url} was removed from ${owner}.`);
    else docs(out, b?.[i], a?.[ua.indexOf(url)], `${loc}/${ua.indexOf(url)}`, `server ${url}`);
  });
  ua.forEach((url, i) => {
    if (!ub.includes(url)) out.add("non-breaking", "server-added", `${loc}/${i}`, `Server ${url} was added to ${owner}.`);
  });
}

/** @param {Collector} out @param {any} b @param {any} a @param {string} loc @param {string} what */
function docs(out, b, a, loc, what) {
  for (const f of DOC_FIELDS) {
    if ((b?.[f] ?? "") !== (a?.[f] ?? "")) out.add("non-breaking", "doc-changed", `${loc}/${f}`, `The ${f} of ${lower(what)} changed.`);
  }
}

/** @param {any} s @returns {string[] | null} the non-null types, sorted; null when any type goes */
function types(s) {
  const t = s?.type;
  if (t === undefined) return null;
  const list = (Array.isArray(t) ? t : [t]).filter((x) => x !== "null").sort();
  return list.length ? list : null;
}

const nullable = (/** @type {any} */ s) => s?.nullable === true || (Array.isArray(s?.type) && s.type.includes("null"));

/** @param {any[]} security */
function canonicalSecurity(security) {
  return security.map((req) => Object.keys(req ?? {}).sort().map((k) => `${k}:${[...(req[k] ?? [])].sort().join(",")}`).join("+")).sort();
}

/** @param {any[]} security */
function describeSecurity(security) {
  const c = canonicalSecurity(security).map((s) => s.replace(/:$/, "").replace(/:/g, " "));
  return c.length === 0 ? "none" : c.map((s) => s || "anonymous").join(" or ");
}

const cap = (/** @type {string} */ s) => (s[0] ?? "").toUpperCase() + s.slice(1);
const escape = (/** @type {string} */ s) => s.replace(/~/g, "~0").replace(/\//g, "~1");
const lower = (/** @type {string} */ s) => (/^(Request|Response|The|Required|Optional|Schema) /.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);
const list = (/** @type {unknown[] | undefined} */ values) => (values ?? []).map((v) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``).join(", ");

/** One entry per change, in a stable order. @param {Change[]} changes */
export function dedupe(changes) {
  /** @type {Map<string, Change>} */
  const seen = new Map();
  for (const c of changes) seen.set(`${c.kind}\u0000${c.location}\u0000${c.message}`, c);
  return [...seen.values()].sort(
    (x, y) => RANK[x.severity] - RANK[y.severity] || (x.operation ?? "\uffff").localeCompare(y.operation ?? "\uffff") || x.location.localeCompare(y.location) || x.kind.localeCompare(y.kind),
  );
}
