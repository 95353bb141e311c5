// Issue 18: generate takes the specs vendors publish. Every parameter style, cookies, non-JSON
// bodies and responses go into the operation table; operations without operationId get names;
// what cannot be sent is warned about and left out; self-referencing and percent-encoded $refs
// don't crash; relaxing lint for one API still lists what it relaxed; lint errors point upstream.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientData } from "../scripts/lib/emit-client.mjs";
import { responseChecks } from "../scripts/lib/emit-checks.mjs";
import { derivedName } from "../scripts/lib/operation-names.mjs";
import { fixture, Project } from "./helpers/project.js";

const projects: Project[] = [];
afterAll(() => {
  for (const p of projects) p.remove();
});
/** A project with the any-spec fixture, its lint relaxed to `minimal` for that API only. */
function anySpec(apiSettings = "    extends:\n      - minimal\n") {
  const project = Project.create({ any: fixture("any-spec") });
  projects.push(project);
  project.edit("redocly.yaml", (t) => `${t}${apiSettings}`);
  return project;
}
let run: Awaited<ReturnType<Project["generate"]>>;
let client = "";
let checks = "";
beforeAll(async () => {
  const project = anySpec();
  run = await project.generate();
  if (run.code === 0) {
    client = project.read("generated/any/operations.js");
    checks = project.read("generated/any/response-checks.js");
  }
}, 60_000);

/** The literal of one operation's entry (its own export of operations.js). */
const entry = (key: string) => new RegExp(`\\nexport const ${key} = \\{\\n([\\s\\S]*?)\\n\\};\\n`).exec(client)?.[1] ?? "";

