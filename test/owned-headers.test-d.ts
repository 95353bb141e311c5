// A generated client sends its own version header (ApiSpec.versionHeader, from its apiVersion option)
// and the runtime refuses it per call, so its requester leaves it out of params.header. Shown over
// Sequence's generated paths and operations, whose every operation declares Sequence-Version.
import { describe, expectTypeOf, it } from "vitest";
import { getUsers, getUsersById, paginate, type paths } from "../generated/sequence/index.js";
import type { OwnedHeadersOf, Requester, RequestInput } from "../src/runtime/request.js";

type Owned = OwnedHeadersOf<{ readonly versionHeader: { readonly name: "Sequence-Version"; readonly values: readonly ["2024-07-30"] } }>;
declare const client: { readonly request: Requester<paths, Owned> };
declare const raw: Requester<paths>;

describe("owned headers types", () => {
  it("owned headers: a client's version header is not a per-call parameter", async () => {
    expectTypeOf<Owned>().toEqualTypeOf<"Sequence-Version">();
    expectTypeOf<OwnedHeadersOf<{ servers: {} }>>().toBeNever();
    await client.request(getUsersById, { params: { path: { id: "u1" } } });
    // @ts-expect-error Sequence-Version is sent from the client's apiVersion option
    await client.request(getUsersById, { params: { path: { id: "u1" }, header: { "Sequence-Version": "2024-07-30" } } });
    // without owned headers (createRequester) the spec's header stays a parameter
    await raw(getUsersById, { params: { path: { id: "u1" }, header: { "Sequence-Version": "2024-07-30" } } });
  });

  it("owned headers: the rest of params keeps its types and requiredness", async () => {
    type Params = NonNullable<RequestInput<paths["/users/{id}"]["get"], "Sequence-Version">["params"]>;
    expectTypeOf<Params["path"]>().toEqualTypeOf<{ id: string }>();
    // @ts-expect-error the path parameter is still required
    await client.request(getUsersById, { params: {} });
    await client.request(getUsers, { params: { query: { limit: 10 } } });
  });

  it("owned headers: paginate infers the owned headers from the client", () => {
    paginate(client, getUsers, { params: { query: { limit: 10 } } });
    // @ts-expect-error not through paginate either
    paginate(client, getUsers, { params: { header: { "Sequence-Version": "2024-07-30" } } });
  });
});
