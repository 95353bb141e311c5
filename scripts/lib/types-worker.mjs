// @ts-check
// Runs openapi-typescript on its own thread. Importing it loads the TypeScript compiler (~1.3 s
// here), so the main thread starts this worker first and bundles, merges and lints meanwhile; on a
// large spec, types and lint then also run side by side on the two cores.
import { parentPort } from "node:worker_threads";
import openapiTS, { astToString } from "openapi-typescript";

parentPort?.on("message", async (/** @type {{ id: number, doc: any }} */ { id, doc }) => {
  try {
    // The bundle is already linted and self-contained, so openapi-typescript's own pass is cheap.
    const ast = await openapiTS(doc, { silent: true });
    parentPort?.postMessage({ id, text: astToString(ast) });
  } catch (error) {
    parentPort?.postMessage({ id, error: /** @type {Error} */ (error).message });
  }
});
parentPort?.postMessage({ ready: true });