describe("generate, any spec", { timeout: 60_000 }, () => {
  it("generate: a spec with every parameter style, cookies, non-JSON bodies and a self-referencing schema generates", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^any +client +\d+ ms +9 operations, 2 warning\(s\)$/m);
  });

  it("client table: each parameter carries its location, and style/explode only where they differ from the location's default", () => {
    expect(entry("getItemsById")).toMatch(/path: \{\s*id: \{\s*style: "label",\s*type: "integer",\s*minimum: 1,\s*\}/);
    expect(entry("getItemsById")).toMatch(/tags: \{\s*explode: false,\s*array: true,\s*type: "string",\s*\}/);
    expect(entry("getItemsById")).toMatch(/ids: \{\s*style: "spaceDelimited",\s*array: true,\s*type: "integer",\s*\}/);
    expect(entry("getItemsById")).toMatch(/kinds: \{\s*style: "pipeDelimited",\s*array: true,\s*enum: \["a", "b"\],\s*\}/);
    expect(entry("getItemsById")).toMatch(/filter: \{\s*style: "deepObject",\s*\}/);
    expect(entry("getItemsById")).toMatch(/where: \{\s*content: "application\/json",\s*\}/);
    expect(entry("getItemsById")).toMatch(/next: \{\s*allowReserved: true,\s*\}/);
    expect(entry("getItemsById")).toMatch(/header: \{\s*"If-Match": \{\s*type: "string",\s*\},\s*"X-Trace": \{\s*explode: true,\s*\}/);
    expect(entry("getItemsById")).toMatch(/cookie: \{\s*session: \{\s*required: true,\s*type: "string",\s*\}/);
    // OpenAPI: an Accept, Content-Type or Authorization header parameter is ignored.
    expect(entry("getItemsById")).not.toContain("Accept");
    expect(entry("putItemContent")).toMatch(/id: \{\s*style: "matrix",\s*explode: true,\s*array: true,\s*type: "string",\s*\}/);
  });

  it("client table: request bodies list their media types, JSON first, with the encodings of form bodies", () => {
    expect(entry("postItems")).toMatch(/body: \{\s*media: \["application\/json", "application\/x-www-form-urlencoded", "multipart\/form-data"\],\s*encoding: \{\s*"application\/x-www-form-urlencoded": \{\s*meta: \{\s*style: "deepObject",\s*explode: true,/);
    expect(entry("postItems")).toMatch(/"multipart\/form-data": \{\s*file: \{\s*contentType: "image\/png",\s*\},\s*meta: \{\s*contentType: "application\/json",/);
    expect(entry("putItemContent")).toMatch(/body: \{\s*required: true,\s*media: \["application\/octet-stream", "image\/png"\],\s*\}/);
    expect(entry("patchItemsById")).toMatch(/media: \["application\/merge-patch\+json", "application\/json-patch\+json"\]/);
    expect(entry("upload")).toMatch(/media: \["\*\/\*"\]/);
    expect(entry("addNote")).toMatch(/media: \["text\/plain"\]/);
  });

  it("client table: responseMedia is the first 2xx response's media types, [] when it has none, absent for plain JSON", () => {
    expect(entry("putItemContent")).toContain('responseMedia: ["text/plain"]');
    expect(entry("upload")).toContain("responseMedia: []");
    expect(entry("postItems")).toContain('responseMedia: ["application/vnd.any+json"]');
    expect(entry("getItemsById")).not.toContain("responseMedia");
  });

  it("operation names: operations without operationId get method+path names, collisions numbered after the operationIds, and generate says so without --verbose", () => {
    expect(entry("getAB")).toContain('path: "/other"');
    expect(entry("getAB2")).toContain('path: "/a-b"');
    expect(entry("getAB3")).toContain('path: "/a_b"');
    expect(entry("postItems")).toContain('path: "/items"');
    expect(run.stdout).toContain("warning: 5 operation(s) have no operationId; their keys in client.ts come from method and path (GET /a-b → getAB2, …)");
  });

  it("operation names: derived from method and path words, path parameters as By…", () => {
    expect(derivedName("get", "/users/{id}")).toBe("getUsersById");
    expect(derivedName("post", "/v1/customers/{customer}/balance_transactions")).toBe("postV1CustomersByCustomerBalanceTransactions");
    expect(derivedName("delete", "/")).toBe("delete");
    expect(derivedName("get", "/repos/{owner}/{repo}.git")).toBe("getReposByOwnerByRepoGit");
  });

  it("client table: an operation that cannot be sent is left out with a warning naming it, and the rest is generated", () => {
    expect(client).not.toContain('path: "/broken/{missing}"');
    expect(run.stdout).toContain("warning: GET /broken/{missing} (broken) is typed but left out of the operation table: path parameter {missing} is not declared; call it through the raw client");
  });

  it("response checks: a schema that includes itself through allOf (Jira) and an array of itself are checked once, not followed forever", () => {
    expect(checks).toMatch(/export const Node = \{\s*required: \["id"\],\s*fields: \{\s*children: \{\s*type: \["array"\],\s*items: \{\s*type: \["object"\],\s*shape: \(\) => Node,/);
    expect(entry("addNote")).toMatch(/response: \{\s*type: \["array"\],\s*\}/);
  });

  it("response checks: a percent-encoded $ref (#/components/schemas/a%20b) resolves to its schema", () => {
    expect(entry("postItems")).toMatch(/response: \{\s*type: \["object"\],\s*shape: \(\) => responseChecks\.a\$0020b,\s*name: "a b",/);
    expect(checks).toMatch(/\/\*\* a b \*\/\nexport const a\$0020b = \{\s*required: \["name"\]/);
  });

  it("lint: problems an API's own settings downgrade are counted and listed, each at its upstream file and line", () => {
    expect(run.stdout).toMatch(/^any +lint +\d+ ms +\d+ warning\(s\), 32 downgraded by apis\.any in redocly\.yaml$/m);
    expect(run.stdout).toContain("  specs/any/upstream/api.yaml:110 [path-parameters-defined: error → warn] The operation does not define the path parameter `{missing}`");
    expect(run.stdout).toMatch(/^ {2}specs\/any\/upstream\/api\.yaml:100 \[operation-4xx-response: error → off\]/m);
  });

  it("lint: a rule turned off for one API still fails the others, which keep the shared rules", async () => {
    const project = Project.create({ any: fixture("any-spec"), pets: fixture("pets") });
    projects.push(project);
    project.edit("redocly.yaml", (t) => t.replace("  any:\n    root: generated/any/openapi.yaml\n", "  any:\n    root: generated/any/openapi.yaml\n    extends:\n      - minimal\n"));
    project.edit("specs/pets/upstream/pets.yaml", (t) => t.replace("        '404':\n          description: Not Found\n", ""));
    const result = await project.generate();
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")[1]).toMatch(/^specs\/pets\/upstream\/pets\.yaml:23: \[operation-4xx-response\]/);
  });

  it("generate: a $ref that points at nothing after bundling fails with a [rule] line naming the operation, not a stack", async () => {
    const project = anySpec();
    // An overlay can leave a dangling local $ref behind (bundling checked the upstream file before it ran).
    project.write(
      "specs/any/overlay.yaml",
      "overlay: 1.0.0\ninfo: { title: dangling, version: '1' }\nactions:\n  - target: $.components.schemas\n    update: { Gone: { $ref: '#/components/schemas/Nowhere' } }\n  - target: $.paths['/notes'].post.responses['200'].content['application/json']\n    update: { schema: { $ref: '#/components/schemas/Gone' } }\n",
    );
    const result = await project.generate();
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatch(/\[(unresolved-ref|no-unresolved-refs)\]/);
  });

  it("response checks: Jira's self-including allOf schema is flattened once (unit)", () => {
    const doc = {
      paths: { "/issue": { get: { operationId: "getIssue", responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Issue" } } } } } } } },
      components: { schemas: { Issue: { allOf: [{ $ref: "#/components/schemas/Issue" }], required: ["key"], properties: { key: { type: "string" } } } } },
    };
    const { shapes, roots } = responseChecks(doc);
    expect(roots.getIssue).toEqual({ shape: "Issue" });
    expect(shapes.Issue).toEqual({ required: ["key"], fields: { key: { type: ["string"] } } });
  });

  it("response checks: a property that wraps its own parent in allOf (Jira's `allOf: [{ $ref }]` with a description) is checked by the parent's shape (unit)", () => {
    const doc = {
      paths: { "/user": { get: { operationId: "getUser", responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } } } } } },
      components: {
        schemas: {
          User: { type: "object", properties: { manager: { description: "their manager", allOf: [{ $ref: "#/components/schemas/User" }] }, group: { type: "object", properties: { lead: { allOf: [{ $ref: "#/components/schemas/User" }], properties: { since: { type: "string" } } } } } } },
        },
      },
    };
    const { shapes } = responseChecks(doc);
    expect(shapes.User?.fields.manager).toEqual({ type: ["object"], shape: "User" });
    expect(shapes["User.group"]?.fields.lead).toEqual({ type: ["object"] });
  });

  it("client table: a percent-encoded $ref to a parameter resolves, percent-decoding before ~1/~0 (unit)", () => {
    const doc = {
      paths: { "/a/{b c}": { get: { operationId: "get", parameters: [{ $ref: "#/components/parameters/b%20c~1d" }], responses: {} } } },
      components: { parameters: { "b c/d": { name: "b c", in: "path", required: true, schema: { type: "integer" } } } },
    };
    const data = clientData(doc, {});
    expect(data.operations.get).toEqual({ method: "GET", path: "/a/{b c}", params: { path: { "b c": { type: "integer" } } }, responseMedia: [] });
  });

  it("client table: an optional enum header on every operation is the client's (headerEnums only); one that is required or not on every operation stays (unit)", () => {
    const version = { name: "Api-Version", in: "header", schema: { type: "string", enum: ["2024-01-01", "2023-01-01"] } };
    const mode = { name: "Mode", in: "header", schema: { type: "string", enum: ["a"] } };
    const token = { name: "Token", in: "header", required: true, schema: { type: "string", enum: ["t"] } };
    const doc = {
      paths: {
        "/x": { get: { operationId: "getX", parameters: [version, mode, token], responses: {} } },
        "/y": { get: { operationId: "getY", parameters: [version, token], responses: {} } },
      },
    };
    const data = clientData(doc, {});
    expect(data.headerEnums).toEqual({ "Api-Version": ["2023-01-01", "2024-01-01"], Mode: ["a"], Token: ["t"] });
    expect(data.operations.getX?.params).toEqual({ header: { Mode: { type: "string", enum: ["a"] }, Token: { required: true, type: "string", enum: ["t"] } } });
    expect(data.operations.getY?.params).toEqual({ header: { Token: { required: true, type: "string", enum: ["t"] } } });
    const versionOnly = clientData({ paths: { "/z": { get: { operationId: "getZ", parameters: [version], responses: {} } } } }, {});
    expect(versionOnly.operations.getZ).toEqual({ method: "GET", path: "/z", responseMedia: [] });
  });
});
