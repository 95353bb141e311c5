// The fetch the raw openapi-fetch clients are given: the client's transport, with what it received
// turned back into a Response for openapi-fetch to read.
import type { Received, Transport } from "./transport.js";

/** A Response with the status, status text, headers and bytes the transport received. */
export function toResponse({ status, statusText, headers, body }: Received): Response {
  // one chunk (most bodies) is passed as it is: a Blob costs more per call than it saves in copying
  const bytes = body && (body.length === 1 ? body[0]! : new Blob([...body]));
  return new Response(bytes, { status, statusText, headers });
}

/** fetch for openapi-fetch; `signal` from the request init goes to the transport, so an abort stops retries too. */
export function rawFetch(transport: Transport): (request: Request) => Promise<Response> {
  return async (request) => toResponse(await transport(request, { signal: request.signal }));
}
