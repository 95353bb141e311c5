// @ts-check
// Sequence publishes its role → permission table only as the `enum` of the Role schema: one
// JSON-encoded string per role (a schema defect that overlay.yaml removes). This pulls the table out
// of the merged *upstream* document, before the overlay runs, so the data always comes from the
// vendor, then fills the enums of the schemas the overlay marks `x-role-table` from it. When upstream
// stops carrying the table, an authored one (specs/<api>/authored/role-table.yaml) takes its place.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { GenerateError } from "./errors.mjs";
import { tsLiteral } from "./ts-literal.mjs";

/** @typedef {{ source: string, roles: Record<string, Record<string, string[]>>, resources: string[], actions: string[] }} RoleTable */

/**
 * @param {{ roleName: string, permissions: { resource: string, actions: string[] }[] }[]} list
 * @param {string} source  where the table came from, for roles.ts
 * @returns {RoleTable}
 */
function tableFrom(list, source) {
  /** @type {RoleTable} */
  const table = { source, roles: {}, resources: [], actions: [] };
  for (const role of list) {
    const perms = (table.roles[role.roleName] = /** @type {Record<string, string[]>} */ ({}));
    for (const { resource, actions } of role.permissions) {
      perms[resource] = actions;
      if (!table.resources.includes(resource)) table.resources.push(resource);
      for (const a of actions) if (!table.actions.includes(a)) table.actions.push(a);
    }
  }
  return table;
}

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
    return tableFrom(/** @type {NonNullable<ReturnType<typeof parseRole>>[]} */ (parsed), `the ${name} schema's upstream enum`);
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

/** Where an authored role table lives, for when upstream stops publishing one. */
export const AUTHORED_ROLE_TABLE = "authored/role-table.yaml";

/**
 * The role table written by hand in specs/<api>/authored/role-table.yaml, or null when there is none.
 * Used only when upstream no longer carries the table (see README, "Role table").
 * @param {string} root  project root
 * @param {string} dir   specs/<api>
 * @returns {RoleTable | null}
 */
export function readAuthoredRoleTable(root, dir) {
  const file = join(dir, AUTHORED_ROLE_TABLE);
  if (!existsSync(join(root, file))) return null;
  /** @type {any} */
  let data;
  try {
    data = parseYaml(readFileSync(join(root, file), "utf8"));
  } catch (error) {
    throw new GenerateError(`cannot read the authored role table: ${/** @type {Error} */ (error).message}`, { file, rule: "role-table" });
  }
  const roles = data?.roles;
  const valid =
    roles && typeof roles === "object" && Object.keys(roles).length > 0 &&
    Object.values(roles).every((perms) => perms && typeof perms === "object" && Object.values(perms).every((a) => Array.isArray(a) && a.every((x) => typeof x === "string")));
  if (!valid) throw new GenerateError("the authored role table must be `roles: { <roleName>: { <resource>: [<action>, …] } }`", { file, rule: "role-table" });
  return tableFrom(
    Object.entries(roles).map(([roleName, perms]) => ({ roleName, permissions: Object.entries(/** @type {Record<string, string[]>} */ (perms)).map(([resource, actions]) => ({ resource, actions })) })),
    `${file} (authored)`,
  );
}

/** Which vocabulary a schema marked `x-role-table` enumerates. */
const VOCABULARIES = /** @type {const} */ (["roleName", "resource", "action"]);

/**
 * Fills the enums of the schemas the overlay marks `x-role-table: roleName | resource | action` from
 * the table, so a role, resource or action added upstream needs no overlay edit. Fails when schemas
 * are marked but there is no table: upstream stopped publishing it (or changed its shape).
 * @param {RoleTable | null} table
 * @param {Record<string, any>} doc  final bundle, changed in place
 * @param {{ dir: string, overlay?: string }} api
 */
