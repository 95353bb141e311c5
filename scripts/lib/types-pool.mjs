// @ts-check
// The main thread's handle on types-worker.mjs: one worker that, for each bundle, writes its YAML
// text and its types, answering requests in order.
import { Worker } from "node:worker_threads";
import { GenerateError } from "./errors.mjs";

export function startTypesWorker() {
  const worker = new Worker(new URL("./types-worker.mjs", import.meta.url));
  /** @type {Map<string, { resolve: (result: any) => void, reject: (e: Error) => void, file?: (kind: string) => string }>} */
  const pending = new Map();
  let next = 0;
  /** set once the worker is gone: later requests fail with it instead of waiting forever */
  /** @type {Error | undefined} */
  let gone;
  const failAll = (/** @type {Error} */ error) => {
    gone ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on("message", (msg) => {
    if (msg.ready) return;
    const key = `${msg.id}:${msg.kind}`;
    const p = pending.get(key);
    pending.delete(key);
    const tool = { yaml: "yaml", types: "openapi-typescript" }[/** @type {"yaml" | "types"} */ (msg.kind)];
    if (msg.error) {
      const error = new GenerateError(`${tool} failed: ${msg.error.message}`, { rule: tool, file: p?.file?.(msg.kind) });
      // The worker's stack, where the tool failed, rather than this message handler's.
      error.stack = `${error.name}: ${error.message}\n    in the types worker:\n${String(msg.error.stack).split("\n").slice(1).join("\n")}`;
      p?.reject(error);
    }
    else p?.resolve(msg.result);
  });
  worker.on("error", failAll);
  // A worker that dies without an error event (out of memory, process.exit) must not hang the run.
  worker.on("exit", (code) => failAll(new GenerateError(`the types worker exited (code ${code})`, { rule: "openapi-typescript" })));
  return {
    /**
     * Hands the final bundle to the worker (a structured clone, so later changes here don't reach
     * it). It stringifies it as YAML after `yamlHeader`, then runs openapi-typescript on it.
     * @param {Record<string, any>} doc
     * @param {string} yamlHeader
     * @param {string} [output]  generated/<api>, to name the file in errors
     */
    emit(doc, yamlHeader, output = "generated") {
      const id = next++;
      const file = (/** @type {string} */ kind) => `${output}/${kind === "yaml" ? "openapi.yaml" : "types.ts"}`;
      const promise = (/** @type {string} */ kind) => {
        const p = new Promise((resolve, reject) => (gone ? reject(gone) : pending.set(`${id}:${kind}`, { resolve, reject, file })));
        p.catch(() => {}); // awaited later; don't let an early rejection count as unhandled
        return p;
      };
      const result = {
        yaml: /** @type {Promise<string>} */ (promise("yaml")),
        types: /** @type {Promise<string>} */ (promise("types")),
      };
      worker.postMessage({ id, doc, yamlHeader });
      return result;
    },
    close: async () => {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}
