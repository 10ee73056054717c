#!/usr/bin/env bash
# Installs Debian packages for a setup script, the one way the ensure-*.sh scripts do it: as root only, waiting
# for dpkg's lock (unattended upgrades hold it at first boot), quiet on success and showing apt's last lines on
# failure. With --no-service-starts a temporary /usr/sbin/policy-rc.d answers 101 ("action forbidden", the
# documented Debian way to keep maintainer scripts from starting services: the tests start their own daemons).
# Usage: apt-install.sh <who> [--no-service-starts] <package>...
set -euo pipefail
who=$1
shift
no_starts=0
if [ "${1:-}" = --no-service-starts ]; then
  no_starts=1
  shift
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$who: $* missing; install Debian's $* packages as root" >&2
  exit 1
fi
echo "$who: installing Debian's $* ..." >&2
log="$(mktemp)"
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ "$no_starts" -eq 1 ] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  own_policy=1
fi
status=0
{ apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1 || status=$?
if [ "$own_policy" -eq 1 ]; then rm -f "$policy"; fi
if [ "$status" -ne 0 ]; then
  echo "$who: apt-get install $* failed:" >&2
  tail -n 100 "$log" >&2
fi
rm -f "$log"
exit "$status"
