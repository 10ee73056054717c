/**
 * The experiments of one repository, without VS Code: reads through `dvc exp show` / `dvc exp diff`, and every
 * experiment write (`exp run`, `exp apply`, `queue start`…) through the repository's write lane, so it never
 * meets another DVC write from DVC Lens on the repository lock.
 *
 * Queue workers and the lane: `dvc queue start` returns within a second or two, while the workers it starts
 * keep running experiments in the background (each in its own copy under `.dvc/tmp/exps`). The lane is held only
 * while `queue start` itself runs. Holding it until the queue drains would block every other DVC write of the
 * repository (data, pipeline runs) for the whole sweep, and would not protect anything: the workers are not
 * our processes and do not ask our lane. They take DVC's repository lock only briefly (when they collect an
 * experiment's results into the repository), so a write of ours can still meet them there and fail with
 * DVC's "Unable to acquire lock": callers show DVC's message (see `isDvcLockError`) and the person retries.
 */
import { delimiter, dirname } from 'node:path';
import type { DvcCli, OutputListener } from '../repository/processes';
import type { GitCli } from '../repository/processes';
import type { RepositoryScheduler } from '../repository/processes';
import { optionalValue, positionals, refuseOptionLike } from '../repository/processes';
import type { ProcessRequest, ProcessResult } from '../repository/processes';
import type { ExperimentsModel } from '../core/experiments/experimentModel';
import {
  expandGrid,
  gridNames,
  overrideArguments,
  type ParamOverride,
  type ParamSweep,
} from '../core/experiments/experimentOverrides';
import { parseExpDiff, type ExperimentDiffEntry } from '../core/experiments/parseExpDiff';
import { parseExpShow } from '../core/experiments/parseExpShow';
import type { RemoteRunSource } from '../execution';
import type { ExpShowReads } from './expShowReads';

/** What `dvc exp show` is asked for. */
export interface ExperimentsQuery {
  /** `-n`: this many commits of the current branch, HEAD first (default 1). */
  readonly commits?: number;
  /** `--rev`: these revisions (repeatable) instead of HEAD. */
  readonly revs?: readonly string[];
  /** `-A`: every commit. */
  readonly allCommits?: boolean;
}

/** Options every write shares. */
export interface ExperimentWriteOptions {
  readonly signal?: AbortSignal;
  readonly onOutput?: OutputListener;
}

export interface RunExperimentOptions extends ExperimentWriteOptions {
  /** `-n <name>`; DVC makes one up (e.g. `tuned-hows`) when absent. */
  readonly name?: string;
}

/** A program and its arguments, for a terminal that runs it (no shell). */
export interface CommandArguments {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** The reads of the Experiments view use this slot: a newer read replaces an older one still running. */
export const EXPERIMENTS_READ_SLOT = 'experiments-show';

export class ExperimentsService {
  constructor(
    private readonly cli: DvcCli,
    private readonly scheduler: RepositoryScheduler,
    private readonly git: GitCli,
    /** The hub's shared reader: with it, reads are shared, kept per commit and never superseded. */
    private readonly reads?: ExpShowReads,
  ) {}

  get root(): string {
    return this.scheduler.root;
  }

  /**
   * `dvc exp show --json` as a model: the entry point for every view of experiments (tree and table). `slot`
   * defaults to the view's; a caller asking a different question (another `-n`) passes its own.
   */
  async show(
    query: ExperimentsQuery = {},
    options: { readonly signal?: AbortSignal; readonly slot?: string } = {},
  ): Promise<ExperimentsModel> {
    // Through the hub, no slot: a shared read must never be cancelled because another view asked.
    if (this.reads)
      return this.reads.show(query, (asked, signal) => this.readShow(asked, signal), options.signal);
    return this.readShow(query, options.signal, options.slot ?? EXPERIMENTS_READ_SLOT);
  }

  private async readShow(
    query: ExperimentsQuery,
    signal: AbortSignal | undefined,
    slot?: string,
  ): Promise<ExperimentsModel> {
    const json = await this.cli.readJson(expShowArguments(query), { signal, slot });
    return parseExpShow(json);
  }

