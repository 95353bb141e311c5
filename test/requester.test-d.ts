// The requester's call signature, generic over the entry's path and method (src/runtime/request.ts,
// Requester): a call is typed by the paths entry those name, and an entry the API lacks is refused.
import { describe, expectTypeOf, it } from "vitest";
import type { OperationSpec, Requester } from "../src/runtime/request.js";

interface paths {
  "/pets/{id}": {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { headers: Record<string, unknown>; content: { "application/json": { name: string } } } };
    };
  };
}
declare const request: Requester<paths>;
const getPet = { method: "GET", path: "/pets/{id}" } as const satisfies OperationSpec;
const deletePet = { method: "DELETE", path: "/pets/{id}" } as const satisfies OperationSpec;
const getOwner = { method: "GET", path: "/owners/{id}" } as const satisfies OperationSpec;

describe("requester types", () => {
  it("requester types: a call takes and returns what the paths entry at the entry's path and method says", () => {
    expectTypeOf(request(getPet, { params: { path: { id: "p1" } } })).resolves.toEqualTypeOf<{ name: string }>();
    // @ts-expect-error the path parameter is a string
    request(getPet, { params: { path: { id: 1 } } });
  });

  it("requester types: an entry whose path or method the API does not have is refused", () => {
    // @ts-expect-error no GET /owners/{id} in paths
    request(getOwner, {});
    // @ts-expect-error no DELETE /pets/{id} in paths
    request(deletePet, {});
  });
});
