// The generated entry's `paginate(client, op, input)`: a declared listing paged through a generated
// client (Sequence's GET /users, declared in its overlay) against the shipped fake.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSequenceClient, getUsers, paginate } from "../generated/sequence/index.js";
import { startFakeServer, type FakeServer } from "vendor-api-clients/testing";

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer({ users: 45 });
});
afterAll(() => fake?.close());

describe("api client paginate", () => {
  it("api client paginate: a generated client pages a declared listing to its end, and resumes from a saved position", async () => {
    const { clientId, clientSecret } = fake.credentials.sequence;
    const client = createSequenceClient({ baseUrl: fake.url, auth: { basicAuth: { username: clientId, password: clientSecret } } });
    const all = await paginate(client, getUsers, { params: { query: { limit: 20 } } }).toArray();
    expect(all).toHaveLength(45);
    expect(new Set(all.map((u) => u.id)).size).toBe(45);

    const first = paginate(client, getUsers, { params: { query: { limit: 20 } } }, { maxPages: 1 });
    expect(await first.toArray()).toHaveLength(20);
    const saved = first.next;
    expect(typeof saved).toBe("string");
    const rest = await paginate(client, getUsers, { params: { query: { limit: 20 } } }, { from: saved }).toArray();
    expect(rest.map((u) => u.id)).toEqual(all.slice(20).map((u) => u.id));
    const sent = fake.requests.length;
    expect(await paginate(client, getUsers, { params: { query: { limit: 20 } } }, { from: null }).toArray()).toEqual([]);
    expect(fake.requests.length).toBe(sent);
  });
});
