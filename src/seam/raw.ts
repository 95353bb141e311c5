// The typed openapi-fetch client for Seam, for anything the facade does not wrap. Imported on its
// own, so an application that only uses the facade bundles none of openapi-fetch's client.
import { createRawClient, type RawClient } from "../../generated/seam/client.js";
import { rawFetch } from "../runtime/raw-fetch.js";
import { seamConnection, type SeamClientOptions } from "./options.js";

export type RawSeamClient = RawClient;

/** openapi-fetch's client with the same options, auth headers and transport as createSeamClient. */
export function createRawSeamClient(options: SeamClientOptions = {}): RawSeamClient {
  const { baseUrl, headers, transport, redact } = seamConnection(options);
  return createRawClient({ baseUrl, headers, fetch: rawFetch(transport, {}, redact) });
}
