// Adding an API for real: the "pets" fixture gets a bundle, types, client, operation table, response
// checks and a reference page from the pipeline alone, and a wrapper written like our facade follows
// its spec: a renamed query parameter stops it compiling, a field no longer required stops being checked.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, Project, repoRoot } from "./helpers/project.js";
import { addSources, editYaml, importFrom, typecheck } from "./helpers/repo-copy.js";
import { json, startServer } from "./helpers/server.js";

const PARTS = ["specs/pets/upstream/pets.yaml", "specs/pets/upstream/owners.yaml"];
const projects: Project[] = [];
/** A generated pets project with the facade sources and the wrapper in src/. */
async function petsProject() {
  const project = Project.create({ pets: fixture("pets") });
  projects.push(project);
  addSources(project, true, ["src/pets-client.ts"]);
  project.write("src/pets-client.ts", readFileSync(join(repoRoot, "test/fixtures/pets-wrapper/pets-client.ts.txt"), "utf8"));
  const result = await project.generate();
  expect(result.code, result.stderr).toBe(0);
  return project;
}
afterAll(() => {
  for (const p of projects) p.remove();
});
// The wrapper (test/fixtures/pets-wrapper/pets-client.ts.txt) compiles only inside a pets project.
type Pet = { id: string; name?: string };
type PetsModule = {
  createPetsClient(baseUrl: string, apiKey: string): { getPet(id: string): Promise<Pet>; listOwnerPets(ownerId: string, species?: "cat" | "dog"): Promise<Pet[]> };
};

describe.concurrent("fixture api", { timeout: 120_000 }, () => {
  it("fixture api: the pipeline alone writes the bundle, types, client, operation table, response checks and a reference page", async () => {
    const project = await petsProject();
    for (const file of ["openapi.yaml", "types.ts", "client.ts", "operations.js", "operations.d.ts", "response-checks.js", "response-checks.d.ts"]) expect(existsSync(join(project.dir, "generated/pets", file)), file).toBe(true);
    const client = project.read("generated/pets/operations.js");
    expect(client).toMatch(/export const listOwnerPets = \{\s*method: "GET",\s*path: "\/owners\/\{ownerId\}\/pets",\s*params: \{\s*path: \{\s*ownerId: \{\s*type: "string",\s*\},\s*\},\s*query: \{\s*species: \{\s*type: "string",\s*enum: \["cat", "dog"\]/);
    expect(project.read("generated/pets/response-checks.js")).toMatch(/export const Pet = \{\s*required: \["id", "name"\]/);
    await promisify(execFile)(process.execPath, [join(repoRoot, "scripts/docs.mjs"), "--out", join(project.dir, "docs")], { cwd: project.dir });
    expect(readFileSync(join(project.dir, "docs/pets.html"), "utf8")).toContain("List an owner&#x27;s pets");
    const tsc = await typecheck(project);
    expect(tsc.stdout).toBe("");
  });

  it("fixture api: the wrapper sends typed, checked requests and checks the responses", async () => {
    const project = await petsProject();
    const { createPetsClient } = await importFrom<PetsModule>(project, "src/pets-client.ts");
    const server = await startServer((req, res) => json(res, 200, req.path.startsWith("/owners") ? [{ id: "p1", name: "Rex" }] : { id: "p1" }));
    try {
      const pets = createPetsClient(server.url, "key-1");
      await expect(pets.listOwnerPets("o 1", "dog")).resolves.toEqual([{ id: "p1", name: "Rex" }]);
      expect(server.requests[0]?.url).toBe("/owners/o%201/pets?species=dog");
      await expect(pets.listOwnerPets("o1", "fish" as "dog")).rejects.toThrow("GET /owners/{ownerId}/pets: species must be one of cat, dog");
      await expect(pets.getPet("p1")).rejects.toThrow("returned 200 with a Pet that has a missing or invalid `name`");
    } finally {
      await server.close();
    }
  });

  it("fixture api: renaming a query parameter the wrapper uses makes tsc over the wrapper fail", async () => {
    const project = await petsProject();
    editYaml(project, "specs/pets/upstream/owners.yaml", (doc) => doc.setIn(["paths", "/owners/{ownerId}/pets", "get", "parameters", 1, "name"], "kind"));
    const result = await project.generate();
    expect(result.code, result.stderr).toBe(0);
    const tsc = await typecheck(project);
    expect(tsc.code).toBe(1);
    expect(tsc.stdout).toMatch(/src\/pets-client\.ts\(\d+,\d+\): error TS2353: Object literal may only specify known properties, and 'species' does not exist/);
  });

  it("fixture api: a field the spec stops requiring is no longer required by the generated check", async () => {
    const project = await petsProject();
    for (const file of PARTS) editYaml(project, file, (doc) => doc.setIn(["components", "schemas", "Pet", "required"], doc.createNode(["id"], { flow: true })));
    const result = await project.generate();
    expect(result.code, result.stderr).toBe(0);
    expect(project.read("generated/pets/response-checks.js")).toMatch(/export const Pet = \{\s*required: \["id"\]/);
    const { createPetsClient } = await importFrom<PetsModule>(project, "src/pets-client.ts");
    const server = await startServer((_req, res) => json(res, 200, { id: "p1" }));
    try {
      await expect(createPetsClient(server.url, "key-1").getPet("p1")).resolves.toEqual({ id: "p1" });
    } finally {
      await server.close();
    }
  });
});
