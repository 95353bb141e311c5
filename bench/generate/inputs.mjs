// @ts-check
// The benchmark's three inputs, each laid out twice in a temp dir: as a project for
// scripts/generate.mjs (redocly.yaml + specs/<api>/upstream/) and as plain files for the naive chain.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const countOperations = (/** @type {any} */ doc) =>
  Object.values(doc.paths ?? {}).reduce((n, item) => n + METHODS.filter((m) => item?.[m]).length, 0);

// The vendor specs fail `recommended` with errors our project's overlays would fix (Seam: 83
// nullable-type-sibling, 2 security-defined; GitHub: 1,493 security-defined, 135 nullable-type-sibling,
// 2 no-identical-paths). Downgrading those rules to warnings keeps every rule running, so both
// contenders still do the full lint work, but lets the run succeed.
const VENDOR_RULES = `extends:
  - recommended
rules:
  nullable-type-sibling: warn
  security-defined: warn
  no-identical-paths: warn
`;

/**
 * What our client emitter refuses (scripts/lib/emit-client.mjs: object-typed or non-default-style
 * parameters, cookies, non-JSON-only bodies) removed, so that generate accepts the vendor spec.
 * Done once at set-up, and every contender gets the same document. Returns how many were dropped.
 * @param {any} doc
 */
function dropUnsupported(doc) {
  /** @type {(s: any) => any} */
  const deref = (s) => (typeof s?.$ref === "string" ? deref(s.$ref.split("/").slice(1).reduce((/** @type {any} */ o, /** @type {string} */ k) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc)) : s);
  const PRIMITIVES = ["string", "integer", "number", "boolean"];
  const ok = (/** @type {any} */ ref) => {
    const p = deref(ref);
    if (p.in === "cookie" || p.content || p.allowReserved) return false;
    const def = p.in === "query" ? "form" : "simple";
    if ((p.style ?? def) !== def || (p.explode ?? p.in === "query") !== (p.in === "query")) return false;
    let item = deref(p.schema ?? {});
    if (item.type === "array" && p.in === "query") item = deref(item.items ?? {});
    if (PRIMITIVES.includes(item.type)) return true;
    if (p.in !== "path") return false;
    p.schema = { type: "string" }; // a path needs its parameter: `oneOf: [integer, string]` and the like become strings
    dropped++;
    return true;
  };
  let dropped = 0;
  const filter = (/** @type {any} */ holder) => {
    if (!Array.isArray(holder?.parameters)) return;
    const kept = holder.parameters.filter(ok);
    dropped += holder.parameters.length - kept.length;
    holder.parameters = kept;
  };
  for (const item of Object.values(doc.paths ?? {})) {
    filter(item);
    for (const m of METHODS) {
      const op = /** @type {any} */ (item)?.[m];
      if (!op) continue;
      filter(op);
      const content = deref(op.requestBody ?? {}).content;
      if (content && !content["application/json"]) (delete op.requestBody, dropped++);
    }
  }
  return dropped;
}

/**
 * The naive chain's lint rules, passed to redocly with --config. Not named redocly.yaml: the
 * openapi-typescript CLI would pick that up and lint the bundle again with the full ruleset, which
 * would make the naive chain slower than it needs to be (it then uses its own `minimal` config).
 */
export const NAIVE_CONFIG = "lint.redocly.yaml";

/**
 * @param {string} repo
 * @param {string} work  temp dir
 */
