#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium (the browser the suite runner and the e2e tests drive
# through playwright-core, which downloads no browser of its own). Installs the `chromium` package with apt when
# it is missing and we are root. Quiet on success apart from the path; shows apt's output on failure.
set -euo pipefail
CHROMIUM="${DVC_LENS_CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-chromium: $CHROMIUM is missing; install Debian's chromium package (apt-get install chromium) as root" >&2
    exit 1
  fi
  echo "ensure-chromium: installing Debian's chromium ..." >&2
  log="$(mktemp)"
  if ! { apt-get -o DPkg::Lock::Timeout=600 update && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends chromium fonts-liberation; } >"$log" 2>&1; then
    echo "ensure-chromium: apt-get install chromium failed:" >&2
    tail -n 100 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  [ -x "$CHROMIUM" ] || { echo "ensure-chromium: chromium installed but $CHROMIUM is not there" >&2; exit 1; }
fi
echo "$CHROMIUM"
