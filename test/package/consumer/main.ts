// The consumer program of test/package.test.ts: it is compiled against the packed tarball, then run
// against the package's own testing fake. It prints one JSON line for the test to check.
import {
  ApiError,
  can,
  createSeamClient,
  createSequenceClient,
  NotFoundError,
  permissionsOf,
  RateLimitError,
  rolesAllowing,
  type RoleName,
} from "vendor-api-clients";
import { createSeamClient as createSeamOnly, type SeamClient } from "vendor-api-clients/seam";
import { NotFoundError as SequenceNotFoundError, createSequenceClient as createSequenceOnly, type SequenceUser } from "vendor-api-clients/sequence";
import { startFakeServer, type FakeServer } from "vendor-api-clients/testing";

const fake: FakeServer = await startFakeServer({ users: 12 });
try {
  const sequence = createSequenceClient({ ...fake.sequenceClientOptions, maxRetries: 0 });
  const users: SequenceUser[] = await sequence.users.list({ limit: 5 }).toArray();
  const first = users[0];
  if (!first) throw new Error("no users");
  const deleted = await sequence.users.delete(first.id);

  let notFound = false;
  try {
    await createSequenceOnly(fake.sequenceClientOptions).users.get(first.id);
  } catch (error) {
    notFound = error instanceof NotFoundError && error instanceof SequenceNotFoundError && ApiError.isApiError(error);
  }

  fake.failNext(1, { status: 429, retryAfter: 2 });
  let retryAfter: number | undefined;
  try {
    await sequence.users.get(users[1]?.id ?? "");
  } catch (error) {
    if (error instanceof RateLimitError) retryAfter = error.retryAfter;
  }

  const seam: SeamClient = createSeamOnly(fake.seamClientOptions("apiKey"));
  const acsUser = fake.seam.acsUsers()[0];
  const seamResult = await seam.acs.users.delete({ acs_user_id: acsUser?.acs_user_id ?? "" });
  const roles: RoleName[] = rolesAllowing("org.settings", "invite");

  console.log(
    JSON.stringify({
      users: users.length,
      deleted: deleted.state,
      notFound,
      retryAfter,
      seam: seamResult,
      sameFactory: createSeamOnly === createSeamClient && createSequenceOnly === createSequenceClient,
      canReadInvoices: can("readOnlyUser", "org.invoice", "read"),
      canDeleteInvoices: can("readOnlyUser", "org.invoice", "delete"),
      inviters: roles,
      readOnlyPermissions: permissionsOf("readOnlyUser").length,
      requests: fake.requests.length,
    }),
  );
} finally {
  await fake.close();
}
