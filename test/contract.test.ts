// Runs both clients against Prism mocks of the generated bundles. Prism runs with --errors, so a
// request that breaks the spec (security included) fails instead of getting a mock response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRawSeamClient,
  createRawSequenceClient,
  createSeamClient,
  createSequenceClient,
  type RawSeamClient,
  type RawSequenceClient,
  type SeamClient,
  type SequenceClient,
} from "vendor-api-clients";
import { startPrism, type Prism } from "./helpers/prism.js";

const USER_ID = "7b1f28b9-a4ad-450b-a0ea-fd647d5109b2";
let sequencePrism: Prism;
let seamPrism: Prism;
let sequence: SequenceClient;
let seam: SeamClient;
let rawSequence: RawSequenceClient;
let rawSeam: RawSeamClient;

beforeAll(async () => {
  [sequencePrism, seamPrism] = await Promise.all([
    startPrism("generated/sequence/openapi.yaml"),
    startPrism("generated/seam/openapi.yaml"),
  ]);
  sequence = createSequenceClient({ clientId: "client-id", clientSecret: "clíent-sécret", baseUrl: sequencePrism.url, maxRetries: 0 });
  seam = createSeamClient({ apiKey: "seam_test_key", endpoint: seamPrism.url, maxRetries: 0 });
  rawSequence = createRawSequenceClient({ clientId: "client-id", clientSecret: "clíent-sécret", baseUrl: sequencePrism.url, maxRetries: 0 });
  rawSeam = createRawSeamClient({ apiKey: "seam_test_key", endpoint: seamPrism.url, maxRetries: 0 });
});
afterAll(async () => {
  await Promise.all([sequencePrism?.close(), seamPrism?.close()]);
});

describe("contract: sequence", () => {
  it("contract: users.get passes Prism's request validation and returns a valid user", async () => {
    const found = await sequence.users.get(USER_ID);
    expect(found.id).toBe(USER_ID);
    expect(found.roles.length).toBeGreaterThan(0);
  });

  it("contract: users.delete passes validation", async () => {
    const deleted = await sequence.users.delete(USER_ID);
    expect(typeof deleted.state).toBe("string");
  });

  it("contract: users.list with limit and a cursor passes validation", async () => {
    // Prism's example page always carries the same cursor (a looping server), so one page per list.
    const list = sequence.users.list({ limit: 100 }, { maxPages: 1 });
    expect(await list.toArray()).toHaveLength(1);
    expect(list.totalResultSize).toBe(100);
    expect(await sequence.users.list({ limit: 1, after: "abc" }, { maxPages: 1 }).toArray()).toHaveLength(1);
    expect(await sequence.users.list({ limit: 1, before: "abc" }, { maxPages: 1 }).toArray()).toHaveLength(1);
  });

  it("contract: the mock rejects a request without credentials (validation is on)", async () => {
    const { response } = await fetch(`${sequencePrism.url}/users`).then((r) => ({ response: r }));
    expect(response.status).toBe(401);
  });

  it("contract: the mock rejects an out-of-range limit sent through raw (validation is on)", async () => {
    const { response } = await rawSequence.GET("/users", { params: { query: { limit: 1000 } } });
    expect(response.status).toBe(400);
  });

  it("contract: the mock rejects an unknown Sequence-Version (validation is on)", async () => {
    const { response } = await rawSequence.GET("/users/{id}", {
      params: { path: { id: USER_ID } },
      headers: { "sequence-version": "1999-01-01" },
    });
    expect(response.status).toBe(400);
  });
});

describe("contract: seam", () => {
  it("contract: acs.users.delete by acs_user_id passes validation, security included", async () => {
    await expect(seam.acs.users.delete({ acs_user_id: USER_ID })).resolves.toEqual({ ok: expect.any(Boolean) });
  });

  it("contract: acs.users.delete by user_identity_id and acs_system_id passes validation", async () => {
    await expect(
      seam.acs.users.delete({ user_identity_id: USER_ID, acs_system_id: "586c225c-b05c-4af4-8679-9c8a46066cce" }),
    ).resolves.toEqual({ ok: expect.any(Boolean) });
  });

  it("contract: every Seam token kind passes the spec's security", async () => {
    const kinds = [
      { personalAccessToken: "seam_at1_abc", workspaceId: "ws" },
      { consoleSessionToken: "eyJhbGciOiJIUzI1NiJ9.e30.sig", workspaceId: "ws" },
      { clientSessionToken: "seam_cst1_abc" },
    ] as const;
    for (const credential of kinds) {
      const client = createSeamClient({ ...credential, endpoint: seamPrism.url, maxRetries: 0 });
      await expect(client.acs.users.delete({ acs_user_id: USER_ID })).resolves.toEqual({ ok: expect.any(Boolean) });
    }
  });

  it("contract: the mock rejects a missing bearer token (validation is on)", async () => {
    const response = await fetch(`${seamPrism.url}/acs/users/delete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ acs_user_id: USER_ID }),
    });
    expect(response.status).toBe(401);
    await expect(
      createRawSeamClient({ apiKey: "seam_k", endpoint: seamPrism.url, maxRetries: 0 }).POST("/acs/users/delete", {
        body: { acs_user_id: USER_ID },
        headers: { authorization: null },
      }),
    ).resolves.toMatchObject({ response: { status: 401 } });
  });

  it("contract: the mock rejects a body id that is not a uuid (formats are checked), and the facade passes that 4xx on", async () => {
    const { response } = await rawSeam.POST("/acs/users/delete", { body: { acs_user_id: "not-a-uuid" } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    // the facade leaves the id format to the server and maps its answer
    await expect(seam.acs.users.delete({ acs_user_id: "not-a-uuid" })).rejects.toMatchObject({ name: "BadRequestError", status: 400 });
  });
});
