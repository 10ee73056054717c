/**
 * Remote compute targets from their `dvcLens.computeTargets` entries: the one place that knows which class
 * drives which kind, and where each kind's commands run (an SSH host; a Slurm cluster here or on its login
 * node).
 */
import type { CommandRunner } from '../repository/processes';
import type { RemoteTargetSettings } from '../core/execution/computeTargetSettings';
import type { RemoteComputeTarget } from './computeTarget';
import { LocalHostShell, SshHostShell } from './hostShell';
import { SlurmTarget } from './slurm/slurmTarget';
import { SshTarget } from './ssh/sshTarget';

export interface RemoteTargetOptions {
  /** Runs `ssh`, `sbatch`, `scontrol`… (the extension's ProcessRunner: logged, cancellable). */
  readonly runner: CommandRunner;
  /** Added to the environment of commands run on this machine (tests: their cluster's `SLURM_CONF`). */
  readonly env?: Readonly<Record<string, string>>;
}

export function createRemoteTarget(
  settings: RemoteTargetSettings,
  options: RemoteTargetOptions,
): RemoteComputeTarget {
  switch (settings.kind) {
    case 'ssh':
      return new SshTarget(settings, new SshHostShell(options.runner, settings.ssh));
    case 'slurm':
      return new SlurmTarget(
        settings,
        settings.login
          ? new SshHostShell(options.runner, settings.login)
          : new LocalHostShell(options.runner, options.env),
      );
  }
}
