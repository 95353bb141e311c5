// The typed openapi-fetch client for Sequence, for anything the facade does not wrap. Imported on
// its own, so an application that only uses the facade bundles none of openapi-fetch's client.
import { createRawClient, type RawClient } from "../../generated/sequence/client.js";
import { rawFetch } from "../runtime/raw-fetch.js";
import { sequenceConnection, type SequenceClientOptions } from "./options.js";

export type RawSequenceClient = RawClient;

/** openapi-fetch's client with the same options, auth, version header and transport as createSequenceClient. */
export function createRawSequenceClient(options: SequenceClientOptions = {}): RawSequenceClient {
  const { baseUrl, headers, transport, redact } = sequenceConnection(options);
  return createRawClient({ baseUrl, headers, fetch: rawFetch(transport, {}, redact) });
}