export function inputs(repo, work) {
  const require = createRequire(join(repo, "package.json"));
  const ownRules = readFileSync(join(repo, "redocly.yaml"), "utf8").split(/\napis:/)[0] + "\n";

  /** @param {string} key @param {Record<string, string>} bundles  api → committed bundle */
  const layout = (key, bundles) => {
    const naiveDir = join(work, key, "naive");
    mkdirSync(join(naiveDir, "in"), { recursive: true });
    /** @type {Record<string, string>} */
    const naiveInputs = {};
    for (const [api, file] of Object.entries(bundles)) {
      const ext = file.endsWith(".json") ? "json" : "yaml";
      cpSync(file, join(naiveDir, "in", `${api}.${ext}`));
      naiveInputs[api] = `in/${api}.${ext}`;
    }
    return { oursDir: join(work, key, "project"), naiveDir, naiveInputs };
  };

  // 1. This repo: the real redocly.yaml and specs/ (merge + overlay). The naive chain cannot merge
  //    parts or apply overlays (and openapi-typescript crashes on the raw Sequence Role schema), so it
  //    gets the committed final bundles, generated/<api>/openapi.yaml, with the same lint rules.
  const apiNames = Object.keys(parse(readFileSync(join(repo, "redocly.yaml"), "utf8")).apis).sort();
  const own = layout("ours", Object.fromEntries(apiNames.map((a) => [a, join(repo, "generated", a, "openapi.yaml")])));
  mkdirSync(own.oursDir, { recursive: true });
  cpSync(join(repo, "redocly.yaml"), join(own.oursDir, "redocly.yaml"));
  cpSync(join(repo, "specs"), join(own.oursDir, "specs"), { recursive: true });
  writeFileSync(join(own.naiveDir, NAIVE_CONFIG), ownRules);
  const ownOps = apiNames.reduce((n, a) => n + countOperations(parse(readFileSync(join(repo, "generated", a, "openapi.yaml"), "utf8"))), 0);

  /** One vendor spec as a one-API project, no overlay. */
  const vendor = (/** @type {string} */ key, /** @type {string} */ file) => {
    const p = layout(key, { [key]: file });
    const upstream = join(p.oursDir, "specs", key, "upstream");
    mkdirSync(upstream, { recursive: true });
    cpSync(file, join(upstream, "openapi.json"));
    writeFileSync(join(p.oursDir, "redocly.yaml"), `${VENDOR_RULES}apis:\n  ${key}:\n    root: generated/${key}/openapi.yaml\n`);
    writeFileSync(join(p.naiveDir, NAIVE_CONFIG), VENDOR_RULES);
    return p;
  };

  // 2. Full Seam Connect: the `openapi` export of @seamapi/types, written out as JSON.
  const seamJson = join(work, "seam-openapi.json");
  const seamDoc = JSON.parse(JSON.stringify(require("@seamapi/types/connect").openapi));
  const seamDropped = dropUnsupported(seamDoc);
  writeFileSync(seamJson, JSON.stringify(seamDoc, null, 2));
  const seam = vendor("seam", seamJson);

  // 3. GitHub's REST API description, as published in @octokit/openapi.
  const githubDoc = JSON.parse(readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8"));
  const githubDropped = dropUnsupported(githubDoc);
  const githubJson = join(work, "github-openapi.json");
  writeFileSync(githubJson, JSON.stringify(githubDoc, null, 2));
  const github = vendor("github", githubJson);

  return [
    {
      key: "ours",
      label: "our specs (sequence + seam)",
      operations: ownOps,
      note: `this repo's redocly.yaml and specs/ (${apiNames.length} APIs, merge + overlay); the peers get the committed bundles generated/<api>/openapi.yaml, since they can neither merge nor overlay.`,
      ...own,
    },
    {
      key: "seam",
      label: "Seam Connect (full)",
      operations: countOperations(seamDoc),
      note: `\`openapi\` export of @seamapi/types as specs/seam/upstream/openapi.json, no overlay; redocly.yaml = \`extends: [recommended]\` with nullable-type-sibling, security-defined and no-identical-paths downgraded to warnings (upstream has errors under them); ${seamDropped} parameters/bodies our client can't send (object-typed query parameters and the like) removed at set-up, for every contender.`,
      ...seam,
    },
    {
      key: "github",
      label: "GitHub REST (api.github.com)",
      operations: countOperations(JSON.parse(readFileSync(githubJson, "utf8"))),
      note: `@octokit/openapi generated/api.github.com.json as specs/github/upstream/openapi.json, no overlay; same relaxed redocly.yaml as Seam; ${githubDropped} unsupported parameters/bodies removed the same way.`,
      ...github,
    },
  ];
}
