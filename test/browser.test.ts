// The Seam client in a real browser: an esbuild-bundled page, served from one loopback origin,
// calls the testing fake on another (so CORS preflights happen), in Debian's headless Chromium.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeServer, type FakeServer } from "vendor-api-clients/testing";
import type { DemoResult } from "./browser/app.js";
import { launchChromium, type Chromium } from "./browser/chromium.js";
import { serveStatic, type StaticServer } from "./browser/static-server.js";

const root = join(import.meta.dirname, "..");
let fake: FakeServer;
let site: StaticServer;
let browser: Chromium;
let bundle = "";

declare const demo: { deleteAcsUser(endpoint: string, token: string, acsUserId: string): Promise<DemoResult> };

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(root, "test/browser/app.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
    alias: { "vendor-api-clients/seam": join(root, "src/seam.ts") },
  });
  bundle = result.outputFiles[0]!.text;
  fake = await startFakeServer({ seed: "browser" });
  site = await serveStatic({
    "/": { type: "text/html", body: readFileSync(join(root, "test/browser/index.html")) },
    "/app.js": { type: "text/javascript", body: bundle },
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fake?.close();
});

async function openPage() {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${site.url}/`);
  await page.locator("#status", { hasText: "ready" }).waitFor({ timeout: 15_000 });
  return { page, errors };
}

describe("browser", () => {
  it("browser: the bundle has no Node built-ins and no credentials baked in", () => {
    expect(bundle).not.toMatch(/\bnode:[a-z]/);
    expect(bundle).not.toContain(fake.credentials.seam.clientSessionToken);
  });

  it("browser: the Seam client deletes an ACS user with a client session token, across origins", async () => {
    const { page, errors } = await openPage();
    try {
      const [target] = fake.seam.acsUsers();
      const { endpoint, clientSessionToken } = fake.seamClientOptions("clientSessionToken") as { endpoint: string; clientSessionToken: string };
      const result = await page.evaluate(([e, t, id]) => demo.deleteAcsUser(e, t, id), [endpoint, clientSessionToken, target!.acs_user_id] as const);
      expect(result).toEqual({ ok: true });
      await expect(page.locator("#result").textContent()).resolves.toBe(`Deleted ${target!.acs_user_id}: ok=true`);
      mkdirSync(join(root, "test-results", "screenshots"), { recursive: true });
      await page.screenshot({ path: join(root, "test-results", "screenshots", "browser-seam.png") });
      expect(fake.seam.acsUsers().map((u) => u.acs_user_id)).not.toContain(target!.acs_user_id);
      const request = fake.requests.find((r) => r.method === "POST");
      expect(request).toMatchObject({
        path: "/acs/users/delete",
        auth: "clientSessionToken",
        status: 200,
        body: { acs_user_id: target!.acs_user_id },
        headers: { origin: site.url, authorization: "Bearer [redacted]", "client-session-token": "[redacted]" },
      });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("browser: a rejected token surfaces as AuthenticationError with status 401", async () => {
    const { page } = await openPage();
    try {
      const target = fake.seam.acsUsers()[0]!;
      const result = await page.evaluate(([e, id]) => demo.deleteAcsUser(e, "seam_cst_not_the_right_one", id), [fake.url, target.acs_user_id] as const);
      expect(result.error).toMatchObject({ kind: "AuthenticationError", status: 401 });
      // error.name must survive the app's minifier: it is what logs and error trackers show.
      expect(result.error?.name).toBe("AuthenticationError");
      expect(result.error?.message).toContain("POST /acs/users/delete");
      expect(result.error?.message).not.toContain("seam_cst_not_the_right_one");
    } finally {
      await page.close();
    }
  });
});
