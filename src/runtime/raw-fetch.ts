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
 * A non-2xx, which openapi-fetch hands back as `error` and `response`, with every secret removed:
 * from header values (a request id that echoes one), and from the body as the facade's errors show
 * it (src/runtime/settle.ts): JSON written out again by JSON.stringify, so no escape the server picked
 * (`\u0053`, `\/`, surrogate pairs) survives, other text as it is.
 */
async function redactedError(received: Received, redact: (text: string) => string): Promise<Response> {
  let shown = await toResponse(received).text();
  try {
    shown = JSON.stringify(JSON.parse(shown));
  } catch (error) {
    // not JSON (a SyntaxError): redacted as it is; JSON too deep to write out again: nothing, rather than the server's spelling
    if (!(error instanceof SyntaxError)) shown = "";
  }
  const { status, statusText, headers } = received;
  return new Response(redact(shown), { status, statusText, headers: [...headers].map(([name, value]): [string, string] => [name, redact(value)]) });
}

/**
 * fetch for openapi-fetch. The Request's body is read once into bytes that every attempt sends again
 * (fetch keeps everything else the Request holds); its `signal` goes to the transport, so an abort
 * stops retries too. With `redact`, a non-2xx comes back with the credentials removed.
 */
export function rawFetch(transport: Transport, call?: CallOptions, redact?: (text: string) => string): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    const received = await transport(request, { method: request.method, body }, { signal: request.signal, ...call });
    return redact && received.status > 299 && received.body ? redactedError(received, redact) : toResponse(received);
  };
}
