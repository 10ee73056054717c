/**
 * How a `dvcLens.computeTargets` entry becomes a target: the execution layer's factory, bound to the
 * extension's process runner (every ssh, sbatch and scontrol call is logged and cancellable like DVC's).
 */
import { createRemoteTarget } from '../../execution';
import type { CommandRunner } from '../../repository/processes';
import type { RemoteTargetFactory } from './remoteTargetsSetting';

export function remoteTargetFactory(runner: CommandRunner): RemoteTargetFactory {
  return (settings) => createRemoteTarget(settings, { runner });
}
