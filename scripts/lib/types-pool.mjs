// @ts-check
// The main thread's handle on types-worker.mjs: one worker, requests answered in order.
import { Worker } from "node:worker_threads";
import { GenerateError } from "./errors.mjs";

export function startTypesWorker() {
  const worker = new Worker(new URL("./types-worker.mjs", import.meta.url));
  /** @type {Map<number, { resolve: (text: string) => void, reject: (e: Error) => void }>} */
  const pending = new Map();
  let next = 0;
  worker.on("message", (msg) => {
    if (msg.ready) return;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) p?.reject(new GenerateError(`openapi-typescript failed: ${msg.error}`, { rule: "openapi-typescript" }));
    else p?.resolve(msg.text);
  });
  worker.on("error", (error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  });
  return {
    /** @param {Record<string, any>} doc */
    types(doc) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, doc });
      });
    },
    close: () => worker.terminate(),
  };
}
