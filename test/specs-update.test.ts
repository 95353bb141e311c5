// `npm run specs:update` against a loopback HTTP server that serves the vendors' docs pages, on a git
// copy of this project whose SOURCES.json entries point at that server.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readApiList } from "../scripts/lib/inputs.mjs";
import { GitProject } from "./helpers/git-project.js";
import { repoRoot } from "./helpers/project.js";

type Source = { url: string | null; block: string; pageSha256: string; sha256: string };
type Route = { status?: number; body?: string; hang?: boolean };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** A docs page as the vendors publish it: prose, then the OpenAPI document in a named fence. */
const page = (block: string, yaml: string, title = "Users") => `> ## Documentation Index\n> Fetch the complete documentation index at: http://127.0.0.1/llms.txt\n\n# ${title}\n\n## OpenAPI\n\n\`\`\`\`yaml ${block}\n${yaml}\`\`\`\`\n`;

const routes = new Map<string, Route>();
let server: Server;
let origin = "";
let base: GitProject;
const made: GitProject[] = [];
const upstream: Record<string, Record<string, string>> = {};
const blocks: Record<string, string> = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? "");
    if (route?.hang) return; // never answers; the client's deadline ends it
    if (!route) {
      res.writeHead(404, "Not Found").end();
      return;
    }
    res.writeHead(route.status ?? 200, { "content-type": "text/markdown; charset=utf-8" }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  base = GitProject.copyOfRepo();
  for (const api of readApiList(repoRoot)) {
    const index = `specs/${api}/upstream/SOURCES.json`;
    const sources = JSON.parse(base.read(index)) as Record<string, Source>;
    upstream[api] = {};
    for (const [file, source] of Object.entries(sources)) {
      const yaml = base.read(`specs/${api}/upstream/${file}`);
      upstream[api]![file] = yaml;
      blocks[`${api}/${file}`] = source.block;
      const body = page(source.block, yaml);
      source.url = `${origin}/${api}/${file.replace(/\.yaml$/, "")}`;
      source.pageSha256 = sha256(body);
    }
    base.write(index, `${JSON.stringify(sources, null, 2)}\n`);
  }
  const generate = await base.generate();
  expect(generate.code).toBe(0);
  base.commit("pages served from the loopback server");
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const p of [base, ...made]) p.remove();
});

/** Serves every page as it was imported, then applies `overrides` (path → route). */
function serve(overrides: Record<string, Route> = {}) {
  routes.clear();
  for (const [api, files] of Object.entries(upstream)) {
    for (const [file, yaml] of Object.entries(files)) routes.set(`/${api}/${file.replace(/\.yaml$/, "")}`, { body: page(blocks[`${api}/${file}`]!, yaml) });
  }
  for (const [path, route] of Object.entries(overrides)) routes.set(path, route);
}

function copy() {
  const project = base.clone();
  made.push(project);
  return project;
}

/** Every file under specs/ and generated/, to prove a failed run wrote nothing. */
function tree(project: GitProject) {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(join(project.dir, dir), { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else out[path] = readFileSync(join(project.dir, path), "utf8");
    }
  };
  walk("specs");
  walk("generated");
  return out;
}

const LIST = "specs/sequence/upstream/list-users.yaml";
const HOW_TO_FIND =
  "To find each URL: open the docs index named (llms.txt lists every docs page by title with its URL), find the page by its title, and set the entry's \"url\" to that URL;" +
  " its page holds a ```yaml block named as the entry's \"block\". Then run `npm run specs:update` again.";
const withEmail = () => upstream.sequence!["list-users.yaml"]!.replace("        - name: limit\n", "        - name: email\n          in: query\n          required: false\n          schema:\n            type: string\n        - name: limit\n");

