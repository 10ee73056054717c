/**
 * Typed DVC calls for one repository. Everything goes through the repository's scheduler: reads are
 * deduplicated per slot, writes queue behind each other.
 */
import { parseCliJson } from '../core/cliJson';
import { isProcessError } from './processError';
import { optionValue, positionals, refuseOptionLike } from './safeArguments';
import type { RepositoryScheduler, ScheduledRequest } from './repositoryScheduler';
import type { ProcessResult, RunOptions } from './runner';
import type { DvcExecutable } from './dvcExecutable';

/**
 * DVC reads are Python start-up plus repository collection: seconds, sometimes minutes on big histories. The
 * limit when the owner supplies none (tests, the command-line report); the editor passes `dvcLens.processTimeout`.
 */
const DEFAULT_READ_TIMEOUT_MS = 10 * 60_000;
/** `dvc --version` is only Python start-up. */
const DEFAULT_VERSION_TIMEOUT_MS = 60_000;

/** `dvc repro` flags; all off by default. */
export interface ReproOptions {
  /** `--force`: run even the stages that are up to date. */
  readonly force?: boolean;
  /** `--single-item`: only the targets, not what they depend on. */
  readonly singleItem?: boolean;
  /** `--downstream`: the targets and what depends on them. */
  readonly downstream?: boolean;
  /** `--dry`: print the commands, run nothing. */
  readonly dryRun?: boolean;
  /** `--pull`: fetch missing cached outputs instead of recomputing them. */
  readonly pull?: boolean;
  /** `--keep-going`: continue with independent stages after a failure. */
  readonly keepGoing?: boolean;
}

/** A stage as `dvc stage add` receives it; DVC writes dvc.yaml. */
export interface StageDefinition {
  readonly name: string;
  /** The stage's shell command, stored in dvc.yaml as `cmd` (DVC runs it in a shell when reproducing). */
  readonly command: string;
  readonly deps?: readonly string[];
  /** Parameter keys, optionally `file:key1,key2`. */
  readonly params?: readonly string[];
  readonly outs?: readonly string[];
  readonly metrics?: readonly string[];
  readonly plots?: readonly string[];
}

export type OutputListener = NonNullable<RunOptions['onOutput']>;

/** Options of a DVC read. */
export interface DvcReadOptions {
  readonly signal?: AbortSignal;
  /**
   * Reads of one slot replace each other (a newer one cancels the older), e.g. `experiments-table`. No
   * default: two views asking different questions must not cancel each other by accident.
   */
  readonly slot?: string;
  /** Default: `dvcReadTakesLock(args)`. */
  readonly takesRepositoryLock?: boolean;
  readonly timeoutMs?: number;
}

/**
 * The DVC reads that hold the repository lock, from DVC 3.67.1's sources (`@locked` / `lock_repo`):
 * `status`, `diff` and `exp ls`. Everything else we read (stage list, exp show, data status, params, metrics,
 * plots, dag) takes no lock; see src/cli/repositoryScheduler.ts for what that means for scheduling.
 */
export function dvcReadTakesLock(args: readonly string[]): boolean {
  const words = args.filter((arg) => !arg.startsWith('-'));
  const [first, second] = words;
  return (
    first === 'status' ||
    first === 'diff' ||
    ((first === 'exp' || first === 'experiments') && second === 'ls')
  );
}

export interface DvcCliOptions {
  /**
   * How long a read may run before its process tree is killed (reason `timeout`), asked at each read so a
   * changed setting counts at once. Writes (repro, exp run, push, pull) have no limit: the person cancels them.
   */
  readonly readTimeoutMs?: () => number;
}

export class DvcCli {
  constructor(
    readonly executable: DvcExecutable,
    private readonly scheduler: RepositoryScheduler,
    private readonly options: DvcCliOptions = {},
  ) {}

  get root(): string {
    return this.scheduler.root;
  }

  /** `dvc --version`, e.g. "3.67.1". */
  async version(signal?: AbortSignal): Promise<string> {
    const { stdout } = await this.scheduler.read(
      this.request(['--version'], this.readTimeoutMs(DEFAULT_VERSION_TIMEOUT_MS)),
      {
        signal,
        slot: 'version',
      },
    );
    return stdout.trim().split(/\r?\n/).at(-1)?.trim() ?? '';
  }

  /** Names of the stages of every pipeline (foreach/matrix expanded, `dir/dvc.yaml:` prefixes as DVC prints them). */
  async stageList(signal?: AbortSignal): Promise<string[]> {
    const { stdout } = await this.scheduler.read(
      this.request(['stage', 'list', '--all', '--name-only'], this.readTimeoutMs()),
      {
        signal,
        slot: 'stage-list',
      },
    );
    return stdout
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  }

