// Starting the shipped fake the way the reliability tests use it: predictable user ids and one
// fault per request in order.
import { startFakeServer, type FakeFault, type FakeServer, type FakeServerOptions } from "vendor-api-clients/testing";

/** Users `user-000000`, `user-000001`, …, so tests can name them. */
export const numberedUsers = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `user-${String(i).padStart(6, "0")}` }));

export function startFake(options: FakeServerOptions & { users?: number } = {}): Promise<FakeServer> {
  return startFakeServer({ ...options, users: numberedUsers(options.users ?? 0), acsUsers: options.acsUsers ?? 1 });
}

/** The next requests get these faults, one each, in order. */
export function script(fake: FakeServer, ...faults: FakeFault[]): void {
  for (const fault of faults) fake.failNext(1, fault);
}

export const basicAuth = (fake: FakeServer) => {
  const { clientId, clientSecret } = fake.credentials.sequence;
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, "utf8").toString("base64")}`;
};
