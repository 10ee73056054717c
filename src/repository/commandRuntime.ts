/**
 * The steps every command that acts on a repository takes, in one order: trust, the repository, DVC, progress
 * with Cancel, the error with "Show Log", the refresh. Pure decisions: the editor is reached through
 * `CommandEnvironment`, so unit tests drive it without VS Code (command.ts wires it to the real one).
 */
import type { DvcCli } from '../cli/dvcCli';
import type { GitCli } from '../cli/gitCli';
import { isProcessError } from '../cli/processError';
import {
  dvcFailureActionTitle,
  explainDvcFailure,
  type DvcFailureAction,
  type DvcFailureExplanation,
} from '../core/dvcFailure/explainDvcFailure';
import { restrictedModeMessage } from '../trust/restrictedModeMessage';

/** What the runtime needs of a repository; the hub's `Repository` has all of it. */
export interface CommandRepository {
  /** DVC for the repository; `undefined` when untrusted or DVC was not found. */
  dvc(): Promise<DvcCli | undefined>;
  readonly git: GitCli;
}

/** A task behind a progress notification: `signal` aborts on Cancel, `report` sets the line under the title. */
export type ProgressTask<T> = (signal: AbortSignal, report: (message: string) => void) => Promise<T>;

/** The editor calls of a command, as thin wrappers (tests record them). */
export interface CommandUi {
  /** A warning that goes away by itself (Restricted Mode, "no repository"). */
  warn(message: string): void;
  inform(message: string): void;
  /** An error with "Show Log" (the Output channel holds the command line and stderr). Not awaited. */
  showErrorWithLog(message: string, detail?: string): void;
  /**
   * An error with one action besides "Show Log"; resolves to whether the action was picked. Without it, a
   * failure that has an action is shown with `showErrorWithLog`. `detail` (the raw output) goes to the log.
   */
  showErrorWithAction?(message: string, action: string, detail?: string): PromiseLike<boolean>;
  /** Runs `task` behind a notification titled `title` with a Cancel button. */
  withProgress<T>(title: string, task: ProgressTask<T>): Promise<T>;
}

/** Why no repository came out of resolving a command's argument. */
export type MissingRepository =
  /** The workspace has no repository the command can act in. */
  | 'none'
  /** The argument named a place that lies in none of them. */
  | 'unknown'
  /** The person closed the pick: nothing to say. */
  | 'closed';

export type RepositoryResolution<R> = { readonly repository: R } | { readonly missing: MissingRepository };

/** What the command asks of the one resolve/pick. */
export interface RepositoryRequest<R> {
  /** The quick pick's title when the argument names no repository and there are several. */
  readonly title: string;
  /** Which repositories the command can act in (all of them without it). */
  readonly accepts?: (repository: R) => boolean;
}

export interface CommandEnvironment<R extends CommandRepository> {
  readonly ui: CommandUi;
  isTrusted(): boolean;
  /** The argument's repository (a Uri, a tree node, `{ root }`), else the only one, else the one picked. */
  resolve(argument: unknown, request: RepositoryRequest<R>): Promise<RepositoryResolution<R>>;
  isCancellation(error: unknown): boolean;
  /** Re-reads the named state of the repository after a command (the hub's slices). Never rejects. */
  refresh(repository: R, names: readonly string[]): Promise<void>;
  /** Does what a translated DVC failure offers (Pull, install a plugin, set the git identity); not Retry. */
  runFailureAction?(repository: R, action: Exclude<DvcFailureAction, { kind: 'retry' }>): Promise<void>;
}

/** The texts and steps a command chooses; every one has a default. */
export interface RepositoryCommandOptions<R> {
  /** The repository quick pick's title. */
  readonly pickTitle?: string;
  /** Which repositories the command can act in. */
  readonly accepts?: (repository: R) => boolean;
  /** Said when there is no repository to act in. */
  readonly noRepository?: string;
  /** Said in Restricted Mode instead of the general restricted message. */
  readonly restricted?: string;
  /** DVC must be there: without it the command says `dvcMissing` and runs nothing. */
  readonly needsDvc?: boolean;
  readonly dvcMissing?: string;
  /** The whole handler runs behind a cancellable notification with this title ("DVC Lens: " goes first). */
  readonly progress?: string;
  /** The error shown for a failure (not for a cancellation); `title` is that of the progress it failed in. */
  readonly failure?: (error: unknown, title: string | undefined) => string;
  /** Names of the repository's state re-read after the command ran anything behind progress. */
  readonly refreshes?: readonly string[];
}

