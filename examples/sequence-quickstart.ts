// Sequence quickstart: get a user, check permissions, list users page by page, handle errors.
//   npm run example:sequence                       → runs against a local Prism mock of the spec
//   SEQUENCE_BASE_URL=https://sandbox.sequencehq.com/api SEQUENCE_CLIENT_ID=… SEQUENCE_CLIENT_SECRET=… npm run example:sequence
import { ApiError, can, createSequenceClient, NotFoundError, rolesAllowing, ValidationError } from "vendor-api-clients";
import { startMock } from "./start-mock.js";

const USER_ID = process.env.SEQUENCE_USER_ID ?? "7b1f28b9-a4ad-450b-a0ea-fd647d5109b2";

const mock = process.env.SEQUENCE_BASE_URL ? undefined : await startMock("sequence");
try {
  const sequence = createSequenceClient({
    baseUrl: process.env.SEQUENCE_BASE_URL ?? mock!.url,
    // against the mock any credentials do; for a real server they come from SEQUENCE_CLIENT_ID/_SECRET
    ...(mock ? { clientId: "demo-client", clientSecret: "demo-secret" } : {}),
    timeoutMs: 10_000,
    maxRetries: 2,
  });

  // One user, and what they may do (judged by the roles in the response).
  const user = await sequence.users.get(USER_ID);
  console.log(`user ${user.email} (${user.state}), roles: ${user.roles.map((r) => r.roleName).join(", ")}`);
  console.log(`  may send invoices: ${can(user, "org.invoice", "send")}`);
  console.log(`  may publish quotes: ${can(user, "org.quote", "publish")}`);
  console.log(`roles that may execute quotes: ${rolesAllowing("org.quote", "execute").join(", ")}`);

  // Every user, lazily, one page in memory; prefetch overlaps the next request with our work.
  // maxPages keeps the demo short (the mock answers every page with the same cursor, a loop that a
  // second page would report as a PaginationError).
  const users = sequence.users.list({ limit: 100 }, { prefetch: true, maxPages: 1 });
  let count = 0;
  for await (const each of users) {
    count++;
    if (count <= 3) console.log(`  listed ${each.email}`);
  }
  console.log(`listed ${count} of ${users.totalResultSize ?? "?"} users; resume later from after=${users.pagination?.after}`);

  // Errors are typed; bad input never reaches the network.
  try {
    await sequence.users.get("../admin");
  } catch (error) {
    if (error instanceof ValidationError) console.log(`refused before sending: ${error.message}`);
  }
  try {
    const other = await sequence.users.get("no-such-user");
    console.log(`found ${other.email} (a mock answers every id)`);
  } catch (error) {
    if (error instanceof NotFoundError) console.log(`not found: ${error.message}`);
    else if (ApiError.isApiError(error)) console.log(`${error.name} ${error.status ?? ""}: ${error.message}`);
    else throw error;
  }
} finally {
  mock?.stop();
}
