import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const seamEntry = fileURLToPath(new URL("../src/seam.js", import.meta.url));
const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));

/** tsc's diagnostics for a snippet that imports createSeamClient. */
function diagnostics(snippet: string): string {
  const dir = mkdtempSync(join(tmpdir(), "seam-types-"));
  try {
    const file = join(dir, "snippet.ts");
    writeFileSync(file, `import { createSeamClient } from ${JSON.stringify(seamEntry)};\n${snippet}\n`);
    const args = ["--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", file];
    try {
      execFileSync(process.execPath, [tsc, ...args], { encoding: "utf8", timeout: 60_000 });
      return "";
    } catch (error) {
      return String((error as { stdout?: string }).stdout);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("seam types", () => {
  it("seam types: mixing credential kinds is a compile error that names both kinds", { timeout: 90_000 }, () => {
    const text = diagnostics(
      [
        `createSeamClient({ apiKey: "seam_k", clientSessionToken: "seam_cst1" });`,
        `createSeamClient({ clientSessionToken: "seam_cst1", workspaceId: "w" });`,
      ].join("\n"),
    );
    expect(text).toContain(`SeamCredentialError<"clientSessionToken cannot be combined with apiKey">`);
    expect(text).toContain(`SeamCredentialError<"workspaceId cannot be combined with clientSessionToken">`);
    expect(text).not.toContain("not assignable to type 'undefined'");
  });
});
