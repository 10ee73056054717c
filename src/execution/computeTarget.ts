/**
 * Where an experiment runs. Every compute target (this machine today; SSH hosts and Slurm clusters next,
 * Kubernetes perhaps later) answers the same request with run handles, so a new one is one module plus its
 * registration in ComputeTargets, and the commands that run experiments do not change.
 *
 * The life of a run, whatever the target: submit (the target accepts it: `dvc exp run --queue`, an `sbatch`,
 * a `kubectl apply`), poll its state until it is finished, read its log, cancel it, and collect its results
 * into the repository (a remote run pushes its experiment to a git remote; `dvc exp pull` brings it back).
 * Targets stay free of VS Code: the commands own prompts, progress and messages.
 */
import type { OutputListener } from '../cli/dvcCli';
import type { ExperimentRunRequest, RunMode } from '../core/execution/runRequest';
import type { RunState } from '../core/execution/runState';
import type { CommandArguments, ExperimentsService } from '../experiments/experimentsService';

export type { ExperimentRunRequest, RunMode } from '../core/execution/runRequest';
export type { RunState } from '../core/execution/runState';

/** The kinds of target DVC Lens knows how to drive (only `local` exists yet). */
export type ComputeTargetKind = 'local' | 'ssh' | 'slurm' | 'kubernetes';

/** The repository's DVC experiments as a target uses them (the local target runs through them). */
export type RepositoryExperimentsAccess = Pick<
  ExperimentsService,
  'root' | 'run' | 'queue' | 'queueGrid' | 'show' | 'kill' | 'remove' | 'logs' | 'followLogsCommand' | 'pull'
>;

/** What a submission and a run handle work with: the repository, and the caller's cancel and output. */
export interface SubmitContext {
  /** The repository the experiment belongs to. */
  readonly experiments: RepositoryExperimentsAccess;
  /** Cancels the submission itself (for this machine's run-now: the run). */
  readonly signal?: AbortSignal;
  /** DVC's (or the scheduler's) output while submitting, one line at a time. */
  readonly onOutput?: OutputListener;
}

/** Where a run's log comes from. */
export interface RunLog {
  /** The log so far (all of it once the run finished). */
  read(signal?: AbortSignal): Promise<string>;
  /** A program that follows the log live in a terminal (`dvc queue logs -f`, `ssh … tail -f`, `kubectl logs -f`); none when the log is only read. */
  followCommand(): CommandArguments | undefined;
}

/** One run a target accepted. */
export interface RunHandle {
  /** The target's name for the run: the experiment's name here, a Slurm job id or a Job name elsewhere. */
  readonly id: string;
  /** The DVC experiment's name once known (what `dvc exp show` and `dvc exp pull` use). */
  readonly experiment: string | undefined;
  /** Asks the target where the run is now (polled while not finished; see isFinishedRunState). */
  state(signal?: AbortSignal): Promise<RunState>;
  /** Stops the run, or takes it out of the queue before it starts; nothing when it has finished. */
  cancel(signal?: AbortSignal): Promise<void>;
  /** The run's output. */
  readonly log: RunLog;
  /** Brings a finished run's experiment into the repository (remote: `dvc exp pull`); here it is there already. */
  collect(signal?: AbortSignal): Promise<void>;
}

/** What a submit returns: one handle per run (a grid queues several). */
export interface Submission {
  readonly target: ComputeTarget;
  readonly runs: readonly RunHandle[];
}

/** A place experiments run. */
export interface ComputeTarget {
  /** Unique among the registered targets; stable across sessions (settings will name it). */
  readonly id: string;
  /** What a person reads in a "where?" pick: `This machine`, `gpu-box (SSH)`. */
  readonly label: string;
  readonly kind: ComputeTargetKind;
  /** The modes this target offers (a cluster only queues). */
  readonly modes: readonly RunMode[];
  /** Hands the request over; resolves once accepted (for this machine's run-now: once the run finished). */
  submit(request: ExperimentRunRequest, context: SubmitContext): Promise<Submission>;
}
