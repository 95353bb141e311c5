// Smoke test: every documented export exists, and each subpath entry holds only its own API.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import * as root from "vendor-api-clients";
import * as seamEntry from "vendor-api-clients/seam";
import * as sequenceEntry from "vendor-api-clients/sequence";

const ERRORS = [
  "ApiError",
  "ValidationError",
  "ConnectionError",
  "TimeoutError",
  "MalformedResponseError",
  "PaginationError",
  "RedirectError",
  "ResponseTooLargeError",
  "HttpError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
];
const SEQUENCE_FUNCTIONS = ["createSequenceClient", "createRawSequenceClient", "can", "permissionsOf", "rolesAllowing"];
const SEQUENCE_DATA = ["sequenceEnvironments", "defaultSequenceEnvironment", "sequenceApiVersions", "latestSequenceApiVersion", "roleNames", "resources", "actions"];
const SEAM_FUNCTIONS = ["createSeamClient", "createRawSeamClient"];
const SEAM_DATA = ["defaultSeamEndpoint"];
// reliability: shared by both APIs (sequenceRateLimit is Sequence's documented limit)
const SHARED_FUNCTIONS = ["createRateLimiter"];
const SHARED_DATA = ["defaultRetryPolicy"];
const SEQUENCE_ONLY_RELIABILITY = ["sequenceRateLimit"];

describe("exports", () => {
  it.each([...SEQUENCE_FUNCTIONS, ...SEAM_FUNCTIONS, ...SHARED_FUNCTIONS, ...ERRORS])("exports: %s is a function of the root entry", (name) => {
    expect(typeof (root as Record<string, unknown>)[name]).toBe("function");
  });

  it.each([...SEQUENCE_DATA, ...SEAM_DATA, ...SHARED_DATA, ...SEQUENCE_ONLY_RELIABILITY])("exports: %s is defined on the root entry", (name) => {
    expect((root as Record<string, unknown>)[name]).toBeDefined();
  });

  it("exports: the root entry exports nothing undocumented", () => {
    expect(Object.keys(root).sort()).toEqual(
      [...SEQUENCE_FUNCTIONS, ...SEQUENCE_DATA, ...SEAM_FUNCTIONS, ...SEAM_DATA, ...SHARED_FUNCTIONS, ...SHARED_DATA, ...SEQUENCE_ONLY_RELIABILITY, ...ERRORS].sort(),
    );
  });

  it("exports: the sequence entry has the Sequence API and the errors, not Seam", () => {
    expect(Object.keys(sequenceEntry).sort()).toEqual(
      [...SEQUENCE_FUNCTIONS, ...SEQUENCE_DATA, ...SHARED_FUNCTIONS, ...SHARED_DATA, ...SEQUENCE_ONLY_RELIABILITY, ...ERRORS].sort(),
    );
  });

  it("exports: the seam entry has the Seam API and the errors, not Sequence", () => {
    expect(Object.keys(seamEntry).sort()).toEqual([...SEAM_FUNCTIONS, ...SEAM_DATA, ...SHARED_FUNCTIONS, ...SHARED_DATA, ...ERRORS].sort());
  });

  it("exports: entries share the same error classes and helpers", () => {
    for (const name of [...ERRORS, ...SHARED_FUNCTIONS, ...SHARED_DATA]) {
      expect((sequenceEntry as Record<string, unknown>)[name]).toBe((root as Record<string, unknown>)[name]);
      expect((seamEntry as Record<string, unknown>)[name]).toBe((root as Record<string, unknown>)[name]);
    }
  });

  it.each([
    ["sequence", "generated/seam/"],
    ["seam", "generated/sequence/"],
  ])("exports: bundling the %s entry pulls in nothing from %s", async (entry, other) => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL(`../src/${entry}.ts`, import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "neutral",
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes(`generated/${entry}/`))).toBe(true);
    expect(inputs.filter((file) => file.includes(other))).toEqual([]);
    // src/ runs in any runtime: nothing from node:* may be bundled
    expect(inputs.filter((file) => file.startsWith("node:"))).toEqual([]);
  });
});
