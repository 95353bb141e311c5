// What `npm run changes -- --json` says after a vendor edits its spec: each scenario edits
// specs/<api>/upstream/ only, on a git copy of this project, runs `npm run generate`, and compares the
// report with the one expected.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitProject } from "./helpers/git-project.js";

let base: GitProject;
const made: GitProject[] = [];

beforeAll(() => {
  base = GitProject.copyOfRepo();
});
afterAll(() => {
  for (const p of [base, ...made]) p.remove();
});

/** A fresh copy with `edit` applied to its upstream files, regenerated. */
async function vendorChange(edit: (project: GitProject) => void) {
  const project = base.clone();
  made.push(project);
  edit(project);
  const generate = await project.generate();
  expect(generate.stderr).toBe("");
  expect(generate.code).toBe(0);
  const changes = await project.script("changes.mjs", ["--json"]);
  expect(changes.stderr).toBe("");
  expect(changes.code).toBe(0);
  return { generate: generate.stdout, report: JSON.parse(changes.stdout) as unknown };
}

const LIST = "specs/sequence/upstream/list-users.yaml";
const DELETE = "specs/sequence/upstream/delete-user.yaml";
const EMAIL_PARAM = "        - name: email\n          in: query\n          description: Only the user with this email.\n          required: false\n          schema:\n            type: string\n";

