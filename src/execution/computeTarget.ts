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
import type { OutputListener } from '../repository/processes';
import type { ProcessResult } from '../repository/processes';
import type { ExperimentRunRequest, RunMode } from '../core/execution/runRequest';
import type { RunState } from '../core/execution/runState';
import type { ExperimentsModel } from '../core/experiments/experimentModel';
import type { ParamOverride, ParamSweep } from '../core/experiments/experimentOverrides';
import type { RemoteRunRecord, RemoteTargetSettings } from '../core/execution/computeTargetSettings';
import type { RemoteJobStep } from '../core/execution/remoteJobScript';

export type { ExperimentRunRequest, RunMode } from '../core/execution/runRequest';
export type { RunState } from '../core/execution/runState';
export type { RemoteJobStep } from '../core/execution/remoteJobScript';

/** The kinds of target DVC Lens knows how to drive (Kubernetes is on paper only, see the README). */
export type ComputeTargetKind = 'local' | 'ssh' | 'slurm' | 'kubernetes';

/** A program and its arguments, for a terminal that runs it (no shell). */
export interface CommandArguments {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** Cancel and output of one DVC write. */
export interface ExperimentWriteOptions {
  readonly signal?: AbortSignal;
  readonly onOutput?: OutputListener;
}

/**
 * The repository's DVC experiments as a target uses them: the port the experiments feature's
 * ExperimentsService fills. Declared here, not imported from the feature, so execution never depends on a
 * feature folder (the experiments feature depends on execution).
 */
export interface RepositoryExperimentsAccess {
  /** The repository's root folder. */
  readonly root: string;
  /** `dvc exp run -S … [-n name]`. */
  run(
    overrides: readonly ParamOverride[],
    options?: ExperimentWriteOptions & { readonly name?: string },
  ): Promise<ProcessResult>;
  /** `dvc exp run --queue -S … [-n name]`. */
  queue(
    overrides: readonly ParamOverride[],
    options?: ExperimentWriteOptions & { readonly name?: string },
  ): Promise<ProcessResult>;
  /** One queued experiment per combination of the sweeps; how many were queued. */
  queueGrid(
    sweeps: readonly ParamSweep[],
    fixed?: readonly ParamOverride[],
    options?: ExperimentWriteOptions & { readonly name?: string },
  ): Promise<number>;
  /** `dvc exp show --json` as a model, in the caller's read slot. */
  show(
    query?: { readonly commits?: number; readonly revs?: readonly string[]; readonly allCommits?: boolean },
    options?: { readonly signal?: AbortSignal; readonly slot?: string },
  ): Promise<ExperimentsModel>;
  /** `dvc queue kill`. */
  kill(names: readonly string[], options?: ExperimentWriteOptions): Promise<ProcessResult>;
  /** `dvc exp remove`. */
  remove(names: readonly string[], options?: ExperimentWriteOptions): Promise<ProcessResult>;
  /** `dvc queue logs`. */
  logs(name: string, signal?: AbortSignal): Promise<string>;
  /** The program that follows a queued experiment's log in a terminal. */
  followLogsCommand(name: string): CommandArguments;
  /** `dvc exp pull <git remote> <names>`. */
  pull(gitRemote: string, names: readonly string[], options?: ExperimentWriteOptions): Promise<ProcessResult>;
  /** What a run beyond this machine starts from: HEAD's commit, the git remote's URL, the git identity. */
  remoteRunSource(gitRemote: string, signal?: AbortSignal): Promise<RemoteRunSource>;
}

/** What a run beyond this machine starts from, read from the repository when it is submitted. */
export interface RemoteRunSource {
  /** HEAD's commit (full sha): the experiment's baseline. */
  readonly baseline: string;
  /** The URL of the git remote the far side clones from and pushes the experiment to. */
  readonly url: string;
  /** The person's git identity, for the experiment's commit there (parts not configured: undefined). */
  readonly identity: { readonly name: string | undefined; readonly email: string | undefined };
}

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

/** What "Test Target" found on the far side. */
export interface TargetCheck {
  readonly ok: boolean;
  /** One line per fact: reached the host, `git --version`, `dvc --version`, `sbatch --version`, or what failed. */
  readonly lines: readonly string[];
}

/** A run beyond this machine: its handle also carries what is kept of it across reloads. */
export interface RemoteRunHandle extends RunHandle {
  /** A remote run's experiment is named when it is submitted (it carries the run's id). */
  readonly experiment: string;
  readonly record: RemoteRunRecord;
  /** After a failure: the job step that failed (from the run's state file, else its log), if it can be told. */
  failedStep?(signal?: AbortSignal): Promise<RemoteJobStep | undefined>;
}

/**
 * A target beyond this machine (an SSH host, a Slurm cluster), made from its `dvcLens.computeTargets` entry.
 * Its runs are remote run handles, and a run kept from an earlier session is picked up again from its record.
 */
export interface RemoteComputeTarget extends ComputeTarget {
  readonly kind: 'ssh' | 'slurm';
  readonly settings: RemoteTargetSettings;
  submit(request: ExperimentRunRequest, context: SubmitContext): Promise<RemoteSubmission>;
  /** The handle of a run submitted earlier (after a reload), polled again from its record. */
  reattach(record: RemoteRunRecord, context: SubmitContext): RemoteRunHandle;
  /** Reaches the target and finds git, DVC (and `sbatch`) there, with their versions. */
  test(signal?: AbortSignal): Promise<TargetCheck>;
}

export interface RemoteSubmission extends Submission {
  readonly runs: readonly RemoteRunHandle[];
}
