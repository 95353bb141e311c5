import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { actions, can, permissionsOf, resources, roleNames, rolesAllowing, type Role, type SequenceUser } from "vendor-api-clients";
import { roles as table } from "../generated/sequence/roles.js";

const allows = (role: string, resource: string, action: string) =>
  ((table as Record<string, Record<string, readonly string[]>>)[role]?.[resource] ?? []).includes(action);

function userWith(roles: unknown): SequenceUser {
  return { id: "u", email: "u@x", sequenceAccountIds: [], state: "active", roles } as SequenceUser;
}

describe("roles", () => {
  describe.each(roleNames)("roles: %s", (roleName) => {
    it(`roles: can("${roleName}", …) follows the generated table for every resource and action`, () => {
      for (const resource of resources) {
        for (const action of actions) {
          expect(can(roleName, resource, action as never), `${resource}:${action}`).toBe(allows(roleName, resource, action));
        }
      }
    });

    it(`roles: permissionsOf("${roleName}") lists the table's permissions`, () => {
      const permissions = permissionsOf(roleName);
      expect(Object.fromEntries(permissions.map((p) => [p.resource, p.actions]))).toEqual(table[roleName]);
    });
  });

  it("roles: a few known answers", () => {
    expect(can("financeUser", "org.invoice", "send")).toBe(true);
    expect(can("readOnlyUser", "org.invoice", "send")).toBe(false);
    expect(can("salesUser", "org.quote", "execute")).toBe(false);
    expect(rolesAllowing("org.quote", "execute")).toEqual(["admin", "financeUser"]);
    expect(rolesAllowing("org.customer", "read")).toEqual(roleNames);
    expect(rolesAllowing("org.settings", "create")).toEqual(["admin"]);
  });

  it("roles: for a user, can() uses the roles and permissions in the response, not the table", () => {
    const readOnlyButCanSend = userWith([{ roleName: "readOnlyUser", permissions: [{ resource: "org.invoice", actions: ["send"] }] }]);
    expect(can(readOnlyButCanSend, "org.invoice", "send")).toBe(true);
    expect(can(readOnlyButCanSend, "org.invoice", "read")).toBe(false);
    const adminWithNothing = userWith([{ roleName: "admin", permissions: [] }]);
    expect(can(adminWithNothing, "org.invoice", "read")).toBe(false);
    const twoRoles = userWith([
      { roleName: "salesUser", permissions: [{ resource: "org.quote", actions: ["publish"] }] },
      { roleName: "financeUser", permissions: [{ resource: "org.tax", actions: ["update"] }] },
    ]);
    expect(can(twoRoles, "org.tax", "update")).toBe(true);
    expect(can(twoRoles, "org.quote", "publish")).toBe(true);
    expect(can(twoRoles, "org.quote", "accept")).toBe(false);
  });

  it("roles: accepts a Role, a Role[] and a RoleName[]", () => {
    const role: Role = { roleName: "salesUser", permissions: [{ resource: "org.quote", actions: ["accept"] }] };
    expect(can(role, "org.quote", "accept")).toBe(true);
    expect(can([role], "org.quote", "accept")).toBe(true);
    expect(can([], "org.quote", "accept")).toBe(false);
    expect(can(["readOnlyUser", "financeUser"], "org.quote", "execute")).toBe(true);
    expect(can(["readOnlyUser"], "org.quote", "execute")).toBe(false);
  });

  it("roles: unknown roles, resources or actions arriving at runtime are false, never a throw", () => {
    const weird: unknown[] = [
      "superAdmin",
      "__proto__",
      "toString",
      "constructor",
      "hasOwnProperty",
      "",
      null,
      undefined,
      42,
      {},
      { roles: null },
      { roles: "admin" },
      { roles: [null, 1, "admin", { permissions: "x" }, { permissions: [null, { resource: "org.invoice", actions: "read" }] }] },
      { permissions: [{ resource: "org.invoice" }] },
      [null, undefined, 7, { permissions: null }],
      Object.create(null),
    ];
    for (const subject of weird) {
      expect(can(subject as never, "org.invoice", "read"), inspect(subject)).toBe(false);
    }
    for (const resource of ["org.nope", "__proto__", "toString", "", null]) {
      expect(can("admin", resource as never, "read" as never)).toBe(false);
      expect(rolesAllowing(resource as never, "read" as never)).toEqual([]);
    }
    for (const action of ["fly", "__proto__", "toString", "", null]) {
      expect(can("admin", "org.invoice", action as never)).toBe(false);
      expect(can(userWith([{ roleName: "admin", permissions: [{ resource: "org.invoice", actions: ["read"] }] }]), "org.invoice", action as never)).toBe(false);
    }
    expect(permissionsOf("superAdmin" as never)).toEqual([]);
    expect(permissionsOf("__proto__" as never)).toEqual([]);
    expect(permissionsOf(undefined as never)).toEqual([]);
    // a newer role the spec does not know yet, on a user: judged by its own permissions
    expect(can(userWith([{ roleName: "auditor", permissions: [{ resource: "org.invoice", actions: ["read"] }] }]), "org.invoice", "read")).toBe(true);
  });

  it("roles: permissionsOf returns copies; changing them does not change the table", () => {
    const permissions = permissionsOf("readOnlyUser");
    permissions[0]!.actions.push("delete");
    expect(can("readOnlyUser", permissions[0]!.resource, "delete" as never)).toBe(false);
    expect(permissionsOf("readOnlyUser")[0]!.actions).toEqual(["read"]);
  });
});
