// Calls that must not compile carry @ts-expect-error; vitest typecheck fails if they start compiling.
import { describe, expectTypeOf, it } from "vitest";
import {
  can,
  createRawSequenceClient,
  createSeamClient,
  createSequenceClient,
  permissionsOf,
  rolesAllowing,
  type ListSequenceUsersResponse,
  type ListUsersParams,
  type Paginator,
  type Permission,
  type RoleName,
  type SeamAcsUserDeleteBody,
  type SequenceApiVersion,
  type SequenceEnvironment,
  type SequenceUser,
  type SequenceUsersPage,
} from "vendor-api-clients";

declare const user: SequenceUser;
const sequence = createSequenceClient({ clientId: "a", clientSecret: "b" });
const seam = createSeamClient({ apiKey: "seam_k" });
const ACS = "5d3b6b36-4a0b-4b0a-9f55-3f0c7c7bb3a1";

describe("types: roles", () => {
  it("types: can() takes only known roles, resources and each resource's actions", () => {
    expectTypeOf(can("financeUser", "org.invoice", "send")).toEqualTypeOf<boolean>();
    can(user, "org.quote", "execute");
    can(user.roles, "org.settings", "invite");
    can(user.roles[0]!, "org.billing", "start");
    can(["admin", "salesUser"], "org.customer", "read");
    // @ts-expect-error unknown resource
    can("financeUser", "org.nope", "read");
    // @ts-expect-error unknown action
    can(user, "org.invoice", "fly");
    // @ts-expect-error an action that exists, but never on this resource
    can("admin", "org.usage", "publish");
    // @ts-expect-error unknown role
    can("superAdmin", "org.invoice", "read");
    // @ts-expect-error not a subject
    can(42, "org.invoice", "read");
  });

  it("types: permissionsOf and rolesAllowing are typed from the generated table", () => {
    expectTypeOf(permissionsOf("admin")).toEqualTypeOf<Permission[]>();
    expectTypeOf(rolesAllowing("org.quote", "execute")).toEqualTypeOf<RoleName[]>();
    // @ts-expect-error unknown role
    permissionsOf("root");
    // @ts-expect-error action not on this resource
    rolesAllowing("org.tax", "send");
  });
});

