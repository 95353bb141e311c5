// Adding an API by config alone (issue 19's "done when"): a spec under specs/, a block-style entry
// under `apis:`, an overlay only for lint and the declared pagination scheme. generate writes its
// entry and package.json's exports; the packed tarball, installed in a fresh consumer, serves
// `import { createWidgetsClient } from "vendor-api-clients/widgets"`, whose calls go through auth, a
// retry on 503, a typed 404, a paginated listing, an idempotent POST retry and a multipart upload
// against a loopback server. No other API's generated
// files change, with a block-style or a flow-style entry.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configInputs } from "../scripts/lib/inputs.mjs";
import { fixture, repoRoot, type Project } from "./helpers/project.js";
import { copyRepo } from "./helpers/repo-copy.js";
import { json, startServer, type FakeServer } from "./helpers/server.js";
import { sh } from "./helpers/sh.js";

const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
const work = mkdtempSync(join(tmpdir(), "vac-api-from-config-"));
const projects: Project[] = [];


/** The repository (package.json and build config included) with the widgets fixture listed under `apis:` as `entry` writes it. */
function withWidgets(entry: string): Project {
  const project = copyRepo();
  projects.push(project);
  cpSync(fixture("widgets"), join(project.dir, "specs/widgets"), { recursive: true });
  project.edit("redocly.yaml", (text) => `${text.trimEnd()}\n${entry}`);
  for (const file of ["package.json", "tsdown.config.ts", "LICENSE"]) cpSync(join(repoRoot, file), join(project.dir, file));
  return project;
}

/** generated/ of the APIs already listed, as in this repository. */
const othersOf = (project: Project) => new Map([...project.snapshot()].filter(([path]) => !path.startsWith("generated/widgets/")));

let block: Project;
let server: FakeServer;
let output: Record<string, unknown> = {};

beforeAll(async () => {
  block = withWidgets("  widgets:\n    root: generated/widgets/openapi.yaml\n");
  const before = othersOf(block);
  const generated = await block.generate("--quiet");
  expect(generated.code, generated.stderr).toBe(0);
  expect(othersOf(block)).toEqual(before);

  // build into a staging copy and pack it, as package.test.ts does
  const stage = join(work, "stage");
  mkdirSync(stage);
  for (const file of ["package.json", "LICENSE"]) cpSync(join(block.dir, file), join(stage, file));
  await sh(bin("tsdown"), ["--out-dir", join(stage, "dist"), "--logLevel", "error"], block.dir);
  const { stdout } = await sh("npm", ["pack", "--json", "--pack-destination", work, "--ignore-scripts"], stage);
  const [info] = JSON.parse(stdout) as { filename: string }[];
  const consumer = join(work, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { "vendor-api-clients": `file:${join(work, info!.filename)}` } }));
  await sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel", "error"], consumer);
  cpSync(join(repoRoot, "test/fixtures/widgets-consumer.mjs"), join(consumer, "main.mjs"));

  // the vendor: bearer auth, a 503 before the first answer of each call, a typed 404, multipart uploads
  const seen = new Set<string>();
  server = await startServer((req, res) => {
    if (req.headers.authorization !== "Bearer tok_123" && req.query.get("api_key") !== "key_456") return json(res, 401, { message: "unauthorized" });
    const first = `${req.method} ${req.path} ${req.headers["idempotency-key"] ?? ""} ${req.headers.authorization ?? "query key"}`;
    if (req.path !== "/widgets/missing" && req.method !== "PUT" && !seen.has(first)) {
      seen.add(first);
      return json(res, 503, { message: "busy" }, { "retry-after": "0" });
    }
    if (req.path === "/widgets/missing") return json(res, 404, { message: "no such widget" });
    if (req.method === "POST") return json(res, 201, { id: "w2", name: JSON.parse(req.body).name });
    if (req.path === "/widgets") {
      const after = req.query.get("after");
      return after === "c2" ? json(res, 200, { data: [{ id: "w3", name: "Cog" }], next: null }) : json(res, 200, { data: [{ id: "w1", name: "Sprocket" }, { id: "w2", name: "Gear" }], next: "c2" });
    }
    if (req.method === "PUT") {
      const multipart = String(req.headers["content-type"]).startsWith("multipart/form-data; boundary=");
      const file = /filename="photo\.png"\r\nContent-Type: image\/png\r\n\r\n(PNGDATA)\r\n/.exec(req.body)?.[1];
      const caption = /name="caption"\r\n\r\n([^\r]*)\r\n/.exec(req.body)?.[1];
      return json(res, 200, { id: "w1", name: multipart && file ? `${caption}` : "not multipart", photoBytes: file?.length ?? 0 });
    }
    return json(res, 200, { id: "w1", name: "Sprocket" });
  });
  const result = await sh(process.execPath, ["main.mjs", server.url], consumer);
  output = JSON.parse(result.stdout) as Record<string, unknown>;
}, 300_000);

