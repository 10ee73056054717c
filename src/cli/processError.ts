/**
 * The one error type of a process call. `reason` tells the caller what to do: `cancelled` is silent (the user
 * or a newer read asked for it), `notFound` means the executable is missing (setup), `exit` carries DVC's or
 * git's own message in `stderr`.
 */

export type ProcessFailureReason =
  /** The process ran and exited non-zero (or was killed by someone else's signal). */
  | 'exit'
  /** Our AbortSignal fired: the caller, a newer read of the same slot, or disposal. */
  | 'cancelled'
  /** The call ran longer than its `timeoutMs`; the process tree was killed. */
  | 'timeout'
  /** The executable does not exist (ENOENT). */
  | 'notFound'
  /** The process could not be started for another reason (not executable, missing working folder). */
  | 'spawnFailed'
  /** The output was larger than the runner buffers; the process tree was killed. */
  | 'outputTooLarge';

export interface ProcessErrorDetails {
  readonly reason: ProcessFailureReason;
  /** Shell-quoted, for display only. */
  readonly commandLine: string;
  readonly cwd: string;
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  /** Replaces the generated message (e.g. to say why a spawn failed). */
  readonly message?: string;
}

export class ProcessError extends Error {
  override readonly name = 'ProcessError';
  readonly reason: ProcessFailureReason;
  readonly commandLine: string;
  readonly cwd: string;
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;

  constructor(details: ProcessErrorDetails) {
    super(details.message ?? describeFailure(details));
    this.reason = details.reason;
    this.commandLine = details.commandLine;
    this.cwd = details.cwd;
    this.exitCode = details.exitCode;
    this.signal = details.signal;
    this.stdout = details.stdout;
    this.stderr = details.stderr;
    this.durationMs = details.durationMs;
  }
}

export function isProcessError(error: unknown, reason?: ProcessFailureReason): error is ProcessError {
  return error instanceof ProcessError && (reason === undefined || error.reason === reason);
}

/** Cancellation is not a failure to show: callers use this to stay quiet. */
export function isCancellation(error: unknown): boolean {
  return isProcessError(error, 'cancelled');
}

function describeFailure(details: ProcessErrorDetails): string {
  switch (details.reason) {
    case 'exit': {
      const status =
        details.exitCode === undefined
          ? `was killed by ${details.signal ?? 'a signal'}`
          : `failed with exit code ${details.exitCode}`;
      const detail = lastMeaningfulLine(details.stderr) ?? lastMeaningfulLine(details.stdout);
      return detail ? `${details.commandLine} ${status}: ${detail}` : `${details.commandLine} ${status}`;
    }
    case 'cancelled':
      return `${details.commandLine} was cancelled`;
    case 'timeout':
      return `${details.commandLine} timed out after ${Math.round(details.durationMs)} ms`;
    case 'notFound':
      return `${details.commandLine}: the executable was not found`;
    case 'spawnFailed':
      return `${details.commandLine} could not be started`;
    case 'outputTooLarge':
      return `${details.commandLine} printed more output than can be buffered`;
  }
}

/** DVC and git put the useful sentence last (after tracebacks or hints), prefixed with "ERROR:" for DVC. */
function lastMeaningfulLine(text: string): string | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.find((line) => line.startsWith('ERROR:')) ?? lines.at(-1);
}

/**
 * "Cancelled" for one caller that stopped waiting for a read others still share (the read runs on): what
 * `isCancellation` recognises, without a process of its own.
 */
export function readCancelledError(commandLine: string): ProcessError {
  return new ProcessError({
    reason: 'cancelled',
    commandLine,
    cwd: '',
    exitCode: undefined,
    signal: undefined,
    stdout: '',
    stderr: '',
    durationMs: 0,
  });
}
