// The fetch the raw openapi-fetch clients are given: the client's transport, with what it received
// turned back into a Response for openapi-fetch to read.
import type { CallOptions, Received, Transport } from "./transport.js";

/** A Response with the status, status text, headers and bytes the transport received. */
export function toResponse({ status, statusText, headers, body }: Received): Response {
  // one chunk (most bodies) is passed as it is: a Blob costs more per call than it saves in copying
  const bytes = body && (body.length === 1 ? body[0]! : new Blob([...body]));
  return new Response(bytes, { status, statusText, headers });
}

/**
 * fetch for openapi-fetch. The Request's body is read once into bytes that every attempt sends again
 * (fetch keeps everything else the Request holds); its `signal` goes to the transport, so an abort
 * stops retries too.
 */
export function rawFetch(transport: Transport, call?: CallOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    return toResponse(await transport(request, { method: request.method, body }, { signal: request.signal, ...call }));
  };
}
