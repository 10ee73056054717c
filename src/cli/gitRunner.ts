/**
 * git's counterpart of runner.ts: runs one simple-git operation for one folder (simple-git starts git
 * itself: the accepted exception to "only runner.ts spawns"). Every call is logged to the same ProcessLog as
 * DVC calls, one line with its duration, and its errors become the same ProcessError as DVC's so that the UI
 * has one error type to explain. The git concepts (gitWorkTree.ts, gitHistoryReads.ts, …) run through one.
 */
import { simpleGit, GitPluginError, type SimpleGit } from 'simple-git';
import { formatCommandLine } from './commandLine';
import { ProcessError, type ProcessFailureReason } from './processError';
import { formatProcessLogLine, type ProcessLog, type ProcessLogOutcome } from './processLog';
import { ReadDeadline } from './readDeadline';
import { PROCESS_ENVIRONMENT } from './runner';

/**
 * simple-git refuses to run at all when the environment holds EDITOR, PAGER, GIT_ASKPASS, GIT_SSH_COMMAND,
 * GIT_CONFIG_GLOBAL… (its guard against injected configuration). Those come from the user's own environment,
 * which their terminal git uses too, and many people have EDITOR set: without these flags every git call
 * fails for them. Our arguments are fixed by the git concept files (paths after `--`, the message as
 * `--message=` value), so the argument-borne categories (aliases, hooks, filters, credential helpers,
 * protocols) stay blocked.
 */
const ENVIRONMENT_SOURCED_CATEGORIES = {
  allowUnsafeEditor: true,
  allowUnsafePager: true,
  allowUnsafeAskPass: true,
  allowUnsafeSshCommand: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeGitProxy: true,
  allowUnsafeTemplateDir: true,
  allowUnsafeDiffExternal: true,
} as const;

/** How a GitCli (and its GitRunner) logs, finds git, sets its environment and limits reads. */
export interface GitCliOptions {
  readonly log?: ProcessLog;
  /** Added to process.env (after GIT_TERMINAL_PROMPT=0), e.g. GIT_CONFIG_GLOBAL in tests. */
  readonly env?: Readonly<Record<string, string>>;
  /** The git executable (default: `git` on PATH). */
  readonly binary?: string;
  /**
   * How long a read may run, from its spawn, before git is killed (reason `timeout`); asked at each call.
   * No limit when absent. Writes (init, add, commit, config) have none: a commit may run the person's hooks.
   */
  readonly readTimeoutMs?: () => number;
}

/** Whether a call may be stopped by the read timeout. */
type GitAccess = 'read' | 'write';

export class GitRunner {
  constructor(
    readonly folder: string,
    private readonly options: GitCliOptions = {},
  ) {}

  /** Runs `operation` on a simple-git made for this call; read calls obey the read timeout. */
  async run<T>(
    operation: (git: SimpleGit) => Promise<T>,
    signal?: AbortSignal,
    access: GitAccess = 'read',
  ): Promise<T> {
    const spawned: string[][] = [];
    const limit = access === 'read' ? this.options.readTimeoutMs?.() : undefined;
    const deadline = new ReadDeadline(limit, signal);
    const startedAt = new Date();
    const started = performance.now();
    const logLine = (outcome: ProcessLogOutcome): string => {
      const commandLine = spawned.map((args) => formatCommandLine('git', args)).join(' && ') || 'git';
      this.options.log?.append(
        formatProcessLogLine({
          startedAt,
          commandLine,
          cwd: this.folder,
          outcome,
          durationMs: performance.now() - started,
        }),
      );
      return commandLine;
    };
    try {
      // Created per call: it throws at once for a missing folder, and the abort signal belongs to this call.
      const git = simpleGit({
        baseDir: this.folder,
        binary: this.options.binary ?? 'git',
        ...(deadline.signal ? { abort: deadline.signal } : {}),
        unsafe: ENVIRONMENT_SOURCED_CATEGORIES,
      })
        .env(this.environment())
        .outputHandler((_command, _stdout, _stderr, args) => {
          spawned.push(args);
          deadline.start();
        });
      const result = await operation(git);
      logLine({ kind: 'exit', exitCode: 0 });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failure = failureReason(error, message);
      // The abort that stops git is ours when the limit ran out: a timeout, not the caller's cancellation.
      const reason = failure === 'cancelled' && deadline.expired ? 'timeout' : failure;
      const commandLine = logLine(reason === 'exit' ? { kind: 'failed', message } : { kind: reason });
      throw new ProcessError({
        reason,
        commandLine,
        cwd: this.folder,
        exitCode: undefined,
        signal: undefined,
        stdout: '',
        stderr: message,
        durationMs: performance.now() - started,
        message:
          reason === 'notFound'
            ? `git was not found (${this.options.binary ?? 'git on PATH'})`
            : reason === 'cancelled'
              ? `${commandLine} was cancelled`
              : reason === 'timeout'
                ? `${commandLine} timed out after ${limit} ms`
                : `${commandLine} failed: ${message.trim()}`,
      });
    } finally {
      deadline.dispose();
    }
  }

  private environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    return {
      ...env,
      GIT_TERMINAL_PROMPT: PROCESS_ENVIRONMENT.GIT_TERMINAL_PROMPT ?? '0',
      ...this.options.env,
    };
  }
}

function failureReason(
  error: unknown,
  message: string,
): Extract<ProcessFailureReason, 'exit' | 'cancelled' | 'notFound'> {
  if (error instanceof GitPluginError && error.plugin === 'abort') return 'cancelled';
  if (/\bENOENT\b/.test(message)) return 'notFound';
  return 'exit';
}
