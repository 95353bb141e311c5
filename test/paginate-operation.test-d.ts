// paginateOperation's types: items and pages come from the declared paths, a declared cursor reads
// `string | null` on the pages, and an operation without `paginate` does not compile.
import { describe, expectTypeOf, it } from "vitest";
import { operations } from "../generated/sequence/client.js";
import type { paths } from "../generated/sequence/types.js";
import { paginateOperation, type PageOf } from "../src/runtime/paginate-operation.js";
import type { Requester } from "../src/runtime/request.js";
import type { ListSequenceUsersResponse, SequenceUser } from "vendor-api-clients";

declare const request: Requester<paths>;

describe("types: paginateOperation", () => {
  it("types: paginateOperation yields the declared items and pages with a settled cursor", async () => {
    const list = paginateOperation(request, operations.getUsers, { params: { query: { limit: 10 } } }, { maxPages: 2, from: null });
    expectTypeOf(await list.toArray()).toEqualTypeOf<SequenceUser[]>();
    for await (const page of list.pages()) {
      expectTypeOf(page.pagination.after).toEqualTypeOf<string | null>();
      expectTypeOf(page.pagination.before).toEqualTypeOf<string | null | undefined>();
      expectTypeOf(page.items).toEqualTypeOf<ListSequenceUsersResponse["items"]>();
    }
    expectTypeOf(list.next).toEqualTypeOf<string | number | null | undefined>();
    expectTypeOf<PageOf<{ a?: { b?: string } }, { kind: "cursor"; param: "x"; items: "i"; cursor: "a.b" }>>().toEqualTypeOf<{ a?: { b: string | null } }>();
  });

  it("types: paginateOperation refuses an operation without declared pagination, and the operation's own input", () => {
    // @ts-expect-error GET /users/{id} declares no x-pagination
    paginateOperation(request, operations.getUsersById, { params: { path: { id: "a" } } });
    // @ts-expect-error limit is a number in the spec
    paginateOperation(request, operations.getUsers, { params: { query: { limit: "10" } } });
    // @ts-expect-error a saved position is a string, number or null
    paginateOperation(request, operations.getUsers, { params: {} }, { from: true });
  });
});
