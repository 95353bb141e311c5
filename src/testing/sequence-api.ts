// The fake Sequence Account API: GET /users (cursor pagination), GET /users/{id}, DELETE /users/{id},
// with HTTP Basic auth and the Sequence-Version header handled as the vendor documents.
// GET /users honours every query parameter the spec declares (generated/sequence/client.ts): the
// cursor ones, and any that names a user field as an equality filter. Any other declared parameter
// stops the fake from starting, so a vendor change it does not follow fails its tests, not yours.
import type { IncomingHttpHeaders } from "node:http";
import { operations } from "../../generated/sequence/client.js";
import { checkSequenceAuth, type FakeSequenceCredentials } from "./credentials.js";
import { decodeCursor, paginate } from "./cursor.js";
import { errorReply, type Reply } from "./reply.js";
import type { FakeSequenceUser } from "./seed.js";

export interface SequenceRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

interface StoredUser {
  position: number;
  user: FakeSequenceUser;
}

const USER_PATH = /^\/users\/([^/]+)$/;
const PAGING_PARAMETERS = new Set(["limit", "after", "before"]);
// The user fields a listing can be filtered by: a value equal to the field (or, for a list of ids, one of them).
const FILTER_FIELDS = new Set<string>(["id", "email", "sequenceAccountIds", "state"] satisfies (keyof FakeSequenceUser)[]);

/** The query parameters the spec declares for GET /users. */
export const declaredListParameters: readonly string[] = Object.keys(operations.getUsers.params.query);

/** The declared parameters that filter the listing; throws, naming the operation and parameter, on one the fake cannot honour. */
export function listFilters(declared: readonly string[]): (keyof FakeSequenceUser)[] {
  const unknown = declared.filter((name) => !PAGING_PARAMETERS.has(name) && !FILTER_FIELDS.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `testing fake: the spec declares query parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `"${n}"`).join(", ")} ` +
        `for getUsers (GET /users), which the fake does not honour; teach src/testing/sequence-api.ts what ${unknown.length > 1 ? "they do" : "it does"}`,
    );
  }
  return declared.filter((name) => FILTER_FIELDS.has(name)) as (keyof FakeSequenceUser)[];
}

export function isSequencePath(path: string): boolean {
  return path === "/users" || USER_PATH.test(path);
}

export class FakeSequenceApi {
  #users: StoredUser[] = [];
  // By id, so seeding and lookups stay linear for the large listings the fake is used to test.
  #byId = new Map<string, StoredUser>();
  #nextPosition = 1;
  readonly #filters: (keyof FakeSequenceUser)[];

  constructor(
    readonly credentials: FakeSequenceCredentials,
    /** Known versions, oldest first; the last one answers requests without the header. */
    readonly versions: readonly string[],
    readonly defaultPageSize: number,
    /** The query parameters GET /users declares; default: the spec's. */
    listParameters: readonly string[] = declaredListParameters,
  ) {
    if (versions.length === 0) throw new RangeError("at least one Sequence-Version is needed");
    this.#filters = listFilters(listParameters);
  }

  load(users: readonly FakeSequenceUser[]): void {
    this.#users = [];
    this.#byId.clear();
    this.#nextPosition = 1;
    // Seeded users are the fake's own and never mutated, so they are stored as they are (their role
    // objects shared), which keeps a seed of a million users fast and small.
    for (const user of users) this.#store(user);
  }

  add(user: FakeSequenceUser): FakeSequenceUser {
    this.#store(structuredClone(user));
    return structuredClone(user);
  }

  #store(user: FakeSequenceUser): void {
    if (this.#byId.has(user.id)) throw new Error(`a user with id ${user.id} already exists`);
    const stored = { position: this.#nextPosition++, user };
    this.#users.push(stored);
    this.#byId.set(user.id, stored);
  }

  users(): FakeSequenceUser[] {
    return this.#users.map((u) => structuredClone(u.user));
  }

  user(id: string): FakeSequenceUser | undefined {
    const found = this.#byId.get(id);
    return found && structuredClone(found.user);
  }

  handle(request: SequenceRequest): Reply {
    const requested = headerValue(request.headers["sequence-version"]);
    const version = requested ?? (this.versions[this.versions.length - 1] as string);
    const echo = { "sequence-version": version };

    const auth = checkSequenceAuth(request.headers, this.credentials);
    if (!auth.ok) return errorReply(401, "Unauthorized", auth.reason, { ...echo, "www-authenticate": 'Basic realm="Sequence"' });
    if (!this.versions.includes(version)) {
      return errorReply(400, "UnrecognisedApiVersion", `Unrecognised API version '${version}'. Known versions: ${this.versions.join(", ")}`, echo);
    }

    const reply = this.#route(request);
    return { ...reply, headers: { ...echo, ...reply.headers }, auth: auth.kind };
  }

  #route({ method, path, query }: SequenceRequest): Reply {
    if (path === "/users") {
      if (method !== "GET") return errorReply(405, "MethodNotAllowed", `${method} is not allowed on /users`, { allow: "GET" });
      return this.#list(query);
    }
    const raw = USER_PATH.exec(path)?.[1] as string;
    let id: string;
    try {
      id = decodeURIComponent(raw);
    } catch {
      return errorReply(400, "BadRequest", "Malformed user id");
    }
    const found = this.#byId.get(id);
    if (method === "GET") {
      return found ? { status: 200, body: found.user } : errorReply(404, "NotFound", `User '${id}' not found`);
    }
    if (method === "DELETE") {
      if (!found) return errorReply(404, "NotFound", `User '${id}' not found`);
      this.#users.splice(this.#users.indexOf(found), 1);
      this.#byId.delete(id);
      return { status: 200, body: { ...found.user, state: "deleted" } };
    }
    return errorReply(405, "MethodNotAllowed", `${method} is not allowed on /users/{id}`, { allow: "GET, DELETE" });
  }

  #list(query: URLSearchParams): Reply {
    const rawLimit = query.get("limit");
    const limit = rawLimit === null ? this.defaultPageSize : /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= 100)) return errorReply(400, "ValidationError", "limit must be an integer between 1 and 100");
    const after = query.get("after") ?? undefined;
    const before = query.get("before") ?? undefined;
    if (after !== undefined && before !== undefined) return errorReply(400, "ValidationError", "Pass either after or before, not both");
    for (const [name, cursor] of [["after", after], ["before", before]] as const) {
      if (cursor !== undefined && decodeCursor(cursor) === undefined) return errorReply(400, "ValidationError", `Invalid ${name} cursor`);
    }
    const wanted = this.#filters.flatMap((field) => query.getAll(field).map((value) => ({ field, value })));
    const matching = wanted.length === 0 ? this.#users : this.#users.filter(({ user }) => wanted.every(({ field, value }) => matches(user[field], value)));
    const page = paginate(matching, { limit, after, before });
    return {
      status: 200,
      body: {
        items: page.items.map((u) => u.user),
        pagination: { after: page.after, before: page.before, totalResultSize: matching.length },
      },
    };
  }
}

function matches(field: unknown, value: string): boolean {
  return Array.isArray(field) ? field.includes(value) : field === value;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