  /**
   * `dvc exp diff <a> <b> --json`: changed params and metrics with DVC's own differences. Without `b`, DVC
   * compares `a` with the workspace.
   */
  async diff(a: string, b?: string, signal?: AbortSignal): Promise<ExperimentDiffEntry[]> {
    const revisions = [a, ...(b === undefined ? [] : [b])];
    const json = await this.cli.readJson(['exp', 'diff', '--json', ...positionals(revisions)], {
      signal,
      slot: 'experiments-diff',
    });
    return parseExpDiff(json);
  }

  /** `dvc exp run -S … [-n name]` in the workspace; DVC applies the results to the workspace afterwards. */
  run(overrides: readonly ParamOverride[], options: RunExperimentOptions = {}): Promise<ProcessResult> {
    return this.write(
      ['exp', 'run', ...overrideArguments(overrides), ...nameArguments(options.name)],
      `Run experiment${options.name ? ` ${options.name}` : ''}`,
      options,
    );
  }

  /** `dvc exp run --queue -S … [-n name]`: one queued experiment. */
  queue(overrides: readonly ParamOverride[], options: RunExperimentOptions = {}): Promise<ProcessResult> {
    return this.write(
      ['exp', 'run', '--queue', ...overrideArguments(overrides), ...nameArguments(options.name)],
      `Queue experiment${options.name ? ` ${options.name}` : ''}`,
      options,
    );
  }

  /**
   * A grid: one queued experiment per combination of the sweeps' values (plus the fixed overrides). We expand
   * it ourselves instead of passing DVC's `a=1,2` sweep syntax, so that list values (`[64, 32]`) and names
   * (`name-1`, `name-2`) behave predictably. Returns how many were queued.
   */
  async queueGrid(
    sweeps: readonly ParamSweep[],
    fixed: readonly ParamOverride[] = [],
    options: RunExperimentOptions = {},
  ): Promise<number> {
    const combinations = expandGrid(sweeps);
    const names = gridNames(options.name, combinations.length);
    for (const [index, combination] of combinations.entries())
      await this.queue([...fixed, ...combination], { ...options, name: names[index] });
    return combinations.length;
  }

  /**
   * `dvc queue start -j <jobs>`. DVC starts its workers as a plain `dvc` found on PATH, so the folder of the
   * DVC we use goes first on PATH: without it a venv-installed DVC starts no worker at all (the worker dies
   * with "No such file or directory: 'dvc'" and the queue stays queued).
   */
  startWorkers(jobs: number, options: ExperimentWriteOptions = {}): Promise<ProcessResult> {
    const count = Math.max(1, Math.floor(jobs));
    return this.write(
      ['queue', 'start', '--jobs', String(count)],
      `Start ${count} queue worker(s)`,
      options,
      // The workers inherit the command's output pipes; a worker that never idles out would hold them.
      { env: this.workerEnvironment(), settleOnExit: true },
    );
  }

  /** `dvc queue stop`; `kill`: also interrupt the experiments that run (`--kill`). */
  stopWorkers(kill = false, options: ExperimentWriteOptions = {}): Promise<ProcessResult> {
    return this.write(['queue', 'stop', ...(kill ? ['--kill'] : [])], 'Stop queue workers', options);
  }

  /** `dvc queue kill <names…>`: interrupts running queued experiments (as Ctrl+C would). */
  kill(names: readonly string[], options: ExperimentWriteOptions = {}): Promise<ProcessResult> {
    return this.write(['queue', 'kill', ...positionals(names)], `Kill ${names.join(', ')}`, options);
  }

  /** `dvc queue logs <name>` as text (what ran so far, or all of a finished run). */
  logs(name: string, signal?: AbortSignal): Promise<string> {
    return this.cli.readText(['queue', 'logs', ...positionals([name])], {
      signal,
      slot: `queue-logs:${name}`,
    });
  }

  /** The command that follows an experiment's log live, for a terminal (`dvc queue logs --follow <name>`). */
  followLogsCommand(name: string): CommandArguments {
    const { command, prefixArgs } = this.cli.executable;
    return {
      file: command,
      args: [...prefixArgs, 'queue', 'logs', '--follow', ...positionals([name])],
      env: this.workerEnvironment(),
    };
  }

  /** `dvc exp apply <name>`: its params, code and outputs into the workspace (overwrites workspace changes). */
  apply(name: string, options: ExperimentWriteOptions = {}): Promise<ProcessResult> {
    return this.write(['exp', 'apply', ...positionals([name])], `Apply experiment ${name}`, options);
  }

