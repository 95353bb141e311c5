// Calls that must not compile. tsc fails on any @ts-expect-error that is not needed, so a line
// here that starts compiling fails test/package.test.ts.
import { can, createSeamClient, createSequenceClient } from "vendor-api-clients";
import type { SequenceUser } from "vendor-api-clients/sequence";

declare const user: SequenceUser;

// @ts-expect-error unknown resource
can("financeUser", "org.nope", "read");
// @ts-expect-error an action the resource does not have
can(user, "org.invoice", "fly");
// @ts-expect-error unknown role
can("superUser", "org.invoice", "read");
// @ts-expect-error an environment the spec does not list
createSequenceClient({ environment: "staging" });
// @ts-expect-error an API version the spec does not list
createSequenceClient({ apiVersion: "1999-01-01" });
// @ts-expect-error limit is a number
createSequenceClient().users.list({ limit: "10" });

const seam = createSeamClient({ apiKey: "seam_example" });
// @ts-expect-error user_identity_id needs acs_system_id
void seam.acs.users.delete({ user_identity_id: "586c225c-b05c-4af4-8679-9c8a46066cce" });
// @ts-expect-error the body is one of two shapes
void seam.acs.users.delete({});
// @ts-expect-error token kinds cannot be mixed
createSeamClient({ apiKey: "seam_example", clientSessionToken: "seam_cst_example" });
// @ts-expect-error an API key has no workspace
createSeamClient({ apiKey: "seam_example", workspaceId: "ws" });

// @ts-expect-error build output is not a public entry
void import("vendor-api-clients/dist/index.js");
// @ts-expect-error generated code is not a public entry
void import("vendor-api-clients/generated/sequence/client.js");
