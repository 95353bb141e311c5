// Seed data for the fake: Sequence users whose roles come from the spec's role table, and Seam
// access-system users. Everything derives from one seed, so runs are reproducible.
import { roleNames, roles, type RoleName } from "../../generated/sequence/roles.js";
import type { components as SequenceComponents } from "../../generated/sequence/types.js";
import { createRandom, type Random } from "./random.js";

export type FakeSequenceUser = SequenceComponents["schemas"]["SequenceUserResponse"];
export type FakeRole = SequenceComponents["schemas"]["Role"];

/** What a test may say about a user it adds; the rest is filled in from the seed. */
export interface FakeSequenceUserInput {
  id?: string;
  email?: string;
  sequenceAccountIds?: string[];
  state?: string;
  roles?: RoleName[];
}

/** An access-system user in the fake Seam workspace. */
export interface FakeAcsUser {
  acs_user_id: string;
  acs_system_id: string;
  user_identity_id: string;
  email_address: string;
}

const FIRST = ["ada", "grace", "alan", "edsger", "barbara", "ken", "margaret", "linus", "radia", "donald"];
const LAST = ["lovelace", "hopper", "turing", "dijkstra", "liskov", "thompson", "hamilton", "torvalds", "perlman", "knuth"];

const roleObjects = new Map<RoleName, FakeRole>();

/** A role object exactly as the API returns it: every resource the role covers, with its actions. */
export function roleFromTable(roleName: RoleName): FakeRole {
  const table: Record<string, readonly string[]> = roles[roleName];
  return {
    roleName,
    permissions: Object.entries(table).map(([resource, actions]) => ({
      resource: resource as FakeRole["permissions"][number]["resource"],
      actions: [...actions] as FakeRole["permissions"][number]["actions"],
    })),
  };
}

export function makeSequenceUser(random: Random, index: number, accountIds: readonly string[], input: FakeSequenceUserInput = {}): FakeSequenceUser {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const roleCount = 1 + random.int(2);
  const picked = input.roles ?? [...new Set(Array.from({ length: roleCount }, () => random.pick(roleNames)))];
  return {
    id: input.id ?? random.uuid(),
    email: input.email ?? `${first}.${last}.${index}@example.com`,
    sequenceAccountIds: input.sequenceAccountIds ?? [random.pick(accountIds)],
    state: input.state ?? "active",
    // one object per role name, shared by every seeded user that has it (the fake never mutates them)
    roles: picked.map((name) => roleObjects.get(name) ?? roleObjects.set(name, roleFromTable(name)).get(name)!),
  };
}

export interface SeedOptions {
  seed: number | string;
  /** How many Sequence users, or the exact users to start with. */
  users: number | FakeSequenceUserInput[];
  /** How many Seam access-system users. */
  acsUsers: number;
}

export interface SeedData {
  random: Random;
  accountIds: string[];
  sequenceUsers: FakeSequenceUser[];
  acsUsers: FakeAcsUser[];
}

export function seed(options: SeedOptions): SeedData {
  const random = createRandom(options.seed);
  const accountIds = [random.uuid(), random.uuid()];
  const inputs = typeof options.users === "number" ? Array.from({ length: options.users }, () => ({})) : options.users;
  const sequenceUsers = inputs.map((input, i) => makeSequenceUser(random, i + 1, accountIds, input));
  const systems = [random.uuid(), random.uuid()];
  const acsUsers = Array.from({ length: options.acsUsers }, (_, i) => ({
    acs_user_id: random.uuid(),
    acs_system_id: systems[i % systems.length] as string,
    user_identity_id: random.uuid(),
    email_address: `${random.pick(FIRST)}.${i + 1}@example.com`,
  }));
  return { random, accountIds, sequenceUsers, acsUsers };
}
