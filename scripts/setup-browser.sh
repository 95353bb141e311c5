#!/usr/bin/env bash
# Installs Debian's Chromium for the browser and docs tests (playwright-core drives it; it never
# downloads a browser of its own). Idempotent: does nothing when /usr/bin/chromium is already there,
# or when CHROMIUM_PATH names the browser to use instead (test/browser/chromium.ts reads it too).
# Quiet when it works: apt-get and debconf print even with -qq, so what they say goes to a log that
# is shown only if the install fails.
set -euo pipefail

# SETUP_BROWSER_ROOT: a stand-in for / that test/setup-browser.test.ts points at; empty otherwise.
root="${SETUP_BROWSER_ROOT:-}"
launcher="$root/usr/bin/chromium"

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then
    exit 0
  fi
  echo "setup-browser: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file; point it at a Chromium binary, or unset it to install Debian's" >&2
  exit 1
fi
if [ -x "$launcher" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "setup-browser: installing Debian's chromium with apt-get (once)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup-browser: apt-get failed (its output is above); install chromium yourself, or set CHROMIUM_PATH to a Chromium binary" >&2
  exit 1
fi

# The version from the binary, not from the launcher: Debian's /usr/bin/chromium sources
# /etc/chromium.d/dev-shm, whose `[ $(findmnt … /dev/shm) -lt … ]` prints `[: N: unexpected operator`
# where /dev/shm is mounted twice (as in some containers) and findmnt prints one line per mount.
echo "setup-browser: $("$root/usr/lib/chromium/chromium" --version)"
