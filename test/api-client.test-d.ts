// The generated entry's client is typed by the API's paths and its spec: operations, parameters,
// auth per scheme kind, environments and the version header.
import { expectTypeOf, test } from "vitest";
import { createSequenceClient, getUsersById, type SequenceClientOptions } from "../generated/sequence/index.js";

test("api client types: a call is typed by the operation's paths entry", async () => {
  const client = createSequenceClient({ auth: { basicAuth: { username: "id", password: "secret" } } });
  const user = await client.request(getUsersById, { params: { path: { id: "u1" } } });
  expectTypeOf(user.id).toEqualTypeOf<string>();
  // @ts-expect-error a number where the spec says string
  await client.request(getUsersById, { params: { path: { id: 1 } } });
  // @ts-expect-error a path parameter the spec does not declare
  await client.request(getUsersById, { params: { path: { userId: "u1" } } });
  // @ts-expect-error Sequence-Version is the client's own header (apiVersion), not a per-call parameter
  await client.request(getUsersById, { params: { path: { id: "u1" }, header: { "Sequence-Version": "2024-07-30" } } });
});

test("api client types: options follow the spec's schemes, servers and version header", () => {
  expectTypeOf<SequenceClientOptions["environment"]>().toEqualTypeOf<"dev" | "sandbox" | "production" | undefined>();
  expectTypeOf<SequenceClientOptions["apiVersion"]>().toEqualTypeOf<"2024-07-30" | undefined>();
  // @ts-expect-error HTTP Basic takes { username, password }, not a token
  createSequenceClient({ auth: { basicAuth: "token" } });
  // @ts-expect-error a scheme the spec does not declare
  createSequenceClient({ auth: { bearer: "token" } });
  // @ts-expect-error an environment the spec does not declare
  createSequenceClient({ environment: "staging" });
  // @ts-expect-error a version the spec does not list
  createSequenceClient({ apiVersion: "2023-01-01" });
});
