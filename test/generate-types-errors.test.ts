// scripts/lib/types.mjs writes each bundle's YAML and types; a failure there must reach the user
// with its tool, the file it was writing and the tool's own stack.
import { describe, expect, it } from "vitest";
import { GenerateError } from "../scripts/lib/errors.mjs";
import { emitBundleFiles } from "../scripts/lib/types.mjs";

describe("bundle files", () => {
  it("bundle files: an openapi-typescript failure keeps its tool, the file it was writing and the tool's stack", { timeout: 60_000 }, async () => {
    const emitted = emitBundleFiles({ swagger: "2.0", info: { title: "old", version: "1" }, paths: {} }, "# header\n", "generated/old");
    expect(emitted.yaml).toContain("swagger:");
    const error = await emitted.types.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GenerateError);
    const e = error as GenerateError;
    expect(e.rule).toBe("openapi-typescript");
    expect(e.file).toBe("generated/old/types.ts");
    expect(e.message).toMatch(/^openapi-typescript failed: Unsupported OpenAPI version/);
    expect(e.stack).toMatch(/scripts\/lib\/types\.mjs:\d+/);
    expect(e.stack).toMatch(/at toTypes/);
    expect(e.format()).toMatch(/^generated\/old\/types\.ts: \[openapi-typescript\] openapi-typescript failed/);
  });

  it("bundle files: the types come from a copy taken at the call, not from later changes to the document", async () => {
    const doc = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { schemas: { A: { type: "string" } } } };
    const emitted = emitBundleFiles(doc, "# header\n", "generated/t");
    doc.components.schemas.A.type = "integer";
    expect(emitted.yaml).toContain("type: string");
    expect(await emitted.types).toMatch(/A: string/);
  });
});
