// Seam quickstart: delete an access system user by id, or by user identity and access system, and
// handle what can go wrong: a typed 404, a body refused before sending, a wrong token kind.
//   npm run example:seam                                                          → against the package's own fake
//   SEAM_API_KEY=seam_… SEAM_ENDPOINT=https://connect.getseam.com SEAM_ACS_USER_ID=… npm run example:seam
import { ApiError, AuthenticationError, createSeamClient, NotFoundError, ValidationError, type SeamAcsUserDeleteBody } from "vendor-api-clients";
import { startFakeServer } from "vendor-api-clients/testing";

const real = process.env.SEAM_ENDPOINT;
const fake = real ? undefined : await startFakeServer({ acsUsers: 3 });
/** Requests the fake has seen (a real server has no such log). */
const sent = () => (fake ? ` (requests so far: ${fake.requests.length})` : "");
try {
  // the fake's endpoint and an API key it accepts; for a real server, SEAM_API_KEY and SEAM_ENDPOINT
  const seam = createSeamClient({ ...(fake ? fake.seamClientOptions("apiKey") : {}), maxRetries: 2 });

  const [first, second] = fake ? fake.seam.acsUsers() : [];
  const acsUserId = first?.acs_user_id ?? process.env.SEAM_ACS_USER_ID;
  if (!acsUserId) throw new Error("set SEAM_ACS_USER_ID to an access system user you may delete");
  const byId = await seam.acs.users.delete({ acs_user_id: acsUserId });
  console.log(`deleted by acs_user_id: ok=${byId.ok}${sent()}`);

  if (second) {
    const byIdentity = await seam.acs.users.delete({ user_identity_id: second.user_identity_id, acs_system_id: second.acs_system_id });
    console.log(`deleted by user identity in one access system: ok=${byIdentity.ok}${sent()}`);
  }

  // A user that is gone: a typed NotFoundError, with the status and Seam's request id.
  try {
    await seam.acs.users.delete({ acs_user_id: acsUserId });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.log(`deleted again → NotFoundError ${error.status}: ${error.message}`);
  }

  // An id in another format is sent as it is (Seam decides what an id is), and is not found there.
  try {
    await seam.acs.users.delete({ acs_user_id: "not-a-uuid" });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.log(`an id that is not a UUID is sent, and answered NotFoundError ${error.status}${sent()}`);
  }

  // A body that is neither shape the spec allows is refused before any request: nothing is sent.
  const before = fake?.requests.length;
  try {
    const both = { acs_user_id: acsUserId, user_identity_id: "586c225c-b05c-4af4-8679-9c8a46066cce", acs_system_id: "9f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f" };
    await seam.acs.users.delete(both as unknown as SeamAcsUserDeleteBody); // the types refuse it too
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const nothing = fake ? `, ${fake.requests.length - before!} requests sent` : "";
    console.log(`refused before sending: ${error.message}${nothing}`);
  }

  // Wrong token kinds are caught at construction, with a specific message.
  try {
    createSeamClient({ apiKey: "seam_at1_personal_access_token" });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.log(`construction refused: ${error.message}`);
  }
} catch (error) {
  if (error instanceof AuthenticationError) console.error(`check SEAM_API_KEY: ${error.message}`);
  else if (ApiError.isApiError(error)) console.error(`${error.name}: ${error.message}`);
  throw error;
} finally {
  await fake?.close();
}
