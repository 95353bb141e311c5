import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { roles } from "../generated/sequence/roles.js";
import { readApiList } from "../scripts/lib/inputs.mjs";
import { Project, repoRoot, specs } from "./helpers/project.js";
import { copyRepo } from "./helpers/repo-copy.js";

const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");
const seeds = join(repoRoot, "..", "shared", "seeds");
// Every API listed in redocly.yaml, so a new API is covered without editing this file.
const apis: string[] = readApiList(repoRoot);
const projects: Project[] = [];
afterAll(() => {
  for (const p of projects) p.remove();
});

/**
 * Each upstream file of `api` under `root` whose bytes are not the sha256 that SOURCES.json records,
 * with the way back: upstream files are the vendor's bytes, so they are re-imported, never edited.
 */
function hashMismatches(root: string, api: string): string[] {
  const dir = `specs/${api}/upstream`;
  const sources = JSON.parse(readFileSync(join(root, dir, "SOURCES.json"), "utf8")) as Record<string, { sha256: string; page: string }>;
  return Object.entries(sources).flatMap(([file, { sha256, page }]) => {
    const actual = createHash("sha256").update(readFileSync(join(root, dir, file), "utf8")).digest("hex");
    if (actual === sha256) return [];
    return [
      `${dir}/${file}: sha256 ${actual} is not the ${sha256} recorded in ${dir}/SOURCES.json. ` +
        `Re-import it from the vendor page (node scripts/import-upstream.mjs ../shared/seeds/${page} ${api} ${file.replace(/\.yaml$/, "")}), ` +
        `or fetch every page again with npm run specs:update -- ${api}; put local fixes in specs/${api}/overlay.yaml, not in upstream/.`,
    ];
  });
}

