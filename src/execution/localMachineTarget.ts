/**
 * This machine as a compute target: run now is `dvc exp run` in the workspace, the local queue is
 * `dvc exp run --queue` (workers started apart, by Start Queue Workers). Everything goes through the
 * repository's ExperimentsService, so behaviour is the same as before the seam; results land in the
 * repository itself, so there is nothing to collect.
 */
import type { OutputListener } from '../repository/processes';
import { experimentNamesInOutput, type ExperimentRunRequest } from '../core/execution/runRequest';
import { experimentRunState, type RunState } from '../core/execution/runState';
import { gridNames } from '../core/experiments/experimentOverrides';
import type {
  ComputeTarget,
  RepositoryExperimentsAccess,
  RunHandle,
  Submission,
  SubmitContext,
} from './computeTarget';

export const LOCAL_MACHINE_TARGET_ID = 'local';

/** The state polls use their own read slot: they must not cancel the Experiments view's `exp show`. */
const RUN_STATE_READ_SLOT = 'execution-run-state';
/** A run-now's log is what it printed; a long training prints a lot, so only the end is kept. */
const KEPT_OUTPUT_LINES = 5000;

export class LocalMachineTarget implements ComputeTarget {
  readonly id = LOCAL_MACHINE_TARGET_ID;
  readonly label = 'This machine';
  readonly kind = 'local' as const;
  readonly modes = ['now', 'queue'] as const;

  async submit(request: ExperimentRunRequest, context: SubmitContext): Promise<Submission> {
    const output: string[] = [];
    const names: string[] = [];
    const onOutput: OutputListener = (line, stream) => {
      output.push(line);
      if (output.length > 2 * KEPT_OUTPUT_LINES) output.splice(0, output.length - KEPT_OUTPUT_LINES);
      names.push(...experimentNamesInOutput(line));
      context.onOutput?.(line, stream);
    };
    const options = { name: request.name, signal: context.signal, onOutput };
    const { experiments } = context;
    if (request.mode === 'now') {
      if (request.sweeps.length > 0) throw new Error('A grid of experiments is queued, not run at once.');
      await experiments.run(request.overrides, options);
      const name = names.at(-1) ?? request.name;
      return { target: this, runs: [finishedRun(name, output)] };
    }
    const count =
      request.sweeps.length > 0
        ? await experiments.queueGrid(request.sweeps, request.overrides, options)
        : (await experiments.queue(request.overrides, options), 1);
    // DVC says each queued experiment's name (a short rev for an unnamed one); the requested names otherwise.
    const requested = gridNames(request.name, count);
    const runs = Array.from({ length: count }, (_, index) =>
      queuedRun(experiments, names[index] ?? requested[index] ?? `queued-${index + 1}`),
    );
    return { target: this, runs };
  }
}

/** A run-now: submit returned when it ended, and a failure rejected the submit, so it succeeded. */
function finishedRun(name: string | undefined, output: readonly string[]): RunHandle {
  const kept = output.slice(-KEPT_OUTPUT_LINES);
  return {
    id: name ?? 'workspace run',
    experiment: name,
    state: () => Promise.resolve<RunState>('succeeded'),
    cancel: () => Promise.resolve(),
    log: { read: () => Promise.resolve(kept.join('\n')), followCommand: () => undefined },
    collect: () => Promise.resolve(),
  };
}

/** A run in DVC's local queue, known by its name: DVC's commands accept it for state, kill, remove and logs. */
function queuedRun(experiments: RepositoryExperimentsAccess, name: string): RunHandle {
  // Every commit: the queued experiment stays under its baseline even after HEAD moved on.
  const state = async (signal?: AbortSignal): Promise<RunState> =>
    experimentRunState(
      await experiments.show({ allCommits: true }, { signal, slot: RUN_STATE_READ_SLOT }),
      name,
    );
  return {
    id: name,
    experiment: name,
    state,
    async cancel(signal) {
      const now = await state(signal);
      if (now === 'running') await experiments.kill([name], { signal });
      else if (now === 'queued') await experiments.remove([name], { signal });
    },
    log: {
      read: (signal) => experiments.logs(name, signal),
      followCommand: () => experiments.followLogsCommand(name),
    },
    collect: () => Promise.resolve(),
  };
}
