// @ts-check
// Sequence publishes its role → permission table only as the `enum` of the Role schema: one
// JSON-encoded string per role (a schema defect that overlay.yaml removes). This pulls the table out
// of the merged *upstream* document, before the overlay runs, so the data always comes from the
// vendor. It then checks that the overlay's RoleName/Resource/Action enums still cover it exactly.
import { GenerateError } from "./errors.mjs";

/** @typedef {{ schema: string, roles: Record<string, Record<string, string[]>>, resources: string[], actions: string[] }} RoleTable */

/**
 * Finds a schema whose enum is JSON `{ roleName, permissions: [{ resource, actions }] }` strings.
 * @param {Record<string, any>} upstream  merged document before the overlay
 * @returns {RoleTable | null}
 */
export function extractRoleTable(upstream) {
  for (const [name, schema] of Object.entries(upstream.components?.schemas ?? {})) {
    const values = schema?.enum;
    if (!Array.isArray(values) || values.length === 0) continue;
    const parsed = values.map(parseRole);
    if (parsed.some((r) => r === null)) continue;
    /** @type {RoleTable} */
    const table = { schema: name, roles: {}, resources: [], actions: [] };
    for (const role of /** @type {NonNullable<ReturnType<typeof parseRole>>[]} */ (parsed)) {
      const perms = (table.roles[role.roleName] = /** @type {Record<string, string[]>} */ ({}));
      for (const { resource, actions } of role.permissions) {
        perms[resource] = actions;
        if (!table.resources.includes(resource)) table.resources.push(resource);
        for (const a of actions) if (!table.actions.includes(a)) table.actions.push(a);
      }
    }
    return table;
  }
  return null;
}

/** @param {unknown} value */
function parseRole(value) {
  if (typeof value !== "string") return null;
  try {
    const role = JSON.parse(value);
    const ok =
      typeof role?.roleName === "string" &&
      Array.isArray(role.permissions) &&
      role.permissions.every((/** @type {any} */ p) => typeof p?.resource === "string" && Array.isArray(p.actions) && p.actions.every((/** @type {unknown} */ a) => typeof a === "string"));
    return ok ? /** @type {{ roleName: string, permissions: { resource: string, actions: string[] }[] }} */ (role) : null;
  } catch {
    return null;
  }
}

/**
 * The final Role schema must enumerate exactly the names, resources and actions of the table.
 * @param {RoleTable} table
 * @param {Record<string, any>} doc  final bundle
 * @param {string} overlay  for the message
 */
export function checkRoleEnums(table, doc, overlay) {
  /** @type {(s: any) => any} */
  const deref = (s) => (s?.$ref ? deref(doc.components.schemas[s.$ref.split("/").pop()]) : s);
  const role = deref(doc.components?.schemas?.[table.schema]);
  const permission = deref(role?.properties?.permissions?.items);
  const found = {
    roleName: deref(role?.properties?.roleName)?.enum,
    resource: deref(permission?.properties?.resource)?.enum,
    action: deref(deref(permission?.properties?.actions)?.items)?.enum,
  };
  const want = { roleName: Object.keys(table.roles), resource: table.resources, action: table.actions };
  const details = [];
  for (const key of /** @type {const} */ (["roleName", "resource", "action"])) {
    const have = new Set(found[key] ?? []);
    const missing = want[key].filter((v) => !have.delete(v));
    if (missing.length) details.push(`${key}: upstream has ${missing.join(", ")}, the overlay's enum does not`);
    if (have.size) details.push(`${key}: the overlay's enum has ${[...have].join(", ")}, upstream does not`);
  }
  if (details.length) {
    throw new GenerateError(`the ${table.schema} enums no longer match the upstream role table`, { file: overlay, rule: "role-table", details });
  }
}

/**
 * @param {RoleTable} table
 * @param {string} header
 */
export function emitRoles(table, header) {
  const json = (/** @type {unknown} */ v) => JSON.stringify(v, null, 2);
  /** @type {Record<string, string[]>} */
  const byResource = {};
  for (const resource of table.resources) {
    byResource[resource] = table.actions.filter((a) => Object.values(table.roles).some((p) => p[resource]?.includes(a)));
  }
  return `${header}
/** Each role's actions per resource, from the ${table.schema} schema's upstream enum. */
export const roles = ${json(table.roles)} as const;

export type RoleName = keyof typeof roles;
export const roleNames = ${json(Object.keys(table.roles))} as const satisfies readonly RoleName[];

/** Every resource that some role has a permission on. */
export const resources = ${json(table.resources)} as const;
export type Resource = (typeof resources)[number];

/** Every action that some role may take on some resource. */
export const actions = ${json(table.actions)} as const;
export type Action = (typeof actions)[number];

/** For each resource, the actions at least one role may take on it. */
export const resourceActions = ${json(byResource)} as const satisfies Record<Resource, readonly Action[]>;
export type ActionOn<R extends Resource> = (typeof resourceActions)[R][number];
`;
}
