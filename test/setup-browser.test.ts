// scripts/setup-browser.sh, the browser step of `npm test` (issue 20, item 12): on a machine without
// Chromium it prints two lines of progress, not apt-get's and debconf's chatter, and not the error
// Debian's launcher prints where /dev/shm is mounted twice. apt-get is a stub on PATH that installs a
// stand-in launcher (with the launcher's defect) and binary under SETUP_BROWSER_ROOT.
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const APT_GET = `#!/bin/sh
echo "debconf: delaying package configuration, since apt-utils is not installed" >&2
echo "Selecting previously unselected package chromium."
[ -n "$APT_FAILS" ] && { echo "E: Unable to locate package chromium" >&2; exit 100; }
case "$*" in *install*)
  mkdir -p "$SETUP_BROWSER_ROOT/usr/bin" "$SETUP_BROWSER_ROOT/usr/lib/chromium"
  # Debian's launcher sources /etc/chromium.d/dev-shm; with /dev/shm mounted twice findmnt prints two lines.
  printf '#!/bin/sh\\nshm_avail="25276182528\\n25276182528"\\nif [ $shm_avail -lt 4080218931 ]; then :; fi\\nexec "$(dirname "$0")/../lib/chromium/chromium" "$@"\\n' > "$SETUP_BROWSER_ROOT/usr/bin/chromium"
  printf '#!/bin/sh\\necho "Chromium 150.0.7871.100 "\\n' > "$SETUP_BROWSER_ROOT/usr/lib/chromium/chromium"
  chmod +x "$SETUP_BROWSER_ROOT/usr/bin/chromium" "$SETUP_BROWSER_ROOT/usr/lib/chromium/chromium"
esac
`;

/** Runs the script with stub apt-get and sudo first on PATH and an empty stand-in root. */
async function setup(env: Record<string, string> = {}, { installed = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "vac-setup-browser-"));
  dirs.push(dir);
  const bin = join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "apt-get"), APT_GET);
  writeFileSync(join(bin, "sudo"), '#!/bin/sh\nexec "$@"\n');
  chmodSync(join(bin, "apt-get"), 0o755);
  chmodSync(join(bin, "sudo"), 0o755);
  const fakeRoot = join(dir, "root");
  if (installed) {
    mkdirSync(join(fakeRoot, "usr/bin"), { recursive: true });
    writeFileSync(join(fakeRoot, "usr/bin/chromium"), "#!/bin/sh\n");
    chmodSync(join(fakeRoot, "usr/bin/chromium"), 0o755);
  }
  const { CHROMIUM_PATH: _, ...inherited } = process.env;
  const run = promisify(execFile)("bash", [join(root, "scripts/setup-browser.sh")], {
    env: { ...inherited, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`, SETUP_BROWSER_ROOT: fakeRoot, ...env },
  });
  const result = await run.then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { ...result, fakeRoot };
}

describe("setup-browser", () => {
  it("setup-browser: installing prints progress and the version only, not apt's chatter or the launcher's `[` error", async () => {
    const { code, stdout, stderr, fakeRoot } = await setup();
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: "setup-browser: installing Debian's chromium with apt-get (once)\nsetup-browser: Chromium 150.0.7871.100 \n",
      stderr: "",
    });
    expect(existsSync(join(fakeRoot, "usr/bin/chromium"))).toBe(true);
  });

  it("setup-browser: when apt-get fails, its output is shown with what to do", async () => {
    const { code, stderr } = await setup({ APT_FAILS: "1" });
    expect(code).toBe(1);
    expect(stderr).toContain("E: Unable to locate package chromium");
    expect(stderr).toContain("setup-browser: apt-get failed (its output is above); install chromium yourself, or set CHROMIUM_PATH");
  });

  it("setup-browser: prints nothing and installs nothing when Debian's Chromium or CHROMIUM_PATH's browser is there", async () => {
    expect(await setup({}, { installed: true })).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const chromium = join(mkdtempSync(join(tmpdir(), "vac-chromium-bin-")), "chrome");
    dirs.push(join(chromium, ".."));
    writeFileSync(chromium, "#!/bin/sh\n");
    chmodSync(chromium, 0o755);
    const viaPath = await setup({ CHROMIUM_PATH: chromium });
    expect(viaPath).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(existsSync(join(viaPath.fakeRoot, "usr/bin/chromium"))).toBe(false);
  });

  it("setup-browser: a CHROMIUM_PATH that is not a file is refused, naming the variable and the fix", async () => {
    const { code, stdout, stderr } = await setup({ CHROMIUM_PATH: "/nowhere/chrome" });
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toBe(
      "setup-browser: CHROMIUM_PATH=/nowhere/chrome is not an executable file; point it at a Chromium binary, or unset it to install Debian's\n",
    );
  });
});
