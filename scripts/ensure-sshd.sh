#!/usr/bin/env bash
# Makes sure Debian's OpenSSH server is at /usr/sbin/sshd (the integration test test/integration/sshRemote.test.ts
# starts its own sshd on 127.0.0.1 with a throwaway config; it never uses a system one). Installs
# openssh-server and openssh-client with apt when missing and we are root, and prints the sshd path.
# The package's postinst would start a system sshd on port 22: apt-install.sh --no-service-starts prevents it.
set -euo pipefail
SSHD="${DVC_LENS_SSHD:-/usr/sbin/sshd}"

if [ ! -x "$SSHD" ]; then
  bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" ensure-sshd --no-service-starts openssh-server openssh-client
  if [ -f /run/sshd.pid ]; then
    # Left running on purpose: stopping a service we did not start is not ours to do. Tests never use it.
    echo "ensure-sshd: note: a system sshd (pid $(cat /run/sshd.pid)) is running on port 22; the tests do not use it" >&2
  fi
  [ -x "$SSHD" ] || { echo "ensure-sshd: openssh-server installed but $SSHD is not there" >&2; exit 1; }
fi
echo "$SSHD"
