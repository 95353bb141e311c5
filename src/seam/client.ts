import * as operations from "../../generated/seam/operations.js";
import type { paths } from "../../generated/seam/types.js";
import { noParams } from "../runtime/no-params.js";
import { createRequester, type OperationOf, type ResponseData } from "../runtime/request.js";
import type { Plainly } from "../runtime/request-params.js";
import { checkSeamAcsUserDeleteBody, type SeamAcsUserDeleteBody } from "./body.js";
import { seamConnection, type SeamClientOptions } from "./options.js";
import type { CallOptions } from "../runtime/transport.js";

export { defaultSeamEndpoint, type SeamClientOptions } from "./options.js";

export type SeamRequestOptions = Omit<CallOptions, "path">;

/** What `acs.users.delete` resolves to: the spec's 200 body. */
// The operations this facade calls must stay within what its plain request path sends as the spec
// says (JSON body and response, no parameters): a vendor change that leaves it fails to compile here.
export type SeamOperations = Plainly<Pick<typeof operations, "acsUsersDeletePost">>;

export type SeamAcsUserDeleteResult = ResponseData<OperationOf<paths, typeof operations.acsUsersDeletePost>>;

export interface SeamClient {
  acs: {
    users: {
      /**
       * Deletes an access system user.
       *
       * Retries: `{ acs_user_id }` is retried like an idempotent call (deleting the same user again
       * removes nothing more and never grants access; a retry after a lost success may answer 404).
       * `{ user_identity_id, acs_system_id }` is sent once: the pair is resolved to a user on each
       * request, so a replay could delete a user created in between. Override with `idempotent`.
       */
      delete(body: SeamAcsUserDeleteBody, options?: SeamRequestOptions): Promise<SeamAcsUserDeleteResult>;
    };
  };
}

export function createSeamClient(options: SeamClientOptions = {}): SeamClient {
  const request = createRequester<paths>({ ...seamConnection(options), encodeParams: noParams });
  return {
    acs: {
      users: {
        async delete(body, call = {}) {
          const op = operations.acsUsersDeletePost;
          const checked = checkSeamAcsUserDeleteBody(body, op);
          return request(op, { body: checked }, { ...call, idempotent: call.idempotent ?? checked.acs_user_id !== undefined });
        },
      },
    },
  };
}
