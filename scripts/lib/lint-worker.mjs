// @ts-check
// Runs Redocly's lint of one bundle on a worker thread, so that it overlaps writing the bundle's
// YAML and types on the main thread. Problems come back as plain data (rule, severity, message,
// first location's pointer); lint.mjs turns them into lines with the bundle text.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

if (!isMainThread && workerData?.lintWorker) {
  const { BaseResolver, lintDocument, loadConfig, Source } = await import("@redocly/openapi-core");
  const { unshare } = await import("./unshare.mjs");
  const configs = new Map();
  /** @type {import("node:worker_threads").MessagePort} */ (parentPort).on("message", async (/** @type {any} */ msg) => {
    try {
      if (!configs.has(msg.configPath)) configs.set(msg.configPath, loadConfig({ configPath: msg.configPath }));
      const config = (await configs.get(msg.configPath)).forAlias(msg.alias);
      const document = { source: new Source(msg.absolute, ""), parsed: unshare(msg.parsed) };
      const problems = await lintDocument({ document, config, externalRefResolver: new BaseResolver() });
      const plain = problems.map((p) => ({
        ruleId: p.ruleId,
        severity: p.severity,
        message: p.message,
        location: p.location.slice(0, 1).map((l) => ({ pointer: l.pointer, reportOnKey: l.reportOnKey })),
      }));
      parentPort?.postMessage({ id: msg.id, problems: plain });
    } catch (error) {
      const e = /** @type {Error} */ (error);
      parentPort?.postMessage({ id: msg.id, error: { message: e?.message ?? String(error), stack: String(e?.stack ?? "") } });
    }
  });
}

/** @type {Worker | undefined} */
let worker;
let next = 0;
/** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
const pending = new Map();

/** Starts the worker (loading Redocly there) ahead of need. */
export function startLintWorker() {
  if (worker) return;
  worker = new Worker(new URL(import.meta.url), { workerData: { lintWorker: true } });
  worker.unref();
  worker.on("message", (/** @type {any} */ msg) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (pending.size === 0) worker?.unref();
    if (msg.error) {
      const e = new Error(msg.error.message);
      e.stack = msg.error.stack;
      p.reject(e);
    } else p.resolve(msg.problems);
  });
  worker.on("error", (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });
}

/**
 * @param {Record<string, any>} parsed  copied by postMessage; the caller's object is untouched
 * @param {string} absolute  the bundle's path
 * @param {string} configPath @param {string} alias
 * @returns {Promise<any[]>}
 */
export function lintInWorker(parsed, absolute, configPath, alias) {
  startLintWorker();
  const w = /** @type {Worker} */ (worker);
  const id = next++;
  w.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, parsed, absolute, configPath, alias });
  });
}
