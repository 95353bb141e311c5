// startFakeServer serves any API from its bundle: the spec's examples first, then openapi-sampler's
// schema-driven samples, with the shipped faults and the request log. Every answer is also held to
// the served bundle by the suite's conformance hook (test/helpers/fake-conformance.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createRawClient } from "../generated/seam/client.js";
import { startFakeServer, type FakeServer } from "vendor-api-clients/testing";

type Json = Record<string, any>;

const tmp = mkdtempSync(join(tmpdir(), "vac-fake-any-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pets: Json = {
  openapi: "3.0.3",
  info: { title: "Pets", version: "1" },
  paths: {
    "/pets": {
      get: {
        operationId: "listPets",
        responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Pet" } } } } } },
      },
      post: {
        operationId: "createPet",
        responses: {
          "201": { $ref: "#/components/responses/Created" },
          "400": { description: "bad", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/pets/{petId}": {
      get: { operationId: "getPet", responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } } },
      delete: { operationId: "deletePet", responses: { "204": { description: "gone" } } },
    },
    "/pets/count": {
      get: { operationId: "countPets", responses: { "200": { description: "ok", content: { "text/plain": { schema: { type: "string" }, example: "3" } } } } },
    },
    "/owners/{ownerId}": {
      get: {
        operationId: "getOwner",
        responses: {
          default: {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Owner" }, examples: { ada: { $ref: "#/components/examples/Ada" } } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        type: "object",
        required: ["id", "name", "species"],
        properties: {
          id: { type: "string", format: "uuid" },
          name: { type: "string" },
          species: { type: "string", enum: ["cat", "dog"] },
          age: { type: "integer", minimum: 0, nullable: true },
          secret: { type: "string", writeOnly: true },
        },
      },
      Owner: { type: "object", required: ["id"], properties: { id: { type: "string" }, name: { type: "string" } } },
      Error: { type: "object", properties: { message: { type: "string" } } },
    },
    responses: {
      Created: { description: "created", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" }, example: { id: "c0901c87-e1a9-48e9-9e2f-9e05c402dcea", name: "Tom", species: "cat" } } } },
    },
    examples: { Ada: { value: { id: "owner-1", name: "Ada" } } },
  },
};

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer({ api: { spec: pets } });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const call = async (method: string, path: string, server = fake) => {
  const response = await fetch(`${server.url}${path}`, { method });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), text, body: /json/.test(response.headers.get("content-type") ?? "") ? (JSON.parse(text) as unknown) : text };
};

describe("testing fake: any API from its bundle", () => {
  it("testing fake any api: an operation without an example answers a sample of its schema", async () => {
    const pet = await call("GET", "/pets/7");
    expect(pet.status).toBe(200);
    expect(pet.type).toBe("application/json");
    expect(pet.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: expect.any(String), species: "cat", age: 0 });
    const list = await call("GET", "/pets");
    expect(list.body).toEqual([pet.body]);
  });

  it("testing fake any api: examples come first: the media type's, a referenced named example, a referenced response's", async () => {
    expect(await call("POST", "/pets")).toMatchObject({ status: 201, body: { id: "c0901c87-e1a9-48e9-9e2f-9e05c402dcea", name: "Tom", species: "cat" } });
    expect(await call("GET", "/owners/1")).toMatchObject({ status: 200, body: { id: "owner-1", name: "Ada" } });
    expect(await call("GET", "/pets/count")).toMatchObject({ status: 200, type: "text/plain", text: "3" });
  });

  it("testing fake any api: 204 has no body; a path it lacks is 404, a method it lacks 405", async () => {
    expect(await call("DELETE", "/pets/7")).toMatchObject({ status: 204, text: "" });
    expect(await call("GET", "/cats")).toMatchObject({ status: 404, body: { error: { type: "NotFound" } } });
    const wrong = await fetch(`${fake.url}/pets/7`, { method: "PUT" });
    expect([wrong.status, wrong.headers.get("allow")]).toEqual([405, "GET, DELETE"]);
  });

  it("testing fake any api: the shipped faults and the request log work for it", async () => {
    fake.failNext(1, { status: 503, match: { path: "/pets" } });
    fake.failNext(1, { truncated: true });
    fake.failNext(1, { malformed: true });
    expect((await call("GET", "/pets")).status).toBe(503);
    const truncated = await fetch(`${fake.url}/pets/1`);
    await expect(truncated.json()).rejects.toThrow(SyntaxError);
    expect((await call("GET", "/pets/1")).type).toBe("text/html");
    expect(fake.requests.map((r) => [r.api, r.method, r.path, r.status, r.fault])).toEqual([
      ["spec", "GET", "/pets", 503, true],
      ["spec", "GET", "/pets/1", 200, true],
      ["spec", "GET", "/pets/1", 200, true],
    ]);
  });

  it("testing fake any api: serves a generated bundle from its YAML path, with its examples, to the generated client", async () => {
    const sequence = await startFakeServer({ api: { spec: "generated/sequence/openapi.yaml" } });
    const seam = await startFakeServer({ api: { spec: new URL("../generated/seam/openapi.yaml", import.meta.url) } });
    try {
      const bundle = parse(readFileSync("generated/sequence/openapi.yaml", "utf8")) as Json;
      const example = (path: string, method: string) => Object.values(bundle.paths[path][method].responses["200"].content["application/json"].examples as Json)[0].value;
      expect((await call("GET", "/users?limit=1", sequence)).body).toEqual(example("/users", "get"));
      expect((await call("DELETE", "/users/abc", sequence)).body).toEqual(example("/users/{id}", "delete"));
      const { data, response } = await createRawClient({ baseUrl: seam.url }).POST("/acs/users/delete", { body: { acs_user_id: "1c655fbd-ecd7-49fc-a57e-b6fb67bd8d64" } });
      expect([response.status, data]).toEqual([200, { ok: true }]);
    } finally {
      await Promise.all([sequence.close(), seam.close()]);
    }
  });

  it("testing fake any api: a JSON file works too; anything but an OpenAPI 3 document is refused, naming the option", async () => {
    const file = join(tmp, "pets.json");
    writeFileSync(file, JSON.stringify(pets));
    const fromJson = await startFakeServer({ api: { spec: file } });
    try {
      expect((await call("GET", "/owners/2", fromJson)).body).toEqual({ id: "owner-1", name: "Ada" });
    } finally {
      await fromJson.close();
    }
    const swagger = join(tmp, "swagger.yaml");
    writeFileSync(swagger, stringify({ swagger: "2.0", paths: {} }));
    await expect(startFakeServer({ api: { spec: swagger } })).rejects.toThrow(/api\.spec must be an OpenAPI 3 document.*swagger\.yaml is not/);
    await expect(startFakeServer({ api: { spec: { paths: {} } } })).rejects.toThrow(/api\.spec must be an OpenAPI 3 document/);
    await expect(startFakeServer({ api: "generated/seam/openapi.yaml" as never })).rejects.toThrow(/api must be \{ spec \}/);
  });

  it("testing fake any api: the sampler and the YAML parser load only when a spec is served", () => {
    const dir = new URL("../src/testing/", import.meta.url);
    const sources = [...readdirSync(dir).map((f) => readFileSync(new URL(f, dir), "utf8")), readFileSync(new URL("../src/testing.ts", import.meta.url), "utf8")];
    const staticImports = sources.flatMap((s) => [...s.matchAll(/^import [^;]*from "([^"]+)"/gm)].map((m) => m[1]));
    expect(staticImports).not.toContain("openapi-sampler");
    expect(staticImports).not.toContain("yaml");
  });
});
