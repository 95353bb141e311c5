// Sequence quickstart: get a user and judge their roles, list users page by page, save the cursor
// and resume from it, and handle typed errors.
//   npm run example:sequence       → against the package's own fake (vendor-api-clients/testing), 150 users
//   SEQUENCE_BASE_URL=https://sandbox.sequencehq.com/api SEQUENCE_CLIENT_ID=… SEQUENCE_CLIENT_SECRET=… SEQUENCE_USER_ID=… npm run example:sequence
import { can, createSequenceClient, NotFoundError, rolesAllowing, ValidationError } from "vendor-api-clients";
import { startFakeServer } from "vendor-api-clients/testing";

const real = process.env.SEQUENCE_BASE_URL;
const fake = real ? undefined : await startFakeServer({ users: 150 });
/** Requests the fake has seen (a real server has no such log). */
const sent = () => (fake ? ` (requests so far: ${fake.requests.length})` : "");
try {
  const sequence = createSequenceClient({
    // the fake's base URL and the credentials it accepts; for a real server, SEQUENCE_CLIENT_ID/_SECRET
    ...(fake ? fake.sequenceClientOptions : { baseUrl: real }),
    timeoutMs: 10_000,
    maxRetries: 2,
  });

  // One user, and what they may do (judged by the roles in the response).
  const userId = fake ? fake.sequence.users()[0]!.id : process.env.SEQUENCE_USER_ID;
  if (!userId) throw new Error("set SEQUENCE_USER_ID to a user of your Sequence account");
  const user = await sequence.users.get(userId);
  console.log(`user ${user.email} (${user.state}), roles: ${user.roles.map((r) => r.roleName).join(", ")}`);
  console.log(`  may send invoices: ${can(user, "org.invoice", "send")}`);
  console.log(`  may publish quotes: ${can(user, "org.quote", "publish")}`);
  console.log(`roles that may execute quotes: ${rolesAllowing("org.quote", "execute").join(", ")}`);

  // Page by page, one page in memory; stop after two pages, as a batch job with a time budget would,
  // and keep the cursor. It is `string | null`: a nullable text column stores it as it is.
  let saved: string | null = null;
  let listed = 0;
  const firstRun = sequence.users.list({ limit: 50 }, { maxPages: 2 });
  for await (const page of firstRun.pages()) {
    listed += page.items.length;
    saved = page.pagination.after;
    console.log(`page of ${page.items.length} users, first ${page.items[0]?.email}; saved cursor after=${saved === null ? "null" : "…"}`);
  }
  console.log(`listed ${listed} of ${firstRun.totalResultSize} users in 2 pages${sent()}`);

  // Later, perhaps in another process: resume from the saved cursor, to the end.
  const rest = await sequence.users.list({ limit: 50, after: saved }).toArray();
  console.log(`resumed from the saved cursor: ${rest.length} more users, ${listed + rest.length} in all${sent()}`);

  // At the end the saved cursor is null, and resuming from it yields nothing: it never starts over.
  let end: string | null = saved;
  for await (const page of sequence.users.list({ limit: 50, after: saved }).pages()) end = page.pagination.after;
  const again = await sequence.users.list({ limit: 50, after: end }).toArray();
  console.log(`resumed from the end (after=${end}): ${again.length} users${sent()}`);

  // Errors are typed; bad input never reaches the network.
  try {
    await sequence.users.get("../admin");
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.log(`refused before sending: ${error.message}${sent()}`);
  }
  try {
    await sequence.users.get("no-such-user");
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.log(`NotFoundError ${error.status}: ${error.message}`);
  }
} finally {
  await fake?.close();
}
