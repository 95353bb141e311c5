// The quickstarts (`npm run example:sequence`, `npm run example:seam`) run on the package's own fake
// and must show what they say: paging, resume, typed errors, roles, and a refusal that sends nothing.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/project.js";

const scripts = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

/** Runs an `example:*` npm script's tsx command as npm would, with no vendor settings in the environment. */
function runExample(name: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = /^tsx (examples\/[\w-]+\.ts)$/.exec(scripts[name] ?? "")?.[1];
  if (!file) throw new Error(`package.json: ${name} should be "tsx examples/<file>.ts", is ${JSON.stringify(scripts[name])}`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SEQUENCE|SEAM)_/.test(key)));
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), file], { cwd: repoRoot, env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? 1 : 0, stdout, stderr }),
    );
  });
}

describe.concurrent("examples", { timeout: 90_000 }, () => {
  it("examples: example:sequence pages through the fake's 150 users, resumes from the saved cursor, and shows roles and typed errors", async () => {
    const { code, stdout, stderr } = await runExample("example:sequence");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    // roles, judged from the user's own roles and from the spec's table
    expect(stdout).toMatch(/^user \S+@example\.com \(active\), roles: \w+/m);
    expect(stdout).toMatch(/^ {2}may send invoices: (true|false)$/m);
    expect(stdout).toContain("roles that may execute quotes: admin, financeUser");
    // paging, then resume: 100 in two pages, the other 50 from the saved cursor, nothing from the end
    expect(stdout.match(/^page of 50 users/gm)).toHaveLength(2);
    expect(stdout).toContain("listed 100 of 150 users in 2 pages (requests so far: 3)");
    expect(stdout).toContain("resumed from the saved cursor: 50 more users, 150 in all (requests so far: 4)");
    expect(stdout).toContain("resumed from the end (after=null): 0 users (requests so far: 5)");
    // typed errors: refused with nothing sent, then a real 404 from the fake
    expect(stdout).toMatch(/^refused before sending: GET \/users\/\{id\}: id must be .* \(requests so far: 5\)$/m);
    expect(stdout).toMatch(/^NotFoundError 404: GET \/users\/no-such-user failed with 404/m);
    expect(stdout).not.toMatch(/mock|Prism/i);
  });

  it("examples: example:seam deletes both ways, shows NotFoundError, and its refused body really sends nothing", async () => {
    const { code, stdout, stderr } = await runExample("example:seam");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("deleted by acs_user_id: ok=true (requests so far: 1)");
    expect(stdout).toContain("deleted by user identity in one access system: ok=true (requests so far: 2)");
    expect(stdout).toMatch(/^deleted again → NotFoundError 404: POST \/acs\/users\/delete failed with 404/m);
    // a non-UUID id is not refused by the client, and the example no longer says it is
    expect(stdout).toContain("an id that is not a UUID is sent, and answered NotFoundError 404 (requests so far: 4)");
    expect(stdout).toMatch(/^refused before sending: POST \/acs\/users\/delete: body must be exactly .*, 0 requests sent$/m);
    expect(stdout).toMatch(/^construction refused: A personal access token/m);
  });
});
