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
  bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" ensure-slurm --no-service-starts slurmctld slurmd slurm-client munge
  if missing; then
    echo "ensure-slurm: the packages are installed but a program is still missing" >&2
    exit 1
  fi
fi
for program in "${programs[@]}"; do
  echo "$program=$(PATH="$PATH:/usr/sbin:/sbin" command -v "$program")"
done