describe("changes scenarios", () => {
  it("changes: the vendor removes a response field", async () => {
    const { generate, report } = await vendorChange((p) =>
      // The field goes from the schema and from the examples that show it, as on the vendor's page.
      p.edit(LIST, (t) => t.replace("        totalResultSize:\n          type: integer\n          description: Total number of entries across all pages\n          format: int64\n          example: 100\n", "").replace(/^ +totalResultSize: 100\n/gm, "")),
    );
    expect(report).toEqual({
      semver: "major",
      apis: {
        seam: [],
        sequence: [
          {
            severity: "breaking",
            kind: "response-property-removed",
            operation: "GET /users",
            location: "#/components/schemas/PaginationResponse/properties/totalResultSize",
            message: "Response field `PaginationResponse.totalResultSize` was removed.",
          },
          {
            severity: "non-breaking",
            kind: "example-changed",
            operation: "GET /users",
            location: "#/components/schemas/ListSequenceUsersResponse/example",
            message: "An example of schema `ListSequenceUsersResponse` changed.",
          },
          {
            severity: "non-breaking",
            kind: "example-changed",
            operation: "GET /users",
            location: "#/components/schemas/PaginationResponse/example",
            message: "An example of schema `PaginationResponse` changed.",
          },
          {
            severity: "non-breaking",
            kind: "example-changed",
            operation: "GET /users",
            location: "#/paths/~1users/get/responses/200/content/application~1json/examples",
            message: "An example of the 200 response changed.",
          },
        ],
      },
    });
    expect(generate).toContain("sequence   changes  1 breaking, 0 risky, 0 non-breaking; 3 doc or example changes (npm run changes)");
  }, 90_000);

  it("changes: the markdown report lists what code sees and sums up doc and example changes in one line; --json keeps them all", async () => {
    const project = base.clone();
    made.push(project);
    // A removed field and a new parameter, with the example edits that come with them on the vendor's page.
    project.edit(LIST, (t) =>
      t
        .replace("        totalResultSize:\n          type: integer\n          description: Total number of entries across all pages\n          format: int64\n          example: 100\n", "")
        .replace(/^ +totalResultSize: 100\n/gm, "")
        .replace("        - name: limit\n", `${EMAIL_PARAM}        - name: limit\n`),
    );
    expect((await project.generate()).code).toBe(0);
    const json = JSON.parse((await project.script("changes.mjs", ["--json"])).stdout) as { apis: { sequence: { kind: string }[] } };
    const examples = json.apis.sequence.filter((c) => c.kind === "example-changed");
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const markdown = (await project.script("changes.mjs")).stdout;
    expect(markdown).toBe(
      [
        "# API changes since HEAD",
        "",
        "Suggested release: **major**.",
        "",
        "## seam: no changes",
        "",
        `## sequence: 1 breaking, 0 risky, 1 non-breaking; ${examples.length} doc or example changes`,
        "",
        "### `GET /users`",
        "",
        "- **breaking** Response field `PaginationResponse.totalResultSize` was removed. _(response-property-removed, `#/components/schemas/PaginationResponse/properties/totalResultSize`)_",
        "- **non-breaking** Optional query parameter `email` was added to GET /users. _(parameter-added, `#/paths/~1users/get/parameters/0`)_",
        "",
        `_${examples.length} documentation or example changes, which code does not see: \`GET /users\` (${examples.length}). \`npm run changes -- --json\` lists them._`,
        "",
      ].join("\n"),
    );
  }, 90_000);

  it("changes: the vendor adds an optional query parameter", async () => {
    const { report } = await vendorChange((p) => p.edit(LIST, (t) => t.replace("        - name: limit\n", `${EMAIL_PARAM}        - name: limit\n`)));
    expect(report).toEqual({
      semver: "minor",
      apis: {
        seam: [],
        sequence: [
          {
            severity: "non-breaking",
            kind: "parameter-added",
            operation: "GET /users",
            location: "#/paths/~1users/get/parameters/0",
            message: "Optional query parameter `email` was added to GET /users.",
          },
        ],
      },
    });
  }, 90_000);

  // No overlay edit: the RoleName, Resource and Action enums are filled from the upstream table.
  it("changes: the vendor adds a role", async () => {
    const auditor = JSON.stringify({ roleName: "auditor", permissions: [{ resource: "org.invoice", actions: ["read"] }, { resource: "org.usage", actions: ["read"] }] });
    const addRole = (t: string) => t.replace(/^( *)- >-\n( *)(\{"roleName":"readOnlyUser".*)$/m, (line, dash: string, indent: string) => `${line}\n${dash}- >-\n${indent}${auditor}`);
    const { report } = await vendorChange((p) => {
      p.edit(LIST, addRole);
      p.edit(DELETE, addRole);
    });
    expect(report).toEqual({
      semver: "minor",
      apis: {
        seam: [],
        sequence: [
          {
            severity: "risky",
            kind: "response-enum-value-added",
            operation: null,
            location: "#/components/schemas/RoleName/enum",
            message: "Schema `RoleName` may now be `auditor`; exhaustive switches need a new case (used by 3 operations).",
          },
          {
            severity: "risky",
            kind: "role-added",
            operation: null,
            location: "generated/sequence/roles.ts#roles.auditor",
            message: "Role auditor was added: it can read on org.invoice; read on org.usage.",
          },
        ],
      },
    });
  }, 90_000);

  it("changes: the vendor removes an operation", async () => {
    const { report } = await vendorChange((p) =>
      p.edit(DELETE, (t) => {
        const lines = t.split("\n");
        const start = lines.indexOf("    delete:");
        let end = start + 1;
        while (end < lines.length && (lines[end]!.startsWith("      ") || lines[end] === "")) end++;
        lines.splice(start, end - start);
        return lines.join("\n");
      }),
    );
    expect(report).toEqual({
      semver: "major",
      apis: {
        seam: [],
        sequence: [
          {
            severity: "breaking",
            kind: "operation-removed",
            operation: "DELETE /users/{id}",
            location: "#/paths/~1users~1{id}/delete",
            message: "Operation DELETE /users/{id} was removed.",
          },
        ],
      },
    });
  }, 90_000);

  it("changes: nothing changed gives semver none and an empty list per API", async () => {
    const run = await base.script("changes.mjs", ["--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ semver: "none", apis: { seam: [], sequence: [] } });
    const markdown = await base.script("changes.mjs");
    expect(markdown.stdout).toBe("# API changes since HEAD\n\nSuggested release: **none**.\n\n## seam: no changes\n\n## sequence: no changes\n");
  });
});

describe("changes cli", () => {
  it("changes: a ref that does not exist is a clear error and exit 2", async () => {
    const run = await base.script("changes.mjs", ["--base", "v9.9.9"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("changes: --base v9.9.9: no such commit in this repository (try a branch, a tag or a sha; default HEAD)\n");
  });

  it("changes: a bundle that cannot be parsed is a clear error and exit 2", async () => {
    const project = base.clone();
    made.push(project);
    project.write("generated/seam/openapi.yaml", "openapi: 3.0.0\npaths: [\n");
    const run = await project.script("changes.mjs", ["--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^changes: cannot parse generated\/seam\/openapi.yaml: /);
  });

  it("changes: an API added on one side is reported as added, and --base compares with an older commit", async () => {
    const project = base.clone();
    made.push(project);
    project.edit("redocly.yaml", (t) => t.replace(/\n  seam:\n    root: generated\/seam\/openapi.yaml\n/, "\n"));
    project.commit("drop seam");
    const removed = JSON.parse((await project.script("changes.mjs", ["--json", "--base", "HEAD~1"])).stdout);
    expect(removed.apis.seam).toEqual([{ severity: "breaking", kind: "api-removed", operation: null, location: "redocly.yaml#apis.seam", message: "API seam was removed (it was in HEAD~1)." }]);
    expect(removed.semver).toBe("major");
    project.git("checkout", "-q", "HEAD~1", "--", "redocly.yaml");
    const added = JSON.parse((await project.script("changes.mjs", ["--json"])).stdout);
    expect(added.apis.seam).toEqual([{ severity: "non-breaking", kind: "api-added", operation: null, location: "redocly.yaml#apis.seam", message: "API seam was added (not in HEAD)." }]);
  });

  it("changes: unknown options are refused with the usage", async () => {
    const run = await base.script("changes.mjs", ["--jsn"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option --jsn\nusage: npm run changes [-- --base REF] [--json]");
  });
});

describe("changes at scale", () => {
  it("changes: the full GitHub spec minus one operation reports its one breaking change exactly once", async () => {
    const project = new GitProject();
    made.push(project);
    const spec = readFileSync(createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json"), "utf8");
    mkdirSync(join(project.dir, "generated/github"), { recursive: true });
    project.write("redocly.yaml", "apis:\n  github:\n    root: generated/github/openapi.yaml\n");
    project.write("generated/github/openapi.yaml", spec);
    project.git("init", "-q");
    project.commit("full spec");
    const doc = JSON.parse(spec) as { paths: Record<string, Record<string, unknown>> };
    delete doc.paths["/meta"]!.get;
    project.write("generated/github/openapi.yaml", JSON.stringify(doc, null, 2));
    const json = await project.script("changes.mjs", ["--json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      semver: "major",
      apis: { github: [{ severity: "breaking", kind: "operation-removed", operation: "GET /meta", location: "#/paths/~1meta/get", message: "Operation GET /meta was removed." }] },
    });
    const markdown = await project.script("changes.mjs");
    expect(markdown.stdout.split("GET /meta was removed").length - 1).toBe(1);
  }, 60_000);
});