/** The progress of a command: the notification it runs in, or one it starts after asking its questions. */
export interface CommandProgress {
  /** A line under the notification's title (nothing outside one). */
  report(message: string): void;
  /**
   * Runs `task` behind a cancellable notification titled `DVC Lens: ${title}`; `failure` words its error
   * when the step knows better than the command (it names what the step was given).
   */
  run<T>(title: string, task: ProgressTask<T>, failure?: (error: unknown) => string): Promise<T>;
}

/** What a command handler receives; `D` is `DvcCli` when the command needs DVC. */
export interface RepositoryCommandContext<R, D = DvcCli | undefined> {
  readonly repository: R;
  readonly dvc: D;
  readonly git: GitCli;
  /** The arguments the command was invoked with (a tree node, Explorer URIs, an object from tests). */
  readonly args: readonly unknown[];
  /** Aborted when the person cancels the command's progress. */
  readonly signal: AbortSignal;
  readonly progress: CommandProgress;
}

/** `DvcCli` for commands declared with `needsDvc: true`. */
export type DvcOf<O> = O extends { readonly needsDvc: true } ? DvcCli : DvcCli | undefined;

export const NO_REPOSITORY_MESSAGE = 'DVC Lens: there is no DVC repository in this workspace.';
export const DVC_MISSING_MESSAGE =
  'DVC Lens: DVC was not found, so nothing ran. Choose a DVC executable or install DVC, then try again.';

/** The trust gate alone: false (and says why) in Restricted Mode. */
export function admitted<R extends CommandRepository>(
  env: CommandEnvironment<R>,
  restricted: string = restrictedModeMessage,
): boolean {
  if (env.isTrusted()) return true;
  env.ui.warn(restricted);
  return false;
}

/**
 * Runs a command from its arguments: trust, the repository, then `runInRepository`. Resolves to the handler's
 * result, or `undefined` when it was refused, had nothing to act on, was cancelled or failed (already said).
 */
export async function runRepositoryCommand<
  R extends CommandRepository,
  O extends RepositoryCommandOptions<R>,
  T,
>(
  env: CommandEnvironment<R>,
  options: O,
  args: readonly unknown[],
  handler: (context: RepositoryCommandContext<R, DvcOf<O>>) => Promise<T>,
): Promise<T | undefined> {
  if (!admitted(env, options.restricted)) return undefined;
  const repository = await chooseRepository(env, options, args[0]);
  if (!repository) return undefined;
  return runInRepository(env, repository, options, args, handler);
}

/** The repository the argument names, else the only one, else the pick; says so when there is none. */
export async function chooseRepository<R extends CommandRepository>(
  env: CommandEnvironment<R>,
  options: Pick<RepositoryCommandOptions<R>, 'pickTitle' | 'accepts' | 'noRepository'>,
  argument: unknown,
): Promise<R | undefined> {
  const resolution = await env.resolve(argument, {
    title: options.pickTitle ?? 'Which repository?',
    accepts: options.accepts,
  });
  if ('repository' in resolution) return resolution.repository;
  if (resolution.missing !== 'closed') env.ui.inform(options.noRepository ?? NO_REPOSITORY_MESSAGE);
  return undefined;
}

/**
 * Runs a command in a repository already chosen (a command that found it from its own targets): trust, DVC,
 * progress, error, refresh. The refresh follows any work behind progress, failed or cancelled too (a
 * half-done write changes files as well), and is awaited before the command resolves.
 */
