// What each behaviour costs the budgeted bundles (scripts/size.mjs cases), in min+gzip bytes:
// gzip(bundle) − gzip(the same bundle with that behaviour's module replaced by a minimal stub).
// The stubs only stand in for the code; they are never run. Costs overlap a little (gzip shares
// strings between modules), so they do not add up exactly to the total.
//   node bench/client/size-costs.mjs
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const stubs = {
  "raw client (openapi-fetch)": { file: /generated\/(sequence|seam)\/client\.ts$/, contents: (path) => path.includes("sequence")
      ? `export const servers = { dev: "https://dev.seqhq.io/api", sandbox: "https://sandbox.sequencehq.com/api", production: "https://eu.sequencehq.com/api" }; export const headerEnums = { "Sequence-Version": ["2024-07-30"] }; export const createRawClient = () => ({});`
      : `export const servers = { default: "https://connect.getseam.com" }; export const createRawClient = () => ({});` },
  "transport: retries, backoff, Retry-After, timeouts, deadline, abort, rate-limiter hook, onRetry, body read": { file: /src\/transport\.ts$/,
    contents: () => `export const createTransport = (o = {}) => (request, call = {}) => (o.fetch ?? fetch)(request, { signal: call.signal });` },
  "  of which: onRetry events": { file: /src\/transport\.ts$/, patch: (t) => t.replace(/onRetry\?\.\(\{[\s\S]*?\}\);\n/, "") },
  "  of which: whole body read inside the attempt, with maxResponseBytes": { file: /src\/transport\.ts$/, patch: (t) => t.replace("outcome = await readWhole(", "outcome = response; void (") },
  "  of which: rate-limiter hook": { file: /src\/transport\.ts$/, patch: (t) => t.replace(/const wait = rateLimiter[^\n]*\n[^\n]*\n/, "") },
  "  of which: error code in connection errors": { file: /src\/transport\.ts$/, patch: (t) => t.replace("${codeOf(error)}", "") },
  "input checks (id route safety, limit, cursors, counts, Seam body shape)": { file: /src\/validate\.ts$/,
    contents: () => `import { ValidationError } from "./errors.js"; export function invalid(m, p, w = { method: "", path: "" }) { throw new ValidationError(m, { ...w, param: p }); } const id = (x) => x; export { id as checkId, id as checkLimit, id as checkCursor, id as checkCount, id as checkSeamAcsUserDeleteBody }; export const isWellFormed = () => true;` },
  "2xx body checks (required fields) and malformed-body errors": { file: /src\/response\.ts$/,
    contents: () => `import { errorFromResponse } from "./errors.js"; export async function settle(c, p) { const r = await p; const t = await r.text(); let b; try { b = JSON.parse(t) } catch { b = t } if (!r.ok) throw errorFromResponse(c.method, c.path, r, c.redact(JSON.stringify(b))); return [b, c]; } const id = (b) => b; export { id as toSequenceUser, id as toUserList, id as toSeamOk }; export const redactor = (s) => (t) => s.reduce((o, x) => x ? o.split(x).join("[redacted]") : o, t);` },
  "pagination (lazy paginator, loop detection, prefetch, maxPages, abort)": { file: /src\/pagination\.ts$/, contents: () => `export const paginate = () => ({});` },
  "environments, base URL and env checks": { file: /src\/environments\.ts$/,
    contents: () => `export const readEnv = (n) => globalThis.process?.env?.[n]; export const pickServer = (s, n) => s[n]; export const checkBaseUrl = (v) => v;` },
  "Sequence credentials (env fallback, checks, UTF-8 Basic)": { file: /src\/sequence-auth\.ts$/,
    contents: () => `export const sequenceAuthorization = (o) => ({ authorization: "Basic " + btoa(o.clientId + ":" + o.clientSecret), secrets: [o.clientSecret] });` },
  "Seam credentials (kinds, prefix checks, messages, headers)": { file: /src\/seam-auth\.ts$/,
    contents: () => `export const seamAuthHeaders = (o) => ({ headers: { authorization: "Bearer " + o.apiKey }, secrets: [o.apiKey] });` },
  "error class names that survive minification": { file: /src\/errors\.ts$/, patch: (text) => text.replace(/for \(const name in names\)[^\n]*\n/, "") },
};
async function gz(code, stub) {
  const plugins = stub ? [{ name: "stub", setup(b) {
    b.onLoad({ filter: stub.file }, async (args) => {
      if (stub.patch) return { contents: stub.patch(readFileSync(args.path, "utf8")), loader: "ts" };
      return { contents: stub.contents(args.path), loader: "ts" };
    });
  } }] : [];
  const r = await build({ stdin: { contents: code, resolveDir: root, loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent", plugins });
  return gzipSync(r.outputFiles[0].contents, { level: 9 }).length;
}
const entries = { sequence: `export { createSequenceClient } from "./src/sequence.ts";`, seam: `export { createSeamClient } from "./src/seam.ts";` };
const full = { sequence: await gz(entries.sequence), seam: await gz(entries.seam) };
console.log(`| behaviour | Sequence entry (${full.sequence} B) | Seam entry (${full.seam} B) |\n|---|---:|---:|`);
for (const [name, stub] of Object.entries(stubs)) {
  const cells = [];
  for (const e of Object.keys(entries)) cells.push(full[e] - (await gz(entries[e], stub)));
  console.log(`| ${name} | ${cells[0] || "-"} | ${cells[1] || "-"} |`);
}
