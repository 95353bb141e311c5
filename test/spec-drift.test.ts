// A vendor changes a spec; the facade follows or fails loudly, never drifts in silence. Each test
// works on a copy of the repository (specs, generated/, src/), regenerates it with the real
// scripts/generate.mjs, and then type-checks the copy or calls its client against a loopback server.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type * as SequenceEntry from "../src/sequence.js";
import { isMap, isScalar, parseDocument, stringify, visit, type YAMLMap } from "yaml";
import { roles as upstreamRoles } from "../generated/sequence/roles.js";
import { copyRepo, editYaml, importFrom, typecheck } from "./helpers/repo-copy.js";
import { repoRoot, type Project } from "./helpers/project.js";
import { json, startServer } from "./helpers/server.js";

const UPSTREAM = ["specs/sequence/upstream/delete-user.yaml", "specs/sequence/upstream/list-users.yaml"];
const projects: Project[] = [];
const copy = () => {
  const project = copyRepo();
  projects.push(project);
  return project;
};
afterAll(() => {
  for (const p of projects) p.remove();
});

type Doc = ReturnType<typeof parseDocument>;

/**
 * Whether a YAML map is one of the document's example users: a string `id` and nothing but
 * SequenceUserResponse's properties. Found by id and the schema, never by `email` or another field a
 * vendor may rename, so a real vendor change cannot break these tests themselves.
 */
function isExampleUser(doc: Doc, map: unknown): map is YAMLMap {
  const properties = doc.getIn(["components", "schemas", "SequenceUserResponse", "properties"]);
  if (!isMap(map) || !isMap(properties) || typeof map.get("id") !== "string") return false;
  return map.items.every((pair) => isScalar(pair.key) && properties.has(pair.key.value));
}

/** The first example user of a spec file, as JSON: what the vendor's docs say a user looks like. */
function exampleUser(text: string): Record<string, unknown> {
  const doc = parseDocument(text);
  let found: Record<string, unknown> | undefined;
  visit(doc, { Map: (_, map) => (isExampleUser(doc, map) ? ((found = map.toJSON()), visit.BREAK) : undefined) });
  if (!found) throw new Error("no example user (a map with a string id and only SequenceUserResponse properties) in this spec");
  return found;
}

