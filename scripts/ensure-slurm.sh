#!/usr/bin/env bash
# Makes sure a single-node Slurm can be started by the tests (test/helpers/slurmCluster.ts starts slurmctld,
# slurmd and munged itself, with all their state in a temp folder, and stops them after; no systemd, no system
# service is used). Installs Debian's slurmctld, slurmd, slurm-client and munge with apt when a program is
# missing and we are root (nothing starts on install: the packages' services need systemd, and a temporary
# policy-rc.d forbids the init scripts too). Prints, one per line, `name=path` for every program the tests use.
set -euo pipefail
programs=(slurmctld slurmd munged sbatch squeue scontrol sacct scancel sinfo)

missing() {
  local program
  for program in "${programs[@]}"; do
    command -v "$program" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$program" >/dev/null 2>&1 || return 0
  done
  return 1
}

if missing; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-slurm: Slurm is missing; install Debian's slurmctld slurmd slurm-client munge packages as root" >&2
    exit 1
  fi
  echo "ensure-slurm: installing Debian's slurmctld slurmd slurm-client munge ..." >&2
  log="$(mktemp)"
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
  fi
  status=0
  { apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge; } >"$log" 2>&1 || status=$?
  if [ "$own_policy" -eq 1 ]; then rm -f "$policy"; fi
  if [ "$status" -ne 0 ]; then
    echo "ensure-slurm: apt-get install slurmctld slurmd slurm-client munge failed:" >&2
    tail -n 100 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  if missing; then
    echo "ensure-slurm: the packages are installed but a program is still missing" >&2
    exit 1
  fi
fi
for program in "${programs[@]}"; do
  echo "$program=$(PATH="$PATH:/usr/sbin:/sbin" command -v "$program")"
done
