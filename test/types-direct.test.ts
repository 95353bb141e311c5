// types.mjs calls openapi-typescript's transform directly (private dist/*.cjs, with the
// context openapiTS() would build) to skip its second lint+bundle pass. Differential: the output must
// be byte for byte what the public openapiTS() + astToString() give, so an upgrade that changes
// either fails here instead of silently changing types.ts.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toTypes, typesOptions } from "../scripts/lib/types.mjs";
import { repoRoot } from "./helpers/project.js";

const apis = readdirSync(join(repoRoot, "generated"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith("."))
  .map((e) => e.name);
const viaPublicApi = async (doc: unknown) => astToString(await openapiTS(structuredClone(doc) as never, typesOptions()));

describe("openapi-typescript direct transform", () => {
  it.each(apis)("types: the direct transform writes what openapiTS() writes, for generated/%s", { timeout: 60_000 }, async (api) => {
    const doc = parse(readFileSync(join(repoRoot, "generated", api, "openapi.yaml"), "utf8"));
    expect(await toTypes(structuredClone(doc))).toBe(await viaPublicApi(doc));
  });

  it("types: the direct transform writes what openapiTS() writes, for full Seam Connect", { timeout: 120_000 }, async () => {
    const { openapi } = createRequire(import.meta.url)("@seamapi/types/connect") as { openapi: unknown };
    const doc = JSON.parse(JSON.stringify(openapi));
    expect(await toTypes(structuredClone(doc))).toBe(await viaPublicApi(doc));
  });
});
