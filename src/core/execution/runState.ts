/**
 * Where a submitted experiment run is, in the same words for every compute target (this machine, its queue,
 * later SSH hosts, Slurm, Kubernetes), and how DVC's own experiment states read in those words.
 */
import {
  allExperiments,
  findExperiment,
  type ExperimentRow,
  type ExperimentsModel,
  type ExperimentState,
} from '../experiments/experimentModel';

/**
 * The life of a run: waiting for a slot (DVC's queue, a Slurm partition, a pending pod), running, for a remote
 * run `completing` (the job ended well and its experiment is being pushed home and pulled), then one end.
 */
export type RunState = 'queued' | 'running' | 'completing' | 'succeeded' | 'failed' | 'cancelled';

/** A run in one of these states will not change again: polling stops. */
export function isFinishedRunState(state: RunState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled';
}

/** DVC's executor state as a run state (DVC has no `cancelled`: a killed queued run reads `failed`). */
export function runStateOfExperimentState(state: ExperimentState | undefined): RunState {
  switch (state) {
    case 'queued':
      return 'queued';
    case 'running':
      return 'running';
    case 'failed':
      return 'failed';
    case 'success':
    case undefined:
      // An experiment without an executor state is one DVC finished and kept.
      return 'succeeded';
  }
}

/**
 * The state of the experiment `ref` (a name, or the short stash rev DVC prints for an unnamed queued one) in
 * `dvc exp show`'s answer. Gone from the answer: it was removed from the queue before it ran, so `cancelled`.
 */
export function experimentRunState(model: ExperimentsModel, ref: string): RunState {
  // The short rev is the queue entry's: it stays the task id after the run, when the id becomes the result's.
  const byShortRev = (): ExperimentRow | undefined =>
    /^[0-9a-f]{7,}$/.test(ref)
      ? allExperiments(model).find(
          (row) => row.id.startsWith(ref) || row.executor?.taskId?.startsWith(ref) === true,
        )
      : undefined;
  const row = findExperiment(model, ref) ?? byShortRev();
  return row ? runStateOfExperimentState(row.state) : 'cancelled';
}