/** Runs generate in the copy and fails the test with its output when it does not succeed. */
async function regenerate(project: Project) {
  const result = await project.generate();
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe.concurrent("spec drift", { timeout: 120_000 }, () => {
  it("spec drift: these tests find example users by id and schema, so a vendor renaming `email` leaves them working", () => {
    const countUsers = (text: string) => {
      const doc = parseDocument(text);
      let n = 0;
      visit(doc, { Map: (_, map) => void (isExampleUser(doc, map) && n++) });
      return n;
    };
    for (const file of UPSTREAM) {
      const text = readFileSync(join(repoRoot, file), "utf8");
      const renamed = text.replace(/^(\s*)email:/gm, "$1emailAddress:").replace(/^(\s*)- email$/gm, "$1- emailAddress");
      expect(renamed).not.toMatch(/^\s*email:/m);
      expect(countUsers(text)).toBeGreaterThan(0);
      expect(countUsers(renamed)).toBe(countUsers(text));
      expect(exampleUser(renamed)).toHaveProperty("emailAddress");
    }
  });

  it("spec drift: a response field the vendor drops is no longer required, and calls against the new spec succeed", async () => {
    const project = copy();
    // as a vendor would: from the schema, its required list and every example
    for (const file of UPSTREAM) {
      editYaml(project, file, (doc) => {
        const required = doc.getIn(["components", "schemas", "SequenceUserResponse", "required"]) as { items: { value: string }[] };
        required.items = required.items.filter((item) => item.value !== "sequenceAccountIds");
        visit(doc, { Pair: (_, pair) => (isScalar(pair.key) && pair.key.value === "sequenceAccountIds" ? visit.REMOVE : undefined) });
      });
    }
    await regenerate(project);
    expect(project.read("generated/sequence/response-checks.js")).not.toContain("sequenceAccountIds");

    const { createSequenceClient } = await importFrom<typeof SequenceEntry>(project, "src/sequence.ts");
    const withoutField = exampleUser(project.read(UPSTREAM[1]!));
    expect(withoutField).not.toHaveProperty("sequenceAccountIds");
    const server = await startServer((_req, res) => json(res, 200, withoutField));
    try {
      const sequence = createSequenceClient({ clientId: "id", clientSecret: "secret", baseUrl: server.url });
      await expect(sequence.users.get(withoutField.id as string)).resolves.toEqual(withoutField);
      await expect(sequence.users.delete(withoutField.id as string)).resolves.toEqual(withoutField);
    } finally {
      await server.close();
    }
  });

  it("spec drift: a response field the vendor newly requires is checked", async () => {
    const project = copy();
    for (const file of UPSTREAM) {
      editYaml(project, file, (doc) => {
        doc.addIn(["components", "schemas", "SequenceUserResponse", "required"], "name");
        doc.setIn(["components", "schemas", "SequenceUserResponse", "properties", "name"], doc.createNode({ type: "string" }));
        // every example user gets the new field, as the vendor's docs would
        visit(doc, { Map: (_, map) => void (isExampleUser(doc, map) && map.set("name", "Jo")) });
      });
    }
    await regenerate(project);
    expect(exampleUser(project.read(UPSTREAM[1]!))).toHaveProperty("name", "Jo");
    const { createSequenceClient, MalformedResponseError } = await importFrom<typeof SequenceEntry>(project, "src/sequence.ts");
    // a user as the spec showed one before the change: without the new field
    const before = exampleUser(readFileSync(join(repoRoot, UPSTREAM[1]!), "utf8"));
    const server = await startServer((_req, res) => json(res, 200, before));
    try {
      const sequence = createSequenceClient({ clientId: "id", clientSecret: "secret", baseUrl: server.url, maxRetries: 0 });
      const error = await sequence.users.get(before.id as string).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect((error as Error).message).toContain("a SequenceUserResponse that has a missing or invalid `name`");
    } finally {
      await server.close();
    }
  });

  it("spec drift: a query parameter the vendor adds to GET /users is accepted by users.list() and sent, with no facade change", async () => {
    const project = copy();
    // a name no vendor uses, so the vendor adding a real parameter (say `email`) cannot collide with it
    const param = "addedByVendorInTest";
    editYaml(project, "specs/sequence/upstream/list-users.yaml", (doc) => {
      doc.addIn(["paths", "/users", "get", "parameters"], doc.createNode({ name: param, in: "query", required: false, schema: { type: "string" } }));
    });
    await regenerate(project);
    project.write("src/uses-new-param.ts", `import { createSequenceClient } from "./sequence.js";\ncreateSequenceClient().users.list({ ${param}: "a@example.test", limit: 5 });\n`);
    const tsc = await typecheck(project);
    expect(tsc.stdout).toBe("");
    expect(tsc.code).toBe(0);

    const { createSequenceClient } = await importFrom<typeof SequenceEntry>(project, "src/sequence.ts");
    const items = [exampleUser(project.read("specs/sequence/upstream/list-users.yaml"))];
    const server = await startServer((_req, res) => json(res, 200, { items, pagination: { after: null } }));
    try {
      const sequence = createSequenceClient({ clientId: "id", clientSecret: "secret", baseUrl: server.url });
      await expect(sequence.users.list({ [param]: "a@example.test" } as never).toArray()).resolves.toEqual(items);
      expect(server.requests[0]?.url).toBe(`/users?${param}=a%40example.test`);
    } finally {
      await server.close();
    }
  });

  it("spec drift: renaming a query parameter the facade uses fails generate on the pagination declaration, then is a compile error in src/", async () => {
    const project = copy();
    editYaml(project, "specs/sequence/upstream/list-users.yaml", (doc) => {
      const params = doc.getIn(["paths", "/users", "get", "parameters"]) as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] };
      params.items.find((p) => p.get("name") === "after")!.set("name", "cursor");
    });
    // first loud: the overlay declares pagination by `after`, which the operation no longer has
    const failed = await project.generate();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/specs\/sequence\/overlay\.yaml: \[pagination\] GET \/users \(getUsers\): .*"after"/);
    // the maintainer follows the rename in the declaration; the facade's use of `after` must not compile
    project.edit("specs/sequence/overlay.yaml", (text) => text.replace(/^(\s+param:) after$/m, "$1 cursor"));
    await regenerate(project);
    const tsc = await typecheck(project);
    expect(tsc.code).toBe(1);
    expect(tsc.stdout).toMatch(/src\/sequence\/client\.ts\(\d+,\d+\): error TS/);
  });

  it("spec drift: a role the vendor adds upstream reaches roles.ts, RoleName and can() with no overlay edit", async () => {
    const project = copy();
    const support = JSON.stringify({ roleName: "supportUser", permissions: [{ resource: "org.customer", actions: ["read"] }, { resource: "org.helpdesk", actions: ["read", "escalate"] }] });
    for (const file of UPSTREAM) editYaml(project, file, (doc) => doc.addIn(["components", "schemas", "Role", "enum"], support));
    const result = await regenerate(project);
    expect(result.stdout).toMatch(/wrote sequence/);
    expect(project.read("generated/sequence/types.ts")).toContain('RoleName: "admin" | "financeUser" | "salesUser" | "readOnlyUser" | "supportUser";');
    expect(project.read("generated/sequence/types.ts")).toMatch(/Resource: "org\.customer" \|[^;]*"org\.helpdesk";/);
    project.write("src/uses-new-role.ts", `import { can } from "./sequence/roles.js";\nexport const ok: boolean = can("supportUser", "org.helpdesk", "escalate");\n`);
    const tsc = await typecheck(project);
    expect(tsc.stdout).toBe("");
    const { can, rolesAllowing } = await importFrom<typeof SequenceEntry>(project, "src/sequence.ts");
    expect(can("supportUser" as never, "org.helpdesk" as never, "escalate" as never)).toBe(true);
    expect(rolesAllowing("org.helpdesk" as never, "read" as never)).toEqual(["supportUser"]);
  });

  it("spec drift: when the vendor fixes Role into a real schema, generate fails loudly instead of dropping roles.ts, and an authored table takes over", async () => {
    const project = copy();
    for (const file of UPSTREAM) editYaml(project, file, (doc) => doc.deleteIn(["components", "schemas", "Role", "enum"]));
    const before = project.snapshot();

    // 1. no role table upstream any more: a loud failure that names the file and the way out, not a lost file
    let result = await project.generate();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[role-table]");
    expect(result.stderr).toContain("generated/sequence/roles.ts would be dropped");
    expect(result.stderr).toContain("specs/sequence/authored/role-table.yaml");
    expect(project.snapshot()).toEqual(before);

    // 2. with the authored table, marked as such, the overlay action that removed the defect is stale
    const table = { roles: { ...upstreamRoles, auditor: { "org.invoice": ["read"] } } };
    project.write("specs/sequence/authored/role-table.yaml", `# AUTHORED: upstream stopped publishing the role table; copied from the vendor's role docs.\n${stringify(table)}`);
    result = await project.generate();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/specs\/sequence\/overlay\.yaml:\d+: \[overlay-stale-target\]/);
    expect(project.snapshot()).toEqual(before);

    // 3. deleting that action, as the message says, regenerates from the authored table
    project.edit("specs/sequence/overlay.yaml", (text) =>
      text.replace("  - target: $.components.schemas.Role.enum\n    description: Drop the JSON-string enum that makes Role unusable as a schema.\n    remove: true\n", ""),
    );
    result = await regenerate(project);
    const roles = project.read("generated/sequence/roles.ts");
    expect(roles).toContain("from specs/sequence/authored/role-table.yaml (authored)");
    expect(roles).toContain("auditor");
    expect(project.read("generated/sequence/types.ts")).toContain('RoleName: "admin" | "financeUser" | "salesUser" | "readOnlyUser" | "auditor";');
  });
});
