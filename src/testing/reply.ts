// What a route handler answers; the server turns it into an HTTP response.

export interface Reply {
  status: number;
  /** Serialised as JSON unless it is a string. */
  body?: unknown;
  /** Sent as it is instead of serialising `body` (a JSON string, or a body in another media type). */
  text?: string;
  headers?: Record<string, string>;
  /** How the request authenticated, for the request log (never sent). */
  auth?: string;
}

/** Both vendors shape errors as `{ error: { type, message } }`. */
export function errorReply(status: number, type: string, message: string, headers?: Record<string, string>): Reply {
  return { status, body: { error: { type, message } }, ...(headers ? { headers } : {}) };
}
