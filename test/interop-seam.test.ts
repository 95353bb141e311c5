// Conformance: our Seam client and Seam's SDK (@seamapi/http), each against Seam's own fake
// (@seamapi/fake-seam-connect) and ours, for every credential kind. README's interop table is the
// expected result, and this suite checks it is true.
import { readFileSync } from "node:fs";
import { SeamHttp } from "@seamapi/http/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeamClient } from "vendor-api-clients";
import { startFakeServer, type FakeServer } from "vendor-api-clients/testing";
import { consoleJwt, startSeamFake, type StartedSeamFake } from "./helpers/seam-fake.js";

type Kind = "apiKey" | "personalAccessToken" | "consoleSessionToken" | "clientSessionToken";
type Target = { acs_user_id: string; user_identity_id: string; acs_system_id: string };
interface Fake {
  url: string;
  credentials: Record<Kind | "workspaceId", string>;
  addUser(): Target;
  has(id: string): boolean;
}
type Caller = (fake: Fake, kind: Kind, token: string, body: Record<string, string>) => Promise<number>;

const KINDS: [Kind, string][] = [
  ["apiKey", "API key"],
  ["personalAccessToken", "PAT + workspace"],
  ["clientSessionToken", "client session token"],
  ["consoleSessionToken", "console session token + workspace"],
];
const WRONG: Record<Kind, string> = {
  apiKey: "seam_apikey_wrong_token",
  personalAccessToken: "seam_at_wrong_token",
  clientSessionToken: "seam_cst_wrong_token",
  consoleSessionToken: consoleJwt({ user_id: "john_user_id", key: "wrong_key" }),
};
const CASES = ["success", "unknown user", "wrong token", "identity form"] as const;

const ours: Caller = async (fake, kind, token, body) => {
  const scoped = kind === "personalAccessToken" || kind === "consoleSessionToken";
  const credential = { [kind]: token, ...(scoped ? { workspaceId: fake.credentials.workspaceId } : {}) };
  const seam = createSeamClient({ ...credential, endpoint: fake.url, maxRetries: 0, timeoutMs: 10_000 } as never);
  return seam.acs.users.delete(body as never).then(
    () => 200,
    (error: unknown) => (error as { status?: number }).status ?? -1,
  );
};

const sdk: Caller = async (fake, kind, token, body) => {
  const options = { endpoint: fake.url };
  const ws = fake.credentials.workspaceId;
  const seam =
    kind === "apiKey"
      ? SeamHttp.fromApiKey(token, options)
      : kind === "personalAccessToken"
        ? SeamHttp.fromPersonalAccessToken(token, ws, options)
        : kind === "consoleSessionToken"
          ? SeamHttp.fromConsoleSessionToken(token, ws, options)
          : SeamHttp.fromClientSessionToken(token, options);
  return seam.acs.users.delete(body as never).then(
    () => 200,
    (error: unknown) => (error as { statusCode?: number }).statusCode ?? -1,
  );
};

/** One case: its status, and for a success whether the user is really gone. */
async function run(fake: Fake, call: Caller, kind: Kind, which: (typeof CASES)[number]): Promise<string> {
  const user = fake.addUser();
  const token = which === "wrong token" ? WRONG[kind] : fake.credentials[kind];
  const body: Record<string, string> =
    which === "unknown user"
      ? { acs_user_id: `${user.acs_user_id}_unknown` }
      : which === "identity form"
        ? { user_identity_id: user.user_identity_id, acs_system_id: user.acs_system_id }
        : { acs_user_id: user.acs_user_id };
  const status = await call(fake, kind, token, body);
  const gone = !fake.has(user.acs_user_id);
  // a 200 must have deleted the user, any other status must have left it
  if ((status === 200) !== gone) return `${status} (user ${gone ? "gone" : "kept"})`;
  return String(status);
}

/** README's interop table: row label → [Seam's fake: SDK, Seam's fake: ours, our fake: SDK, our fake: ours]. */
function readmeTable(): Map<string, string[]> {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.split("<!-- interop-seam:start -->")[1]?.split("<!-- interop-seam:end -->")[0] ?? "";
  const rows = section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| case") && !line.startsWith("|---"));
  return new Map(rows.map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim())).map(([label, ...cells]) => [label!, cells]));
}

let seamFake: StartedSeamFake;
let ourFake: FakeServer;
let ourAdapter: Fake;

beforeAll(async () => {
  seamFake = await startSeamFake();
  // one seeded user per run: 4 kinds × 4 cases × 2 callers
  ourFake = await startFakeServer({ acsUsers: KINDS.length * CASES.length * 2 });
  const unused = ourFake.seam.acsUsers();
  ourAdapter = {
    url: ourFake.url,
    credentials: ourFake.credentials.seam,
    addUser: () => unused.shift()!,
    has: (id) => ourFake.seam.acsUsers().some((u) => u.acs_user_id === id),
  };
}, 60_000);
afterAll(async () => {
  await seamFake?.close();
  await ourFake?.close();
});

describe("interop: seam", () => {
  it("interop: our client and Seam's SDK give the statuses in README's table against Seam's fake and ours", { timeout: 120_000 }, async () => {
    const seen = new Map<string, string[]>();
    for (const [kind, kindLabel] of KINDS) {
      for (const which of CASES) {
        const row: string[] = [];
        for (const fake of [seamFake as Fake, ourAdapter]) for (const call of [sdk, ours]) row.push(await run(fake, call, kind, which));
        seen.set(`${kindLabel}: ${which}`, row);
      }
    }
    const table = readmeTable();
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(table));
  });
});
