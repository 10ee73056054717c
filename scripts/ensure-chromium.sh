#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium (the browser the suite runner and the e2e tests drive
# through playwright-core, which downloads no browser of its own). Installs the `chromium` package with apt when
# it is missing and we are root. Quiet on success apart from the path; shows apt's output on failure.
set -euo pipefail
CHROMIUM="${DVC_LENS_CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
  bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" ensure-chromium chromium fonts-liberation
  [ -x "$CHROMIUM" ] || { echo "ensure-chromium: chromium installed but $CHROMIUM is not there" >&2; exit 1; }
fi
echo "$CHROMIUM"