describe("types: sequence", () => {
  it("types: users methods return SequenceUser and a Paginator", async () => {
    expectTypeOf(sequence.users.get("id")).resolves.toEqualTypeOf<SequenceUser>();
    expectTypeOf(sequence.users.delete("id")).resolves.toEqualTypeOf<SequenceUser>();
    const list = sequence.users.list({ limit: 10 }, { prefetch: true, maxPages: 3 });
    expectTypeOf(list).toEqualTypeOf<Paginator<SequenceUsersPage>>();
    for await (const u of list) expectTypeOf(u).toEqualTypeOf<SequenceUser>();
    for await (const page of list.pages()) {
      expectTypeOf(page.items).toEqualTypeOf<ListSequenceUsersResponse["items"]>();
      // never absent: null means that end was reached, whatever the server sent
      expectTypeOf(page.pagination.after).toEqualTypeOf<string | null>();
      expectTypeOf(page.pagination.before).toEqualTypeOf<string | null>();
      expectTypeOf(page.pagination.totalResultSize).toEqualTypeOf<number | undefined>();
    }
    expectTypeOf(list.pagination).toEqualTypeOf<SequenceUsersPage["pagination"] | undefined>();
    expectTypeOf(list.toArray({ max: 5 })).resolves.toEqualTypeOf<SequenceUser[]>();
    expectTypeOf(list.totalResultSize).toEqualTypeOf<number | undefined>();
    // @ts-expect-error limit is a number
    sequence.users.list({ limit: "10" });
    // @ts-expect-error ids are strings
    sequence.users.get(42);
    // @ts-expect-error path is set by the client, not the caller
    sequence.users.get("id", { path: "/other" });
    // @ts-expect-error not a query parameter of GET /users
    sequence.users.list({ cursor: "x" });
  });

  it("types: a saved pagination cursor resumes a listing as it is, null included", async () => {
    for await (const page of sequence.users.list().pages()) {
      // the README's save-and-resume pattern compiles under strict
      sequence.users.list({ after: page.pagination.after });
      sequence.users.list({ before: page.pagination.before });
    }
    expectTypeOf<ListUsersParams["after"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ListUsersParams["limit"]>().toEqualTypeOf<number | undefined>();
  });

  it("types: a cursor store typed like a nullable database column (string | null) takes a page's cursors and resumes from them", async () => {
    const column: { after: string | null; before: string | null } = { after: null, before: null };
    const saveCursor = (cursor: string | null) => void (column.after = cursor);
    const list = sequence.users.list({ after: column.after }, { maxPages: 10 });
    for await (const page of list.pages()) {
      saveCursor(page.pagination.after);
      column.before = page.pagination.before;
    }
    if (list.pagination) saveCursor(list.pagination.after);
    sequence.users.list({ before: column.before });
    // @ts-expect-error the cursor is string | null, not a string: null (ended) must be handled
    const notNull: string = list.pagination!.after;
    void notNull;
  });

  it("types: apiVersion and environment come from the spec", () => {
    expectTypeOf<SequenceApiVersion>().toEqualTypeOf<"2024-07-30">();
    expectTypeOf<SequenceEnvironment>().toEqualTypeOf<"dev" | "sandbox" | "production">();
    createSequenceClient({ apiVersion: "2024-07-30", environment: "sandbox" });
    // @ts-expect-error unknown version
    createSequenceClient({ apiVersion: "2023-01-01" });
    // @ts-expect-error unknown environment
    createSequenceClient({ environment: "staging" });
  });

  it("types: createRawSequenceClient is the typed openapi-fetch client", () => {
    const raw = createRawSequenceClient({ clientId: "a", clientSecret: "b" });
    raw.GET("/users/{id}", { params: { path: { id: "x" } } });
    // @ts-expect-error no such path
    raw.GET("/accounts");
    // @ts-expect-error the facade has no raw property any more: import the factory
    sequence.raw;
  });
});

describe("types: seam", () => {
  it("types: the delete body is one of the two shapes", () => {
    seam.acs.users.delete({ acs_user_id: ACS });
    seam.acs.users.delete({ user_identity_id: ACS, acs_system_id: ACS });
    expectTypeOf(seam.acs.users.delete({ acs_user_id: ACS })).resolves.toEqualTypeOf<{ ok: boolean }>();
    expectTypeOf<SeamAcsUserDeleteBody>().toMatchTypeOf<{ acs_user_id: string } | { user_identity_id: string; acs_system_id: string }>();
    // @ts-expect-error empty body
    seam.acs.users.delete({});
    // @ts-expect-error user_identity_id needs acs_system_id
    seam.acs.users.delete({ user_identity_id: ACS });
    // @ts-expect-error mixed shapes
    seam.acs.users.delete({ acs_user_id: ACS, acs_system_id: ACS });
    // @ts-expect-error ids are strings
    seam.acs.users.delete({ acs_user_id: 1 });
  });

  it("types: credential kinds cannot be mixed", () => {
    createSeamClient();
    createSeamClient({ endpoint: "http://127.0.0.1:1" });
    createSeamClient({ personalAccessToken: "seam_at1", workspaceId: "w" });
    createSeamClient({ consoleSessionToken: "ey…", workspaceId: "w" });
    createSeamClient({ clientSessionToken: "seam_cst1" });
    // @ts-expect-error two kinds
    createSeamClient({ apiKey: "seam_k", personalAccessToken: "seam_at1", workspaceId: "w" });
    // workspaceId may come from env SEAM_WORKSPACE_ID, as in Seam's SDK
    createSeamClient({ personalAccessToken: "seam_at1" });
    // @ts-expect-error an API key has no workspace
    createSeamClient({ apiKey: "seam_k", workspaceId: "w" });
    // @ts-expect-error a client session token has no workspace
    createSeamClient({ clientSessionToken: "seam_cst1", workspaceId: "w" });
  });
});
