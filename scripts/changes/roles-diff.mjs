// @ts-check
// The role → permission table (generated/<api>/roles.ts) compared between two versions: a role or
// permission gained is risky (a security review should see it), one lost is breaking (`can()`
// answers differently).
import ts from "typescript";
import { ChangesError } from "./inputs.mjs";

/** @typedef {Record<string, Record<string, readonly string[]>>} RoleTable */
/** @typedef {import("./openapi-diff.mjs").Change} Change */

/**
 * Evaluates roles.ts (TypeScript, `export const roles = { … } as const`) and returns its `roles`.
 * @param {string} text
 * @param {string} file  for messages
 * @returns {Promise<RoleTable>}
 */
export async function loadRoleTable(text, file) {
  const { outputText, diagnostics } = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  if (diagnostics?.length) {
    throw new ChangesError(`cannot read ${file}: ${ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText ?? "syntax error", " ")}`);
  }
  /** @type {any} */
  let mod;
  try {
    mod = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString("base64")}`);
  } catch (error) {
    throw new ChangesError(`cannot evaluate ${file}: ${/** @type {Error} */ (error).message}`);
  }
  const roles = mod.roles;
  const ok =
    roles &&
    typeof roles === "object" &&
    Object.values(roles).every((perms) => perms && typeof perms === "object" && Object.values(perms).every((a) => Array.isArray(a) && a.every((x) => typeof x === "string")));
  if (!ok) throw new ChangesError(`${file} has no \`roles\` export of the form { role: { resource: [actions] } }`);
  return roles;
}

/**
 * @param {RoleTable | null} before
 * @param {RoleTable | null} after
 * @param {string} file  e.g. generated/sequence/roles.ts
 * @returns {Change[]}
 */
export function diffRoles(before, after, file) {
  /** @type {Change[]} */
  const out = [];
  const add = (/** @type {Change["severity"]} */ severity, /** @type {string} */ kind, /** @type {string} */ location, /** @type {string} */ message) =>
    out.push({ severity, kind, operation: null, location, message });
  if (!before && !after) return out;
  if (!before && after) {
    add("risky", "role-table-added", file, `A role table was added with roles ${Object.keys(after).join(", ")}.`);
    for (const role of Object.keys(after)) add("risky", "role-added", at(file, role), `Role ${role} was added: it can ${describe(after[role] ?? {})}.`);
    return out;
  }
  if (before && !after) {
    add("breaking", "role-table-removed", file, `The role table was removed; every \`can()\` lookup breaks.`);
    return out;
  }
  const b = /** @type {RoleTable} */ (before);
  const a = /** @type {RoleTable} */ (after);
  for (const role of Object.keys(b)) {
    if (!(role in a)) add("breaking", "role-removed", at(file, role), `Role ${role} was removed: it could ${describe(b[role] ?? {})}.`);
  }
  for (const role of Object.keys(a)) {
    if (!(role in b)) {
      add("risky", "role-added", at(file, role), `Role ${role} was added: it can ${describe(a[role] ?? {})}.`);
      continue;
    }
    const pb = b[role] ?? {};
    const pa = a[role] ?? {};
    for (const resource of new Set([...Object.keys(pb), ...Object.keys(pa)])) {
      const was = new Set(pb[resource] ?? []);
      const now = new Set(pa[resource] ?? []);
      for (const action of now) if (!was.has(action)) add("risky", "role-permission-added", at(file, role, resource), `Role ${role} gains ${action} on ${resource}.`);
      for (const action of was) if (!now.has(action)) add("breaking", "role-permission-removed", at(file, role, resource), `Role ${role} loses ${action} on ${resource}.`);
    }
  }
  return out;
}

/** @param {string} file @param {string[]} keys */
const at = (file, ...keys) => `${file}#roles${keys.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join("")}`;

/** "read on org.customer; read, send on org.invoice" @param {Record<string, readonly string[]>} perms */
function describe(perms) {
  const parts = Object.entries(perms).map(([resource, actions]) => `${actions.join(", ")} on ${resource}`);
  return parts.length ? parts.join("; ") : "nothing";
}