export function applyRoleVocabularies(table, doc, api) {
  const marked = Object.entries(doc.components?.schemas ?? {}).filter(([, s]) => s && typeof s === "object" && "x-role-table" in s);
  if (marked.length === 0) return;
  const file = api.overlay ?? api.dir;
  if (!table) {
    throw new GenerateError(`${marked.map(([n]) => n).join(", ")} take their values from the role table, but there is none`, {
      file,
      rule: "role-table",
      details: [
        "upstream no longer carries the role table as JSON strings in a schema's enum (it was removed, or changed shape)",
        `write the table by hand in ${join(api.dir, AUTHORED_ROLE_TABLE)} (see README, "Role table"), or drop the x-role-table markers and roles.ts's users`,
      ],
    });
  }
  const values = { roleName: Object.keys(table.roles), resource: table.resources, action: table.actions };
  for (const [name, schema] of marked) {
    const kind = schema["x-role-table"];
    if (!VOCABULARIES.includes(kind)) {
      throw new GenerateError(`${name}: x-role-table is ${JSON.stringify(kind)}, but must be one of ${VOCABULARIES.join(", ")}`, { file, rule: "role-table" });
    }
    // A hand-copied enum beside the marker is the drift this marker exists to prevent.
    if ("enum" in schema) {
      throw new GenerateError(`${name}: has a hand-written enum and an x-role-table marker`, {
        file,
        rule: "role-table",
        details: [`the marker fills ${name}'s enum from the role table; delete the enum from the overlay`],
      });
    }
    delete schema["x-role-table"];
    schema.enum = [.../** @type {string[]} */ (values[/** @type {typeof VOCABULARIES[number]} */ (kind)])];
  }
}

/**
 * @param {RoleTable} table
 * @param {string} header
 */
export function emitRoles(table, header) {
  /** `export const name = <literal><suffix>`, laid out as prettier would. @param {string} name @param {unknown} v @param {string} suffix */
  const declare = (name, v, suffix) => `export const ${name} = ${tsLiteral(v, { column: `export const ${name} = `.length, suffix })}${suffix}`;
  /** @type {Record<string, string[]>} */
  const byResource = {};
  for (const resource of table.resources) {
    byResource[resource] = table.actions.filter((a) => Object.values(table.roles).some((p) => p[resource]?.includes(a)));
  }
  return `${header}
/** Each role's actions per resource, from ${table.source}. */
${declare("roles", table.roles, " as const;")}

export type RoleName = keyof typeof roles;
${declare("roleNames", Object.keys(table.roles), " as const satisfies readonly RoleName[];")}

/** Every resource that some role has a permission on. */
${declare("resources", table.resources, " as const;")}
export type Resource = (typeof resources)[number];

/** Every action that some role may take on some resource. */
${declare("actions", table.actions, " as const;")}
export type Action = (typeof actions)[number];

/** For each resource, the actions at least one role may take on it. */
${declare("resourceActions", byResource, " as const satisfies Record<Resource, readonly Action[]>;")}
export type ActionOn<R extends Resource> = (typeof resourceActions)[R][number];
`;
}

/**
 * The API's role table: upstream's, else the authored one. Never silently none when the API had
 * one: generated/<api>/roles.ts existing without a table to write fails the run.
 * @param {Record<string, any>} upstream  merged document before the overlay
 * @param {string} root
 * @param {{ dir: string, output: string }} api
 * @returns {RoleTable | null}
 */
export function resolveRoleTable(upstream, root, api) {
  const fromUpstream = extractRoleTable(upstream);
  const authored = readAuthoredRoleTable(root, api.dir);
  if (fromUpstream && authored) {
    throw new GenerateError("upstream carries a role table again, and so does the authored file", {
      file: join(api.dir, AUTHORED_ROLE_TABLE),
      rule: "role-table",
      details: [`compare the two, then delete ${join(api.dir, AUTHORED_ROLE_TABLE)} so the vendor's table is used`],
    });
  }
  const table = fromUpstream ?? authored;
  if (!table && existsSync(join(root, api.output, "roles.ts"))) {
    throw new GenerateError(`${api.output}/roles.ts would be dropped: upstream no longer carries the role table`, {
      file: api.dir,
      rule: "role-table",
      details: [
        "upstream's role enum of JSON strings is gone or changed shape",
        `write the table by hand in ${join(api.dir, AUTHORED_ROLE_TABLE)} (see README, "Role table"), or delete ${api.output}/roles.ts if the API really has no roles any more`,
      ],
    });
  }
  return table;
}