describe("specs:update", () => {
  it("specs:update: pages that did not change say so and write nothing", async () => {
    serve();
    const project = copy();
    const before = tree(project);
    const run = await project.script("specs-update.mjs");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sequence   list-users.yaml  unchanged (${origin}/sequence/list-users)`);
    expect(run.stdout).toContain("specs:update: every page is unchanged since the last import (seam, sequence); nothing written");
    expect(tree(project)).toEqual(before);
  });

  it("specs:update: a changed page is written byte for byte with its hashes, then generate runs and the report is printed", async () => {
    const yaml = withEmail();
    const body = page(blocks["sequence/list-users.yaml"]!, yaml);
    serve({ "/sequence/list-users": { body } });
    const project = copy();
    const run = await project.script("specs-update.mjs", ["sequence"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(project.read(LIST)).toBe(yaml);
    const sources = JSON.parse(project.read("specs/sequence/upstream/SOURCES.json")) as Record<string, Source>;
    expect(sources["list-users.yaml"]).toMatchObject({ sha256: sha256(yaml), pageSha256: sha256(body), url: `${origin}/sequence/list-users` });
    expect(run.stdout).toContain("specs:update: wrote specs/sequence/upstream/ (list-users.yaml)");
    expect(run.stdout).toContain("sequence   changes  0 breaking, 0 risky, 1 non-breaking (npm run changes)");
    expect(run.stdout).toContain("## sequence: 0 breaking, 0 risky, 1 non-breaking\n\n### `GET /users`\n\n- **non-breaking** Optional query parameter `email` was added to GET /users.");
    expect(readdirSync(join(project.dir, "specs/sequence")).filter((n) => n.startsWith("."))).toEqual([]);
    expect(project.git("status", "--porcelain")).toContain("generated/sequence/openapi.yaml");
  }, 90_000);

  it("specs:update: a network failure names the URL and writes nothing, even for pages that did change", async () => {
    serve({ "/sequence/list-users": { body: page(blocks["sequence/list-users.yaml"]!, withEmail()) } });
    const project = copy();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const dead = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    project.edit("specs/sequence/upstream/SOURCES.json", (t) => t.replace(`${origin}/sequence/list-users`, dead));
    const before = tree(project);
    const run = await project.script("specs-update.mjs");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`specs:update: cannot fetch ${dead}: ECONNREFUSED\nNothing was written.\n`);
    expect(tree(project)).toEqual(before);
  });

  it("specs:update: an HTTP error status is a clear message and writes nothing", async () => {
    serve({ "/seam/acs-users-delete": { status: 503, body: "down" }, "/sequence/list-users": { body: page(blocks["sequence/list-users.yaml"]!, withEmail()) } });
    const project = copy();
    const before = tree(project);
    const run = await project.script("specs-update.mjs");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`specs:update: cannot fetch ${origin}/seam/acs-users-delete: HTTP 503 Service Unavailable\nNothing was written.\n`);
    expect(tree(project)).toEqual(before);
  });

  it("specs:update: a page without the named block says which blocks it has and writes nothing", async () => {
    serve({ "/sequence/delete-user": { body: page("account.latest.product.live DELETE /accounts/{id}", "openapi: 3.0.0\n") } });
    const project = copy();
    const before = tree(project);
    const run = await project.script("specs-update.mjs", ["sequence"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `specs:update: ${origin}/sequence/delete-user (for specs/sequence/upstream/delete-user.yaml): no \`\`\`yaml block named "${blocks["sequence/delete-user.yaml"]}" in this page (it has: "account.latest.product.live DELETE /accounts/{id}")\nNothing was written.\n`,
    );
    expect(tree(project)).toEqual(before);
  });

  it("specs:update: a server that never answers or sends too much is cut off", async () => {
    serve({ "/seam/acs-users-delete": { hang: true } });
    const project = copy();
    const slow = await project.script("specs-update.mjs", ["seam"], { SPECS_UPDATE_TIMEOUT_MS: "300" });
    expect(slow.code).toBe(1);
    expect(slow.stderr).toBe(`specs:update: cannot fetch ${origin}/seam/acs-users-delete: no answer within 300 ms\nNothing was written.\n`);
    serve({ "/seam/acs-users-delete": { body: "x".repeat((8 << 20) + 1) } });
    const big = await project.script("specs-update.mjs", ["seam"]);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/the page is (8388609 bytes, )?over the 8388608-byte limit for a docs page\nNothing was written.\n$/);
  });

  it("specs:update: an entry without a url, or an unknown API, is refused with the fix", async () => {
    serve();
    const project = copy();
    project.edit("specs/seam/upstream/SOURCES.json", (t) => t.replace(/"url": "[^"]*"/, '"url": null'));
    const run = await project.script("specs-update.mjs", ["seam"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'specs:update: 1 upstream file has no `url` to fetch its page from:\n  specs/seam/upstream/SOURCES.json "acs-users-delete.yaml": the page titled "Delete an ACS User" in https://docs.seam.co/llms.txt\n' +
        `${HOW_TO_FIND}\nNothing was written.\n`,
    );
    const unknown = await project.script("specs-update.mjs", ["stripe"]);
    expect(unknown.stderr).toBe("specs:update: unknown API stripe (redocly.yaml lists: seam, sequence)\nNothing was written.\n");
  });

  it("specs:update: as shipped (every url null) it names every entry of every API at once, and fetches nothing", async () => {
    const shipped = GitProject.copyOfRepo();
    made.push(shipped);
    const before = tree(shipped);
    const run = await shipped.script("specs-update.mjs");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "specs:update: 3 upstream files have no `url` to fetch their pages from:",
        '  specs/seam/upstream/SOURCES.json "acs-users-delete.yaml": the page titled "Delete an ACS User" in https://docs.seam.co/llms.txt',
        '  specs/sequence/upstream/SOURCES.json "delete-user.yaml": the page titled "Delete User" in https://docs.sequencehq.com/llms.txt',
        '  specs/sequence/upstream/SOURCES.json "list-users.yaml": the page titled "List all Users" in https://docs.sequencehq.com/llms.txt',
        HOW_TO_FIND,
        "Nothing was written.",
        "",
      ].join("\n"),
    );
    expect(tree(shipped)).toEqual(before);
  });

  it("specs:update: a stale overlay action stops the run the way generate does, generated/ untouched", async () => {
    // The vendor drops the `before` parameter, which an overlay action in specs/sequence/overlay.yaml targets.
    const yaml = upstream.sequence!["list-users.yaml"]!.replace(/        - name: before\n(?:          .*\n)+?(?=        - name: )/, "");
    expect(yaml).not.toBe(upstream.sequence!["list-users.yaml"]);
    serve({ "/sequence/list-users": { body: page(blocks["sequence/list-users.yaml"]!, yaml) } });
    const project = copy();
    const generated = Object.entries(tree(project)).filter(([p]) => p.startsWith("generated/"));
    const run = await project.script("specs-update.mjs", ["sequence"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("generate: failed, generated/ left unchanged");
    expect(run.stderr).toContain("overlay-stale-target");
    expect(run.stderr).toContain("specs:update: generate stopped (see above), generated/ is unchanged. specs/sequence/upstream/ hold the new vendor files");
    expect(Object.entries(tree(project)).filter(([p]) => p.startsWith("generated/"))).toEqual(generated);
    expect(project.read(LIST)).toBe(yaml);
  }, 90_000);
});