  /** `dvc exp branch <name> <branch>`: a git branch from the experiment. */
  branch(name: string, branch: string, options: ExperimentWriteOptions = {}): Promise<ProcessResult> {
    return this.write(
      ['exp', 'branch', ...positionals([name, branch])],
      `Create branch ${branch} from ${name}`,
      options,
    );
  }

  rename(name: string, newName: string, options: ExperimentWriteOptions = {}): Promise<ProcessResult> {
    return this.write(
      ['exp', 'rename', ...positionals([name, newName])],
      `Rename experiment ${name} to ${newName}`,
      options,
    );
  }

  /** `dvc exp remove <names…>` (queued ones too). */
  remove(names: readonly string[], options: ExperimentWriteOptions = {}): Promise<ProcessResult> {
    return this.write(
      ['exp', 'remove', ...positionals(names)],
      `Remove experiment(s) ${names.join(', ')}`,
      options,
    );
  }

  /** `dvc exp save [-n name]`: the workspace as it is, as an experiment. */
  save(name?: string, options: ExperimentWriteOptions = {}): Promise<ProcessResult> {
    return this.write(['exp', 'save', ...nameArguments(name)], 'Save workspace as experiment', options);
  }

  /** `dvc exp push <gitRemote> <names…>` (DVC also pushes their cached outputs to the default DVC remote). */
  push(
    gitRemote: string,
    names: readonly string[],
    options: ExperimentWriteOptions = {},
  ): Promise<ProcessResult> {
    return this.write(
      ['exp', 'push', ...positionals([gitRemote, ...names])],
      `Push ${names.join(', ')} to ${gitRemote}`,
      options,
    );
  }

  pull(
    gitRemote: string,
    names: readonly string[],
    options: ExperimentWriteOptions = {},
  ): Promise<ProcessResult> {
    return this.write(
      ['exp', 'pull', ...positionals([gitRemote, ...names])],
      `Pull ${names.join(', ')} from ${gitRemote}`,
      options,
    );
  }

  /** What a run on a remote compute target starts from (the execution port's `remoteRunSource`). */
  async remoteRunSource(gitRemote: string, signal?: AbortSignal): Promise<RemoteRunSource> {
    const [baseline, url, identity] = await Promise.all([
      this.git.resolveCommit('HEAD', signal),
      this.git.remoteUrl(gitRemote, signal),
      this.git.identity(signal),
    ]);
    if (!baseline) throw new Error('This repository has no commit yet: a remote run starts from a commit.');
    return { baseline, url, identity };
  }

  /** The git remotes a push or pull can go to. */
  gitRemotes(signal?: AbortSignal): Promise<string[]> {
    return this.git.remoteNames(signal);
  }

  /** Files git reports as changed or untracked: what `exp apply` could overwrite. */
  async workspaceChanges(signal?: AbortSignal): Promise<string[]> {
    return (await this.git.changedFiles(signal)).map((file) => file.path);
  }

  private workerEnvironment(): Record<string, string> {
    const folder = dirname(this.cli.executable.command);
    return { PATH: [folder, process.env.PATH ?? ''].filter((part) => part.length > 0).join(delimiter) };
  }

  private write(
    args: readonly string[],
    label: string,
    options: ExperimentWriteOptions,
    extra: Pick<ProcessRequest, 'env' | 'settleOnExit'> = {},
  ): Promise<ProcessResult> {
    const { command, prefixArgs } = this.cli.executable;
    return this.scheduler.write(
      { file: command, args: [...prefixArgs, ...args], ...extra },
      { signal: options.signal, onOutput: options.onOutput, label },
    );
  }
}

export function expShowArguments(query: ExperimentsQuery): string[] {
  const args = ['exp', 'show', '--json'];
  if (query.allCommits) return [...args, '--all-commits'];
  // `--rev <rev>` as logs and tests know it; a revision that would read as an option is refused instead.
  for (const rev of query.revs ?? [])
    args.push('--rev', refuseOptionLike(rev, 'The revision', 'DVC would read it as an option.'));
  if (query.commits !== undefined && query.commits > 1) args.push('--num', String(Math.floor(query.commits)));
  return args;
}

function nameArguments(name: string | undefined): string[] {
  return optionalValue('--name', name || undefined);
}
