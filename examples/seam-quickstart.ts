// Seam quickstart: delete an access system user by id, or by user identity and access system.
//   npm run example:seam                                              → against a local Prism mock
//   SEAM_API_KEY=seam_… SEAM_ENDPOINT=https://connect.getseam.com npm run example:seam
import { ApiError, AuthenticationError, createSeamClient, ValidationError } from "vendor-api-clients";
import { startMock } from "./start-mock.js";

const mock = process.env.SEAM_ENDPOINT ? undefined : await startMock("seam");
try {
  const seam = mock
    ? createSeamClient({ apiKey: "seam_demo_key", endpoint: mock.url, maxRetries: 2 })
    : createSeamClient({ maxRetries: 2 }); // SEAM_API_KEY and SEAM_ENDPOINT from the environment

  const byId = await seam.acs.users.delete({ acs_user_id: "5d3b6b36-4a0b-4b0a-9f55-3f0c7c7bb3a1" });
  console.log(`deleted by acs_user_id: ok=${byId.ok}`);

  const byIdentity = await seam.acs.users.delete({
    user_identity_id: "586c225c-b05c-4af4-8679-9c8a46066cce",
    acs_system_id: "9f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f",
  });
  console.log(`deleted by user identity in one access system: ok=${byIdentity.ok}`);

  // A body that is neither shape is refused before any request.
  try {
    await seam.acs.users.delete({ acs_user_id: "not-a-uuid" });
  } catch (error) {
    if (error instanceof ValidationError) console.log(`refused before sending: ${error.message}`);
  }

  // Wrong token kinds are caught at construction, with a specific message.
  try {
    createSeamClient({ apiKey: "seam_at1_personal_access_token" });
  } catch (error) {
    if (error instanceof ValidationError) console.log(`construction refused: ${error.message}`);
  }
} catch (error) {
  if (error instanceof AuthenticationError) console.error(`check SEAM_API_KEY: ${error.message}`);
  else if (ApiError.isApiError(error)) console.error(`${error.name}: ${error.message}`);
  throw error;
} finally {
  mock?.stop();
}
