import { createRawClient, operations, servers, type RawClient } from "../generated/seam/client.js";
import { checkBaseUrl, readEnv } from "./environments.js";
import { redactor } from "./redact.js";
import { toSeamOk } from "./response.js";
import { settle } from "./settle.js";
import { seamAuthHeaders, type SeamCredentials } from "./seam-auth.js";
import { createTransport, type CallOptions, type TransportOptions } from "./transport.js";
import { checkSeamAcsUserDeleteBody, type SeamAcsUserDeleteBody } from "./seam-body.js";

/** Seam's default endpoint: the spec's only server, also the official SDK's default. */
export const defaultSeamEndpoint: string = servers.default;

export type SeamClientOptions = SeamCredentials &
  TransportOptions & {
    /** Default: env SEAM_ENDPOINT, else https://connect.getseam.com. */
    endpoint?: string;
  };

export type SeamRequestOptions = Omit<CallOptions, "path">;

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
      delete(body: SeamAcsUserDeleteBody, options?: SeamRequestOptions): Promise<{ ok: boolean }>;
    };
  };
  /** The typed openapi-fetch client for Seam, with auth headers and transport applied. */
  raw: RawClient;
}

export function createSeamClient(options: SeamClientOptions = {}): SeamClient {
  const { apiKey, personalAccessToken, consoleSessionToken, clientSessionToken, workspaceId, endpoint, ...transportOptions } =
    options as SeamClientOptions & Record<string, unknown>;
  const { headers, secrets } = seamAuthHeaders({ apiKey, personalAccessToken, consoleSessionToken, clientSessionToken, workspaceId });
  const fromEnv = endpoint === undefined ? readEnv("SEAM_ENDPOINT") : undefined;
  const baseUrl = (endpoint ?? fromEnv) === undefined ? defaultSeamEndpoint : checkBaseUrl(endpoint ?? fromEnv, "endpoint", fromEnv && "SEAM_ENDPOINT");
  const transport = createTransport(transportOptions as TransportOptions);
  const redact = redactor(secrets);
  const raw = createRawClient({
    baseUrl,
    headers,
    fetch: (request: Request) => transport(request, { signal: request.signal }),
  });
  // The facade's call builds no Request of its own: fetch builds the one Request (see sequence-client.ts).
  const init = { method: operations.acsUsersDeletePost.method, headers: { ...headers, "content-type": "application/json" } };

  return {
    raw,
    acs: {
      users: {
        async delete(body, call = {}) {
          // method and path from the spec's operation table, so the call cannot drift from it
          const { method, path } = operations.acsUsersDeletePost;
          const checked = checkSeamAcsUserDeleteBody(body, { method, path });
          const idempotent = call.idempotent ?? checked.acs_user_id !== undefined;
          const pending = transport(baseUrl + path, { ...call, idempotent, path }, { ...init, body: JSON.stringify(checked) });
          return toSeamOk(...(await settle({ method, path, redact, signal: call.signal }, pending)));
        },
      },
    },
  };
}