  /** Any DVC read, its stdout as text. */
  async readText(args: readonly string[], options: DvcReadOptions = {}): Promise<string> {
    const { stdout } = await this.scheduler.read(
      this.request(args, options.timeoutMs ?? this.readTimeoutMs()),
      {
        signal: options.signal,
        slot: options.slot,
        takesRepositoryLock: options.takesRepositoryLock ?? dvcReadTakesLock(args),
      },
    );
    return stdout;
  }

  /** A DVC read with `--json` output, parsed (NaN and Infinity allowed); the caller checks the shape. */
  async readJson(args: readonly string[], options: DvcReadOptions = {}): Promise<unknown> {
    return parseCliJson(await this.readText(args, options));
  }

  /** `dvc init`; `subdir` when the folder is inside a larger git repository (`--subdir`). */
  async init(options: { readonly subdir?: boolean; readonly signal?: AbortSignal } = {}): Promise<void> {
    await this.write(['init', ...(options.subdir ? ['--subdir'] : [])], 'Initialize DVC', options.signal);
  }

  async repro(
    targets: readonly string[] = [],
    options: ReproOptions = {},
    signal?: AbortSignal,
    onOutput?: OutputListener,
    onSpawn?: (pid: number) => void,
  ): Promise<ProcessResult> {
    const flags = [
      ...(options.force ? ['--force'] : []),
      ...(options.singleItem ? ['--single-item'] : []),
      ...(options.downstream ? ['--downstream'] : []),
      ...(options.dryRun ? ['--dry'] : []),
      ...(options.pull ? ['--pull'] : []),
      ...(options.keepGoing ? ['--keep-going'] : []),
    ];
    const label = targets.length > 0 ? `Reproduce ${targets.join(', ')}` : 'Reproduce the pipeline';
    return this.scheduler.write(this.request(['repro', ...flags, ...positionals(targets)]), {
      signal,
      onOutput,
      onSpawn,
      label,
    });
  }

  /** `dvc remote add [-d] <name> <url>`, in the committed `.dvc/config`. */
  async remoteAdd(name: string, url: string, isDefault: boolean, signal?: AbortSignal): Promise<void> {
    await this.write(
      ['remote', 'add', ...(isDefault ? ['--default'] : []), ...positionals([name, url])],
      `Add remote ${name}`,
      signal,
    );
  }

  /** `dvc add <paths…>`: writes `<path>.dvc` and a .gitignore entry for each. */
  async add(paths: readonly string[], signal?: AbortSignal, onOutput?: OutputListener): Promise<void> {
    await this.write(['add', ...positionals(paths)], `Track ${paths.join(', ')}`, signal, onOutput);
  }

  /**
   * `dvc stage add`: DVC validates the stage and writes it into dvc.yaml. A value that starts with `-` is glued
   * to its option (`--deps=-x.csv`). The command cannot go after `--`: DVC 3.67.1 takes everything after the options
   * verbatim, `--` included, into `cmd`. So a command starting with `-` (which DVC would read as one of its
   * own options, and no shell would run) is refused.
   */
  async stageAdd(stage: StageDefinition, signal?: AbortSignal): Promise<void> {
    const command = refuseOptionLike(
      stage.command,
      'The stage command',
      'DVC would read it as one of its own options (and no shell runs a program named so).',
    );
    const repeat = (flag: `--${string}`, values: readonly string[] | undefined): string[] =>
      (values ?? []).flatMap((value) => optionValue(flag, value));
    await this.write(
      [
        'stage',
        'add',
        ...optionValue('--name', stage.name),
        ...repeat('--deps', stage.deps),
        ...repeat('--params', stage.params),
        ...repeat('--outs', stage.outs),
        ...repeat('--metrics', stage.metrics),
        ...repeat('--plots', stage.plots),
        command,
      ],
      `Add stage ${stage.name}`,
      signal,
    );
  }

  private write(
    args: readonly string[],
    label: string,
    signal?: AbortSignal,
    onOutput?: OutputListener,
  ): Promise<ProcessResult> {
    return this.scheduler.write(this.request(args), { signal, onOutput, label });
  }

  private readTimeoutMs(fallback = DEFAULT_READ_TIMEOUT_MS): number {
    return this.options.readTimeoutMs?.() ?? fallback;
  }

  private request(args: readonly string[], timeoutMs?: number): ScheduledRequest {
    return {
      file: this.executable.command,
      args: [...this.executable.prefixArgs, ...args],
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    };
  }
}

/** DVC refused because another DVC process holds the repository lock or an rwlock on the same paths. */
export function isDvcLockError(error: unknown): boolean {
  return (
    isProcessError(error, 'exit') &&
    /Unable to acquire lock|is busy, it is being blocked by/.test(`${error.stderr}\n${error.stdout}`)
  );
}
