/**
 * How a `dvcLens.computeTargets` entry becomes a target: the execution layer's factory, bound to the
 * extension's services. Until the SSH and Slurm targets land, an entry is refused with a clear reason.
 */
import type { OutputLog } from '../../log/outputLog';
import type { RemoteTargetFactory } from './remoteTargetsSetting';

export function remoteTargetFactory(_log: OutputLog): RemoteTargetFactory {
  return (settings) => {
    throw new Error(`${settings.kind} targets are not available in this build yet`);
  };
}
