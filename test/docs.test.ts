// The API reference: `npm run docs` builds one HTML page per API with redocly build-docs. This test
// builds them afresh, opens each in headless Chromium, and checks that it shows every operation.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { distinctColours, launchChromium, type Chromium } from "./browser/chromium.js";
import { serveStatic, type StaticServer } from "./browser/static-server.js";

const root = join(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "vac-docs-"));
let browser: Chromium;
let server: StaticServer;

// Every API in redocly.yaml, with its title and operations as the bundle states them.
const apis = Object.keys(parse(readFileSync(join(root, "redocly.yaml"), "utf8")).apis).sort();
const pages = Object.fromEntries(
  apis.map((api) => {
    const doc = parse(readFileSync(join(root, "generated", api, "openapi.yaml"), "utf8"));
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { summary?: string }>)
        .filter(([method]) => ["get", "put", "post", "delete", "patch"].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, summary: op.summary })),
    );
    return [api, { title: doc.info.title as string, summaries: operations.flatMap((o) => o.summary ?? []), operations }];
  }),
);

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [join(root, "scripts/docs.mjs"), "--out", out], { cwd: root });
  server = await serveStatic(Object.fromEntries(apis.map((api) => [`/${api}.html`, { type: "text/html", body: readFileSync(join(out, `${api}.html`)) }])));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

describe.each(Object.entries(pages))("docs: %s", (api, page) => {
  // docs/*.html are build output (2.5 MB each, gitignored), so there is no committed copy to compare.
  it(`docs: the ${api} page is self-contained`, () => {
    const html = readFileSync(join(out, `${api}.html`), "utf8");
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });

  it(`docs: the ${api} page shows every operation, and its screenshot is not blank`, async () => {
    const tab = await browser.newPage();
    try {
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(error.message));
      await tab.goto(`${server.url}/${api}.html`, { waitUntil: "domcontentloaded" });
      await tab.getByText(page.operations[0]!.path, { exact: true }).first().waitFor({ timeout: 15_000 });
      // Visible: each operation's method and path. In the DOM (some behind "Show"): each summary.
      const visible = await tab.locator("body").innerText();
      expect(visible).toContain(page.title);
      for (const { method, path } of page.operations) {
        expect(visible).toContain(path);
        expect(visible).toContain(method === "DELETE" ? "DEL" : method);
      }
      const all = await tab.locator("body").textContent();
      for (const summary of page.summaries) expect(all).toContain(summary);
      const png = await tab.screenshot({ fullPage: false });
      // Kept for people to look at (test-results/ is git-ignored; CI's summary reads only its .json).
      mkdirSync(join(root, "test-results", "screenshots"), { recursive: true });
      writeFileSync(join(root, "test-results", "screenshots", `docs-${api}.png`), png);
      expect(await distinctColours(tab, png)).toBeGreaterThan(20);
      expect(errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
