// The example page's script: a browser app deleting an access-system user with a Seam client
// session token (the token kind meant for browsers). esbuild bundles it in test/browser.test.ts.
// Sequence is absent on purpose: its Basic credentials are account secrets and belong on servers.
import { ApiError, AuthenticationError, createSeamClient, NotFoundError, ValidationError } from "vendor-api-clients/seam";

export interface DemoResult {
  ok?: boolean;
  /** `kind` comes from instanceof; `name` is what error.name says after minification. */
  error?: { kind: string; name: string; status: number | undefined; message: string };
}

async function deleteAcsUser(endpoint: string, clientSessionToken: string, acsUserId: string): Promise<DemoResult> {
  const output = document.querySelector("#result") as HTMLElement;
  try {
    const seam = createSeamClient({ endpoint, clientSessionToken, maxRetries: 0 });
    const { ok } = await seam.acs.users.delete({ acs_user_id: acsUserId });
    output.textContent = `Deleted ${acsUserId}: ok=${ok}`;
    return { ok };
  } catch (error) {
    if (!ApiError.isApiError(error)) throw error;
    output.textContent = `${error.name}: ${error.message}`;
    const kind =
      error instanceof AuthenticationError ? "AuthenticationError"
      : error instanceof NotFoundError ? "NotFoundError"
      : error instanceof ValidationError ? "ValidationError"
      : "ApiError";
    return { error: { kind, name: error.name, status: error.status, message: error.message } };
  }
}

Object.assign(globalThis, { demo: { deleteAcsUser } });
(document.querySelector("#status") as HTMLElement).textContent = "ready";
