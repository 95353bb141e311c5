// The fake Seam Connect API: /acs/users/delete with the bearer auth of each token kind and the
// request checked against the spec's oneOf ({acs_user_id} | {user_identity_id, acs_system_id}).
// Where the spec is silent it answers as Seam's own fake (@seamapi/fake-seam-connect) does: DELETE
// with a query or POST with JSON, 400 invalid_content_type, 404 for any id it does not hold, and
// `ok` in every body.
import type { IncomingHttpHeaders } from "node:http";
import { checkSeamAuth, type FakeSeamCredentials } from "./credentials.js";
import { errorReply, type Reply } from "./reply.js";
import type { FakeAcsUser } from "./seed.js";

export interface SeamRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The query string; a DELETE carries its parameters here (Seam's SDK sends them so). */
  query?: URLSearchParams;
  /** Parsed JSON body; `invalidJson` when the body did not parse. */
  body: unknown;
  invalidJson: boolean;
}

const DELETE_PATH = "/acs/users/delete";
const ID_FIELDS = ["acs_user_id", "user_identity_id", "acs_system_id"] as const;

export function isSeamPath(path: string): boolean {
  return path.startsWith("/acs/");
}

type DeleteTarget = { acs_user_id: string } | { user_identity_id: string; acs_system_id: string };

/**
 * Exactly one oneOf branch of string ids. The spec's `format: uuid` is not enforced: like Seam's
 * fake, an id in another format is simply not found (404).
 */
export function parseDeleteBody(body: unknown): DeleteTarget | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "Body must be a JSON object";
  const fields = body as Record<string, unknown>;
  for (const name of ID_FIELDS) {
    const value = fields[name];
    if (value !== undefined && typeof value !== "string") return `${name} must be a string`;
  }
  const byUser = typeof fields.acs_user_id === "string";
  const byIdentity = typeof fields.user_identity_id === "string" && typeof fields.acs_system_id === "string";
  if (byUser === byIdentity) {
    return byUser
      ? "Pass either acs_user_id or user_identity_id with acs_system_id, not both"
      : "Pass acs_user_id, or user_identity_id together with acs_system_id";
  }
  return byUser
    ? { acs_user_id: fields.acs_user_id as string }
    : { user_identity_id: fields.user_identity_id as string, acs_system_id: fields.acs_system_id as string };
}

export class FakeSeamApi {
  #acsUsers: FakeAcsUser[] = [];

  constructor(readonly credentials: FakeSeamCredentials) {}

  load(users: readonly FakeAcsUser[]): void {
    this.#acsUsers = users.map((u) => ({ ...u }));
  }

  acsUsers(): FakeAcsUser[] {
    return this.#acsUsers.map((u) => ({ ...u }));
  }

  handle(request: SeamRequest): Reply {
    if (request.path !== DELETE_PATH) return seamError(404, "not_found", `No route for ${request.path}`);
    // Checked before auth, as Seam does for an unsupported method.
    if (request.method !== "POST" && request.method !== "DELETE") {
      return seamError(405, "method_not_allowed", `${request.method} is not allowed`, { allow: "POST, DELETE" });
    }
    const auth = checkSeamAuth(request.headers, this.credentials);
    if (!auth.ok) return seamError(401, "unauthorized", auth.reason);
    return { ...this.#delete(request), auth: auth.kind };
  }

  #delete(request: SeamRequest): Reply {
    let params: unknown = request.body;
    if (request.method === "DELETE") {
      // `_strict` is the SDK's flag for unknown-parameter checks, not a parameter of the call
      params = Object.fromEntries([...(request.query ?? [])].filter(([key]) => key !== "_strict"));
    } else if (request.body !== undefined && !String(request.headers["content-type"] ?? "").includes("application/json")) {
      return seamError(400, "invalid_content_type", `${request.method} requests must have Content-Type header with "application/json"`);
    }
    if (request.invalidJson) return seamError(400, "invalid_input", "Body is not valid JSON");
    const target = parseDeleteBody(params);
    if (typeof target === "string") return seamError(400, "invalid_input", target);
    const index = this.#acsUsers.findIndex((u) =>
      "acs_user_id" in target
        ? u.acs_user_id === target.acs_user_id
        : u.user_identity_id === target.user_identity_id && u.acs_system_id === target.acs_system_id,
    );
    if (index < 0) return seamError(404, "acs_user_not_found", "ACS user not found");
    this.#acsUsers.splice(index, 1);
    return { status: 200, body: { ok: true } };
  }
}

/** Seam's error envelope: `{ error: { type, message }, ok: false }`. */
function seamError(status: number, type: string, message: string, headers?: Record<string, string>): Reply {
  const reply = errorReply(status, type, message, headers);
  return { ...reply, body: { ...(reply.body as object), ok: false } };
}
