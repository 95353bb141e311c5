// The types worker (scripts/lib/types-worker.mjs) runs yaml and openapi-typescript off the main
// thread; a failure there must reach the main thread with its tool, its file and the worker's stack.
import { describe, expect, it } from "vitest";
import { GenerateError } from "../scripts/lib/errors.mjs";
import { startTypesWorker } from "../scripts/lib/types-pool.mjs";

describe("types worker", () => {
  it("types worker: an openapi-typescript failure keeps its tool, the file it was writing and the worker's stack", { timeout: 60_000 }, async () => {
    const worker = startTypesWorker();
    try {
      const emitted = worker.emit({ swagger: "2.0", info: { title: "old", version: "1" }, paths: {} }, "# header\n", "generated/old");
      expect(await emitted.yaml).toContain("swagger:");
      const error = await emitted.types.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GenerateError);
      const e = error as GenerateError;
      expect(e.rule).toBe("openapi-typescript");
      expect(e.file).toBe("generated/old/types.ts");
      expect(e.message).toMatch(/^openapi-typescript failed: Unsupported OpenAPI version/);
      expect(e.stack).toContain("in the types worker:");
      expect(e.stack).toMatch(/types-worker\.mjs:\d+/);
      expect(e.format()).toMatch(/^generated\/old\/types\.ts: \[openapi-typescript\] openapi-typescript failed/);
    } finally {
      await worker.close();
    }
  });
});
