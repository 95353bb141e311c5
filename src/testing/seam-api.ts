// The fake Seam Connect API: POST /acs/users/delete with the bearer auth of each token kind and the
// request body checked against the spec's oneOf ({acs_user_id} | {user_identity_id, acs_system_id}).
import type { IncomingHttpHeaders } from "node:http";
import { checkSeamAuth, type FakeSeamCredentials } from "./credentials.js";
import { errorReply, type Reply } from "./reply.js";
import type { FakeAcsUser } from "./seed.js";

export interface SeamRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; `invalidJson` when the body did not parse. */
  body: unknown;
  invalidJson: boolean;
}

const DELETE_PATH = "/acs/users/delete";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_FIELDS = ["acs_user_id", "user_identity_id", "acs_system_id"] as const;

export function isSeamPath(path: string): boolean {
  return path.startsWith("/acs/");
}

type DeleteTarget = { acs_user_id: string } | { user_identity_id: string; acs_system_id: string };

/** The spec's schema: each id, when present, is a uuid string, and exactly one oneOf branch holds. */
export function parseDeleteBody(body: unknown): DeleteTarget | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "Body must be a JSON object";
  const fields = body as Record<string, unknown>;
  for (const name of ID_FIELDS) {
    const value = fields[name];
    if (value !== undefined && !(typeof value === "string" && UUID.test(value))) return `${name} must be a UUID string`;
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
    if (request.path !== DELETE_PATH) return errorReply(404, "not_found", `No route for ${request.path}`);
    // Checked before auth, as Seam does for an unsupported method.
    if (request.method !== "POST") return errorReply(405, "method_not_allowed", `${request.method} is not allowed`, { allow: "POST" });
    const auth = checkSeamAuth(request.headers, this.credentials);
    if (!auth.ok) return errorReply(401, "unauthorized", auth.reason);
    return { ...this.#delete(request), auth: auth.kind };
  }

  #delete(request: SeamRequest): Reply {
    if (request.invalidJson) return errorReply(400, "invalid_input", "Body is not valid JSON");
    const target = parseDeleteBody(request.body);
    if (typeof target === "string") return errorReply(400, "invalid_input", target);
    const index = this.#acsUsers.findIndex((u) =>
      "acs_user_id" in target
        ? u.acs_user_id === target.acs_user_id
        : u.user_identity_id === target.user_identity_id && u.acs_system_id === target.acs_system_id,
    );
    if (index < 0) return errorReply(404, "acs_user_not_found", "ACS user not found");
    this.#acsUsers.splice(index, 1);
    return { status: 200, body: { ok: true } };
  }
}