describe("upstream", () => {

  it.each(apis)("upstream: %s files match the sha256 recorded in SOURCES.json", (api) => {
    const sources = JSON.parse(read(`specs/${api}/upstream/SOURCES.json`)) as Record<string, { sha256: string }>;
    const files = readdirSync(join(repoRoot, "specs", api, "upstream")).filter((f) => f.endsWith(".yaml"));
    expect(Object.keys(sources).sort()).toEqual(files.sort());
    expect(hashMismatches(repoRoot, api)).toEqual([]);
  });

  it("upstream: a file whose bytes no longer match SOURCES.json is named, with how to re-import it", () => {
    const project = copyRepo();
    projects.push(project);
    project.edit("specs/sequence/upstream/list-users.yaml", (text) => `${text}# edited by hand\n`);
    const [message, ...rest] = hashMismatches(project.dir, "sequence");
    expect(rest).toEqual([]);
    expect(message).toMatch(/^specs\/sequence\/upstream\/list-users\.yaml: sha256 [0-9a-f]{64} is not the 4f15464f2c4f[0-9a-f]+ recorded in specs\/sequence\/upstream\/SOURCES\.json/);
    expect(message).toContain("node scripts/import-upstream.mjs ../shared/seeds/003_2efb675daad81240.txt sequence list-users");
    expect(message).toContain("npm run specs:update -- sequence");
  });

  // ../shared/seeds holds the vendors' pages; CI clones the repo with it beside.
  it.runIf(existsSync(seeds)).each(apis)("upstream: %s files are byte for byte the YAML blocks of the vendor pages", async (api) => {
    const { extractYamlBlock } = await import("../scripts/import-upstream.mjs");
    const sources = JSON.parse(read(`specs/${api}/upstream/SOURCES.json`)) as Record<string, { page: string; title: string; block: string }>;
    for (const [file, source] of Object.entries(sources)) {
      const page = readFileSync(join(seeds, source.page), "utf8");
      const { info, yaml } = extractYamlBlock(page);
      expect(info).toBe(source.block);
      // specs:update names the page by this title when its url is unknown.
      expect(`# ${source.title}`).toBe(/^# .+$/m.exec(page)?.[0]);
      expect(read(`specs/${api}/upstream/${file}`)).toBe(yaml);
    }
  });
});

describe("roles", () => {
  const upstreamRoles = () => {
    const doc = parse(read("specs/sequence/upstream/delete-user.yaml"));
    return (doc.components.schemas.Role.enum as string[]).map((s) => JSON.parse(s) as { roleName: string; permissions: { resource: string; actions: string[] }[] });
  };

  it("roles: the generated table is the upstream Role enum's JSON, role by role and resource by resource", () => {
    const expected = Object.fromEntries(
      upstreamRoles().map((r) => [r.roleName, Object.fromEntries(r.permissions.map((p) => [p.resource, p.actions]))]),
    );
    expect(roles).toEqual(expected);
  });

  it("roles: the bundle's RoleName, Resource and Action enums cover exactly the upstream table", () => {
    const bundle = parse(read("generated/sequence/openapi.yaml"));
    const schemas = bundle.components.schemas;
    const table = upstreamRoles();
    expect(new Set(schemas.RoleName.enum)).toEqual(new Set(table.map((r) => r.roleName)));
    expect(new Set(schemas.Resource.enum)).toEqual(new Set(table.flatMap((r) => r.permissions.map((p) => p.resource))));
    expect(new Set(schemas.Action.enum)).toEqual(new Set(table.flatMap((r) => r.permissions.flatMap((p) => p.actions))));
    expect(schemas.Role.enum).toBeUndefined();
  });

  it("roles: an overlay that hand-copies an enum onto a schema the role table fills fails the run", { timeout: 60_000 }, async () => {
    const project = Project.create({ sequence: specs("sequence") });
    projects.push(project);
    project.edit("specs/sequence/overlay.yaml", (t) => t.replace("        x-role-table: resource\n", "        x-role-table: resource\n        enum: [org.savedView]\n"));
    const result = await project.generate();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("specs/sequence/overlay.yaml: [role-table] Resource: has a hand-written enum and an x-role-table marker");
    expect(result.stderr).toContain("delete the enum from the overlay");
  });

  it("roles: a marker naming an unknown vocabulary fails the run and lists the valid ones", { timeout: 60_000 }, async () => {
    const project = Project.create({ sequence: specs("sequence") });
    projects.push(project);
    project.edit("specs/sequence/overlay.yaml", (t) => t.replace("x-role-table: action", "x-role-table: verb"));
    const result = await project.generate();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Action: x-role-table is "verb", but must be one of roleName, resource, action');
  });
});

describe("generated", () => {
  const files = apis.flatMap((api) =>
    readdirSync(join(repoRoot, "generated", api)).map((f) => `generated/${api}/${f}`),
  );

  it.each(files)("generated: %s starts with the DO-NOT-EDIT header and its source hash", (file) => {
    expect(read(file)).toMatch(/^(\/\/|#) DO NOT EDIT\. Generated by `npm run generate` from specs\/\w+\/ .*\n(\/\/|#) source sha256:[0-9a-f]{16} generator sha256:[0-9a-f]{16}\n/);
  });

  it.each(files.filter((f) => /\.(ts|js)$/.test(f)))("generated: %s imports nothing from src/ but the shared runtime (src/runtime/)", (file) => {
    expect(read(file)).not.toMatch(/from ["'][^"']*\bsrc\/(?!runtime\/)/);
  });

  it("generated: two forced runs on the real specs give byte-identical output, equal to the committed files", { timeout: 90_000 }, async () => {
    const project = Project.create(Object.fromEntries(apis.map((api) => [api, specs(api)])));
    projects.push(project);
    project.write("redocly.yaml", read("redocly.yaml"));
    expect((await project.generate("--quiet")).code).toBe(0);
    const first = project.snapshot();
    expect((await project.generate("--force", "--quiet")).code).toBe(0);
    expect(project.snapshot()).toEqual(first);
    for (const [path, text] of first) expect(text, path).toBe(read(path));
  });
});
