// @ts-check
// `npm run specs:update`'s work: fetch each upstream file's docs page from the URL recorded in
// specs/<api>/upstream/SOURCES.json, extract the fenced YAML block the entry names, and swap in a
// complete new upstream folder. Every page is fetched and checked before anything is written.
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractYamlBlock } from "../import-upstream.mjs";

export class UpdateError extends Error {}

/** A docs page is tens of kilobytes; anything far larger is not one. */
export const MAX_PAGE_BYTES = 8 << 20;
export const FETCH_TIMEOUT_MS = 30_000;

/** @typedef {{ page?: string | null, title?: string | null, url?: string | null, docsIndex?: string | null, block: string, pageSha256: string, sha256: string }} Source */
/** @typedef {{ file: string, source: Source, status: "unchanged" | "page-changed" | "changed", yaml?: string, pageSha256?: string }} Fetched */

/** SPECS_UPDATE_TIMEOUT_MS overrides the per-page deadline (a slow mirror, or a test). */
function timeoutFromEnv() {
  const raw = process.env.SPECS_UPDATE_TIMEOUT_MS;
  if (raw === undefined || raw === "") return FETCH_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1) throw new UpdateError(`SPECS_UPDATE_TIMEOUT_MS must be a whole number of milliseconds, got "${raw}"`);
  return ms;
}

const sha256 = (/** @type {string} */ text) => createHash("sha256").update(text).digest("hex");

/**
 * Fetches a page as text, with a deadline and a size cap.
 * @param {string} url
 * @param {{ timeoutMs?: number, maxBytes?: number }} [options]
 */
export async function fetchPage(url, { timeoutMs = timeoutFromEnv(), maxBytes = MAX_PAGE_BYTES } = {}) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UpdateError(`"${url}" is not a URL; set \`url\` to the page's http(s) address`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new UpdateError(`${url}: only http and https URLs are fetched`);
  const signal = AbortSignal.timeout(timeoutMs);
  let response;
  try {
    response = await fetch(parsed, { signal, redirect: "follow", headers: { accept: "text/markdown, text/plain;q=0.9, */*;q=0.1" } });
  } catch (error) {
    const e = /** @type {Error & { cause?: { code?: string, message?: string } }} */ (error);
    const why = e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new UpdateError(`cannot fetch ${url}: ${why}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UpdateError(`cannot fetch ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new UpdateError(`${url}: the page is ${declared} bytes, over the ${maxBytes}-byte limit for a docs page`);
  }
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (/** @type {unknown} */ (response.body ?? []))) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new UpdateError(`${url}: the page is over the ${maxBytes}-byte limit for a docs page`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof UpdateError) throw error;
    throw new UpdateError(`cannot fetch ${url}: ${/** @type {Error} */ (error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : /** @type {Error} */ (error).message}`);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * An API's specs/<api>/upstream/SOURCES.json.
 * @param {string} root @param {string} api
 * @returns {Record<string, Source>}
 */
export function readSources(root, api) {
  const index = join(root, "specs", api, "upstream", "SOURCES.json");
  if (!existsSync(index)) throw new UpdateError(`specs/${api}/upstream/SOURCES.json is missing; import the pages first (scripts/import-upstream.mjs)`);
  try {
    return JSON.parse(readFileSync(index, "utf8"));
  } catch (error) {
    throw new UpdateError(`specs/${api}/upstream/SOURCES.json: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * Refuses, before any fetch, when an entry has no `url`, naming every such entry of every API at once
 * with the page to look for in the vendor's docs index.
 * @param {{ api: string, sources: Record<string, Source> }[]} apis
 */
export function checkUrls(apis) {
  const missing = apis.flatMap(({ api, sources }) => Object.entries(sources).filter(([, s]) => !s.url).map(([file, s]) => ({ api, file, source: s })));
  if (!missing.length) return;
  const lines = missing.map(({ api, file, source }) => {
    const page = source.title ? `the page titled "${source.title}"` : `the page with the OpenAPI block "${source.block}"`;
    return `  specs/${api}/upstream/SOURCES.json "${file}": ${page} in ${source.docsIndex || "the vendor's docs index"}`;
  });
  const n = missing.length;
  throw new UpdateError(
    `${n} upstream file${n === 1 ? " has" : "s have"} no \`url\` to fetch ${n === 1 ? "its page" : "their pages"} from:\n${lines.join("\n")}\n` +
      "To find each URL: open the docs index named (llms.txt lists every docs page by title with its URL), find the page by its title," +
      ' and set the entry\'s "url" to that URL; its page holds a ```yaml block named as the entry\'s "block". Then run `npm run specs:update` again.',
  );
}

/**
 * Fetches and checks every source of one API; writes nothing.
 * @param {string} root @param {string} api
 * @param {(line: string) => void} log
 * @returns {Promise<{ sources: Record<string, Source>, fetched: Fetched[] }>}
 */
export async function fetchApiSources(root, api, log) {
  const sources = readSources(root, api);
  checkUrls([{ api, sources }]);
  /** @type {Fetched[]} */
  const fetched = [];
  for (const [file, source] of Object.entries(sources)) {
    const url = /** @type {string} */ (source.url);
    const page = await fetchPage(url);
    const pageSha256 = sha256(page);
    if (pageSha256 === source.pageSha256) {
      log(`${api.padEnd(10)} ${file}  unchanged (${url})`);
      fetched.push({ file, source, status: "unchanged" });
      continue;
    }
    let block;
    try {
      block = extractYamlBlock(page, source.block);
    } catch (error) {
      throw new UpdateError(`${url} (for specs/${api}/upstream/${file}): ${/** @type {Error} */ (error).message}`);
    }
    const changed = sha256(block.yaml) !== source.sha256;
    log(`${api.padEnd(10)} ${file}  ${changed ? "changed" : "page changed, block unchanged"} (${url})`);
    fetched.push({ file, source, status: changed ? "changed" : "page-changed", yaml: block.yaml, pageSha256 });
  }
  return { sources, fetched };
}

/**
 * Swaps in a new specs/<api>/upstream/ built in full beside it: readers see the old folder or the new
 * one, never a mix; a crash leaves the old one in .upstream-old-* to restore.
 * @param {string} root @param {string} api
 * @param {Record<string, Source>} sources @param {Fetched[]} fetched
 */
export function writeUpstream(root, api, sources, fetched) {
  const dir = join(root, "specs", api);
  const target = join(dir, "upstream");
  const fresh = join(dir, `.upstream-new-${process.pid}`);
  const old = join(dir, `.upstream-old-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  try {
    cpSync(target, fresh, { recursive: true });
    /** @type {Record<string, Source>} */
    const next = structuredClone(sources);
    for (const f of fetched) {
      if (f.status === "unchanged") continue;
      const entry = /** @type {Source} */ (next[f.file]);
      entry.pageSha256 = /** @type {string} */ (f.pageSha256);
      if (f.yaml !== undefined) {
        writeFileSync(join(fresh, f.file), f.yaml);
        entry.sha256 = sha256(f.yaml);
      }
    }
    writeFileSync(join(fresh, "SOURCES.json"), `${JSON.stringify(next, null, 2)}\n`);
    renameSync(target, old);
    try {
      renameSync(fresh, target);
    } catch (error) {
      renameSync(old, target);
      throw error;
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}
