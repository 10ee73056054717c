#!/usr/bin/env bash
# Makes sure Debian's OpenSSH server is at /usr/sbin/sshd (the integration test test/integration/sshRemote.test.ts
# starts its own sshd on 127.0.0.1 with a throwaway config; it never uses a system one). Installs
# openssh-server and openssh-client with apt when missing and we are root, and prints the sshd path.
#
# The package's postinst may start a system sshd on port 22 (through the init script, when there is no
# policy-rc.d). We prevent that with a temporary /usr/sbin/policy-rc.d that answers 101 ("action forbidden"),
# the documented Debian way to keep maintainer scripts from starting services, and remove it afterwards.
set -euo pipefail
SSHD="${DVC_LENS_SSHD:-/usr/sbin/sshd}"

if [ ! -x "$SSHD" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-sshd: $SSHD is missing; install Debian's openssh-server package (apt-get install openssh-server) as root" >&2
    exit 1
  fi
  echo "ensure-sshd: installing Debian's openssh-server ..." >&2
  log="$(mktemp)"
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
  fi
  status=0
  { apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends openssh-server openssh-client; } >"$log" 2>&1 || status=$?
  if [ "$own_policy" -eq 1 ]; then rm -f "$policy"; fi
  if [ "$status" -ne 0 ]; then
    echo "ensure-sshd: apt-get install openssh-server failed:" >&2
    tail -n 100 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  if [ -f /run/sshd.pid ]; then
    # Left running on purpose: stopping a service we did not start is not ours to do. Tests never use it.
    echo "ensure-sshd: note: a system sshd (pid $(cat /run/sshd.pid)) is running on port 22; the tests do not use it" >&2
  fi
  [ -x "$SSHD" ] || { echo "ensure-sshd: openssh-server installed but $SSHD is not there" >&2; exit 1; }
fi
echo "$SSHD"
