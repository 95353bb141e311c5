// Seam's own fake (@seamapi/fake-seam-connect), started in this process on 127.0.0.1 with its seed
// data plus ACS users the interop suite creates and deletes.
import { createHmac } from "node:crypto";
import { Server } from "node:net";
import "./slow-buffer-shim.js"; // before the fake, which cannot load on Node ≥ 25 without it
import { createFake, type Database } from "@seamapi/fake-seam-connect";

const WORKSPACE = "seed_workspace_1";

/** HS256 JWT signed with the key Seam's fake verifies console sessions with. */
export function consoleJwt(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part(payload)}`;
  return `${unsigned}.${createHmac("sha256", "secret").update(unsigned).digest("base64url")}`;
}

export interface StartedSeamFake {
  url: string;
  credentials: { apiKey: string; personalAccessToken: string; consoleSessionToken: string; clientSessionToken: string; workspaceId: string };
  /** A new ACS user in the workspace the credentials open. */
  addUser(): { acs_user_id: string; user_identity_id: string; acs_system_id: string };
  has(acsUserId: string): boolean;
  /** A lock of the workspace the credentials open, from the fake's own state. */
  lockId(): string;
  /** The access codes a device has, from the fake's own state. */
  accessCodes(deviceId: string): { access_code_id: string; code?: string | null }[];
  close(): Promise<void>;
}

export async function startSeamFake(): Promise<StartedSeamFake> {
  const fake = await createFake();
  const seed = await fake.seed();
  // startServer listens on every interface; keep it on loopback by pinning the host of that one listen
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    Server.prototype.listen = listen;
    const call = listen as (...a: unknown[]) => Server;
    return typeof args[0] === "number" ? call.call(this, args[0], "127.0.0.1", ...args.slice(1)) : call.apply(this, args);
  } as typeof listen;
  let server;
  try {
    server = await fake.startServer();
  } finally {
    Server.prototype.listen = listen;
  }
  // typed as the state, but at runtime the zustand store that holds it
  const store = fake.database as unknown as { getState(): Database };
  const system = store.getState().acs_systems.find((s) => s.workspace_id === WORKSPACE)!;
  return {
    url: `http://127.0.0.1:${server.port}`,
    credentials: {
      apiKey: seed.seam_apikey1_token,
      personalAccessToken: seed.seam_at1_token,
      consoleSessionToken: consoleJwt({ user_id: seed.john_user_id, key: seed.john_user_key }),
      clientSessionToken: seed.seam_cst1_token,
      workspaceId: WORKSPACE,
    },
    addUser() {
      const state = store.getState();
      const identity = state.addUserIdentity({ workspace_id: WORKSPACE, email_address: `u${state.acs_users.length}@example.com` } as never);
      const user = state.addAcsUser({ workspace_id: WORKSPACE, acs_system_id: system.acs_system_id, user_identity_id: identity.user_identity_id } as never);
      return { acs_user_id: user.acs_user_id, user_identity_id: identity.user_identity_id, acs_system_id: system.acs_system_id };
    },
    has: (id) => store.getState().acs_users.some((u) => u.acs_user_id === id),
    lockId: () => store.getState().devices.find((d) => d.workspace_id === WORKSPACE && /lock/.test(String(d.device_type)))!.device_id,
    accessCodes: (deviceId) => store.getState().access_codes.filter((c) => c.device_id === deviceId).map(({ access_code_id, code }) => ({ access_code_id, code })),
    close: () => fake.stopServer(),
  };
}
