// The body of Seam's `POST /acs/users/delete`, checked before it is sent. Only the shape is checked:
// the server owns its id format (Seam's own fake issues ids like `acs_user9`), and answers 4xx itself.
import { fail, type Where } from "../runtime/validate.js";

/** Body of Seam's `POST /acs/users/delete`: exactly one of the two shapes the spec allows. */
export type SeamAcsUserDeleteBody =
  | { acs_user_id: string; user_identity_id?: never; acs_system_id?: never }
  | { user_identity_id: string; acs_system_id: string; acs_user_id?: never };

export function checkSeamAcsUserDeleteBody(body: unknown, where: Where): SeamAcsUserDeleteBody {
  const entries = body && typeof body === "object" && !Array.isArray(body) ? Object.entries(body).filter(([, v]) => v !== undefined) : [];
  const shape = entries.map(([k]) => k).sort().join();
  if (shape !== "acs_user_id" && shape !== "acs_system_id,user_identity_id") {
    fail("must be exactly { acs_user_id } or { user_identity_id, acs_system_id }", "body", where);
  }
  // ids travel in the JSON body (JSON.stringify escapes anything), so they cannot change the route
  for (const [key, value] of entries) if (typeof value !== "string") fail("must be a string", key, where);
  return body as SeamAcsUserDeleteBody;
}