export async function runInRepository<R extends CommandRepository, O extends RepositoryCommandOptions<R>, T>(
  env: CommandEnvironment<R>,
  repository: R,
  options: O,
  args: readonly unknown[],
  handler: (context: RepositoryCommandContext<R, DvcOf<O>>) => Promise<T>,
): Promise<T | undefined> {
  if (!admitted(env, options.restricted)) return undefined;
  const dvc = await repository.dvc();
  if (options.needsDvc && !dvc) {
    env.ui.showErrorWithLog(options.dvcMissing ?? DVC_MISSING_MESSAGE);
    return undefined;
  }
  let worked = false;
  let lastTitle: string | undefined;
  let stepFailure: ((error: unknown) => string) | undefined;
  const run = <U>(title: string, task: ProgressTask<U>, failure?: (error: unknown) => string): Promise<U> => {
    worked = true;
    lastTitle = title;
    stepFailure = failure;
    // A step that finished no longer words what fails after it.
    return env.ui.withProgress(`DVC Lens: ${title}`, task).then((result) => {
      stepFailure = undefined;
      return result;
    });
  };
  const context = (signal: AbortSignal, report: (message: string) => void) =>
    ({
      repository,
      dvc: dvc as DvcOf<O>,
      git: repository.git,
      args,
      signal,
      progress: { report, run },
    }) satisfies RepositoryCommandContext<R, DvcOf<O>>;
  try {
    const title = options.progress;
    if (title !== undefined) return await run(title, (signal, report) => handler(context(signal, report)));
    return await handler(context(new AbortController().signal, () => undefined));
  } catch (error) {
    if (!env.isCancellation(error)) {
      const explanation = explainProcessFailure(error);
      const full = stepFailure ? stepFailure(error) : failureText(options, error, lastTitle, explanation);
      const retry = () => void runInRepository(env, repository, options, args, handler);
      offerFailure(
        env,
        repository,
        atMostThreeLines(full),
        rawDetail(error, full),
        explanation?.action,
        retry,
      );
    }
    return undefined;
  } finally {
    if (worked && options.refreshes && options.refreshes.length > 0)
      await env.refresh(repository, options.refreshes);
  }
}

function failureText<R>(
  options: RepositoryCommandOptions<R>,
  error: unknown,
  title: string | undefined,
  explanation: DvcFailureExplanation | undefined,
): string {
  if (options.failure) return options.failure(error, title);
  const text = explanation?.sentence ?? (error instanceof Error ? error.message : String(error));
  return title ? `DVC Lens: ${title} failed: ${text}` : `DVC Lens: ${text}`;
}

/** DVC's (or git's) failure in one sentence with its action; `undefined` for errors that are not an exit. */
function explainProcessFailure(error: unknown): DvcFailureExplanation | undefined {
  if (!isProcessError(error, 'exit')) return undefined;
  return explainDvcFailure(`${error.stderr}\n${error.stdout}`);
}

/** A notification is read at a glance: three lines at most; the whole text is in the log behind it. */
function atMostThreeLines(message: string): string {
  const lines = message.split(/\r?\n/).filter((line) => line.trim().length > 0);
  if (lines.length <= 3) return lines.join('\n');
  return `${lines.slice(0, 3).join('\n')} … (the rest is in the log)`;
}

/** What the log keeps besides the notification: the whole message and the process's own output. */
function rawDetail(error: unknown, message: string): string | undefined {
  const output = isProcessError(error)
    ? `${error.commandLine} (exit ${error.exitCode ?? '?'})\n${error.stderr.trim()}\n${error.stdout.trim()}`.trim()
    : undefined;
  const whole = atMostThreeLines(message) === message ? undefined : message;
  const parts = [whole, output].filter((part): part is string => part !== undefined && part.length > 0);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

function offerFailure<R extends CommandRepository>(
  env: CommandEnvironment<R>,
  repository: R,
  message: string,
  detail: string | undefined,
  action: DvcFailureAction | undefined,
  retry: () => void,
): void {
  const canAct = action && (action.kind === 'retry' || env.runFailureAction !== undefined);
  if (!action || !canAct || env.ui.showErrorWithAction === undefined) {
    env.ui.showErrorWithLog(message, detail);
    return;
  }
  const title = dvcFailureActionTitle(action);
  void Promise.resolve(env.ui.showErrorWithAction(message, title, detail)).then((picked) => {
    if (!picked) return;
    if (action.kind === 'retry') retry();
    else void env.runFailureAction?.(repository, action);
  });
}