afterAll(async () => {
  await server?.close();
  for (const p of projects) p.remove();
  rmSync(work, { recursive: true, force: true });
});

describe("api from config", { timeout: 120_000 }, () => {
  it("api from config: generate writes the entry and package.json's ./widgets export, and leaves the other APIs' files alone", () => {
    expect(block.read("generated/widgets/index.ts")).toContain("export function createWidgetsClient(");
    const exports = JSON.parse(block.read("package.json")).exports as Record<string, unknown>;
    expect(exports["./widgets"]).toEqual({ types: "./dist/widgets.d.ts", default: "./dist/widgets.js" });
    expect(Object.keys(exports).at(-1)).toBe("./package.json");
  });

  it("api from config: a flow-style entry leaves the other APIs' files alone too", async () => {
    const flow = withWidgets("  widgets: { root: generated/widgets/openapi.yaml }\n");
    const before = othersOf(flow);
    const result = await flow.generate("--quiet");
    expect(result.code, result.stderr).toBe(0);
    expect(othersOf(flow)).toEqual(before);
    expect(flow.read("generated/widgets/operations.js")).toContain("export const uploadWidgetPhoto = {");
  });

  it("api from config: an API's hashed config is the same with another API listed in flow style (README's xkcd example)", () => {
    const text = readFileSync(join(repoRoot, "redocly.yaml"), "utf8");
    const flow = `${text.trimEnd()}\n  xkcd: { root: generated/xkcd/openapi.yaml }\n`;
    for (const name of ["sequence", "seam"]) expect(configInputs(flow, name)).toBe(configInputs(text, name));
  });

  it("api from config: the installed package's client authenticates, retries a 503 and answers", () => {
    expect(output.widget).toEqual({ id: "w1", name: "Sprocket" });
    expect(output.byQueryKey).toEqual({ id: "w1", name: "Sprocket" });
    expect(server.requests.some((r) => r.query.get("api_key") === "key_456")).toBe(true);
    expect(server.requests.filter((r) => r.method === "GET" && r.path === "/widgets/w1").map((r) => r.headers.authorization ?? "query")).toEqual(["Bearer tok_123", "Bearer tok_123", "query", "query"]);
  });

  it("api from config: a listing whose pagination the overlay declares is paged to its end", () => {
    expect(output.listed).toEqual(["w1", "w2", "w3"]);
    expect(output.listedNext).toBeNull();
    expect(server.requests.filter((r) => r.method === "GET" && r.path === "/widgets").map((r) => r.query.get("after"))).toEqual([null, null, "c2"]);
  });

  it("api from config: a 404 is the package's NotFoundError, with the spec's error body", () => {
    expect(output.notFound).toEqual({ isNotFoundError: true, status: 404, body: { message: "no such widget" } });
  });

  it("api from config: a POST that declares Idempotency-Key is retried with the same key when the client sends keys", () => {
    expect(output.created).toEqual({ id: "w2", name: "Gear" });
    const posts = server.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers["idempotency-key"]).toBe(posts[0]!.headers["idempotency-key"]);
  });

  it("api from config: a file goes up as multipart/form-data", () => {
    expect(output.uploaded).toEqual({ id: "w1", name: "front", photoBytes: 7 });
  });

  it("api from config: bad options are ValidationErrors naming the option", () => {
    expect(output.badOption).toEqual({ name: "ValidationError", param: "serverVariables.region" });
  });
});
