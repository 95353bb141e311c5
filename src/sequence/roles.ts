// Hand-written lookups over the generated role table (generated/sequence/roles.ts).
// Typed so that unknown resources, or actions a resource never has, do not compile; at runtime,
// anything unknown (a role added upstream, a malformed user) is simply not allowed: false, never a throw.
import type { components } from "../../generated/sequence/types.js";
import { actions, resources, roleNames, roles, type Action, type ActionOn, type Resource, type RoleName } from "../../generated/sequence/roles.js";
import type { SequenceUser } from "./types.js";

export { actions, resources, roleNames, type Action, type ActionOn, type Resource, type RoleName };
export type Role = components["schemas"]["Role"];
export type Permission = components["schemas"]["Permission"];

/** Whose permissions to check: a user (its own roles from the response), role objects, or role names. */
export type RoleSubject = SequenceUser | Role | readonly Role[] | RoleName | readonly RoleName[];

const own = Object.hasOwn;

function tableAllows(roleName: unknown, resource: string, action: string): boolean {
  if (typeof roleName !== "string" || !own(roles, roleName)) return false;
  const byResource = roles[roleName as RoleName] as Record<string, readonly string[]>;
  return own(byResource, resource) && byResource[resource]!.includes(action);
}

function roleObjectAllows(role: unknown, resource: string, action: string): boolean {
  if (typeof role !== "object" || role === null) return false;
  const permissions = (role as { permissions?: unknown }).permissions;
  if (!Array.isArray(permissions)) return false;
  return permissions.some(
    (p: unknown) =>
      typeof p === "object" &&
      p !== null &&
      (p as { resource?: unknown }).resource === resource &&
      Array.isArray((p as { actions?: unknown }).actions) &&
      ((p as { actions: unknown[] }).actions).includes(action),
  );
}

function entryAllows(entry: unknown, resource: string, action: string): boolean {
  return typeof entry === "string" ? tableAllows(entry, resource, action) : roleObjectAllows(entry, resource, action);
}

/**
 * Whether `subject` may take `action` on `resource`. A user or role object is judged by the
 * permissions it carries (the response is the source of truth); a role name by the spec's table.
 * It does not look at a user's `state`: check that separately if deleted users matter to you.
 */
export function can<R extends Resource>(subject: RoleSubject, resource: R, action: ActionOn<R>): boolean {
  if (typeof resource !== "string" || typeof action !== "string") return false;
  if (typeof subject === "string") return tableAllows(subject, resource, action);
  if (Array.isArray(subject)) return subject.some((entry: unknown) => entryAllows(entry, resource, action));
  if (typeof subject !== "object" || subject === null) return false;
  const userRoles = (subject as { roles?: unknown }).roles;
  if (userRoles !== undefined) {
    return Array.isArray(userRoles) && userRoles.some((role: unknown) => roleObjectAllows(role, resource, action));
  }
  return roleObjectAllows(subject, resource, action);
}

/** The role's permissions from the spec's table, in the Permission shape; [] for an unknown role. */
export function permissionsOf(roleName: RoleName): Permission[] {
  if (typeof roleName !== "string" || !own(roles, roleName)) return [];
  return Object.entries(roles[roleName]).map(([resource, list]) => ({
    resource: resource as Resource,
    actions: [...(list as readonly Action[])],
  }));
}

/** Every role whose table entry allows `action` on `resource`; [] when none or unknown. */
export function rolesAllowing<R extends Resource>(resource: R, action: ActionOn<R>): RoleName[] {
  return roleNames.filter((name) => tableAllows(name, resource, action));
}
