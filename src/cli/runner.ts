/**
 * The only place that starts a process (lint rule). Argument arrays, never a shell; one ProcessError type;
 * cancellation and timeouts kill the whole process tree; one log line per call.
 */
import { access } from 'node:fs/promises';
import { formatCommandLine } from './commandLine';
import { ProcessError, type ProcessFailureReason } from './processError';
import { formatProcessLogLine, type ProcessLog, type ProcessLogOutcome } from './processLog';
import { killProcessTree, trackProcessGroup } from './processTree';

/** Set for every call: no analytics pings, no browser windows from DVCLive, git never prompts for a password. */
export const PROCESS_ENVIRONMENT: Readonly<Record<string, string>> = {
  DVC_NO_ANALYTICS: 'true',
  DVCLIVE_OPEN: 'false',
  GIT_TERMINAL_PROMPT: '0',
};

/**
 * execa 9 is ESM-only and one of its dependencies (unicorn-magic) exports only an "import" condition, so a
 * static import compiled to require() fails under tsx (tests). A dynamic import works under tsx and esbuild
 * inlines it into the CommonJS bundle.
 */
let execaModule: Promise<typeof import('execa')> | undefined;
const loadExeca = (): Promise<typeof import('execa')> => (execaModule ??= import('execa'));

/** `dvc exp show --json -A` on a long history is tens of MB; buffers are generous so output is never cut. */
const MAX_BUFFER_BYTES = 1024 * 1024 * 1024;
const DEFAULT_KILL_GRACE_MS = 3000;
/** With `settleOnExit`: how long output may still arrive after the exit before our ends of the pipes close. */
const OUTPUT_GRACE_AFTER_EXIT_MS = 300;

export interface ProcessRequest {
  /** An absolute path, or a bare name the OS resolves on PATH. */
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Added to process.env and PROCESS_ENVIRONMENT (these win over both). */
  readonly env?: Readonly<Record<string, string>>;
  /** Written to stdin, which is closed afterwards; without it stdin is /dev/null so nothing can prompt. */
  readonly input?: string;
  /** Kill the tree and fail with reason 'timeout' after this long. No limit when absent. */
  readonly timeoutMs?: number;
  /**
   * Settle when the process itself exits, not when its output pipes close. For commands that start daemons
   * (`dvc queue start`): the daemons inherit the pipes and may hold them open for as long as they live, so
   * waiting for the pipes would wait for the daemons. What arrives within a short grace is still kept.
   */
  readonly settleOnExit?: boolean;
}

export type OutputStream = 'stdout' | 'stderr';

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Called once per output line as it arrives (`\r` of progress bars also ends a line). */
  readonly onOutput?: (line: string, stream: OutputStream) => void;
  /** Called with the pid right after the start, e.g. to show it or (tests) to check it is gone later. */
  readonly onSpawn?: (pid: number) => void;
}

export interface ProcessResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly durationMs: number;
  readonly commandLine: string;
}

/** What the scheduler, discovery and setup need from a runner; tests pass fakes. */
export interface CommandRunner {
  run(request: ProcessRequest, options?: RunOptions): Promise<ProcessResult>;
}

export interface ProcessRunnerOptions {
  readonly log?: ProcessLog;
  /** Between SIGTERM and SIGKILL when a tree is killed. */
  readonly killGraceMs?: number;
}

type StopReason = Extract<ProcessFailureReason, 'cancelled' | 'timeout' | 'outputTooLarge'>;

export class ProcessRunner implements CommandRunner {
  constructor(private readonly options: ProcessRunnerOptions = {}) {}

  async run(request: ProcessRequest, options: RunOptions = {}): Promise<ProcessResult> {
    const commandLine = formatCommandLine(request.file, request.args);
    const startedAt = new Date();
    const started = performance.now();
    const elapsed = (): number => performance.now() - started;
    const finish = (outcome: ProcessLogOutcome): void =>
      this.options.log?.append(
        formatProcessLogLine({ startedAt, commandLine, cwd: request.cwd, outcome, durationMs: elapsed() }),
      );

    const { execa } = await loadExeca();
    // Checked after the await: the signal may have fired while execa loaded, and 'abort' never fires twice.
    if (options.signal?.aborted) {
      finish({ kind: 'cancelled' });
      throw new ProcessError(emptyFailure('cancelled', commandLine, request.cwd, elapsed()));
    }
    const subprocess = execa(request.file, request.args, {
      cwd: request.cwd,
      env: { ...PROCESS_ENVIRONMENT, ...request.env },
      extendEnv: true,
      ...(request.input === undefined ? { stdin: 'ignore' as const } : { input: request.input }),
      // Its own process group, so that the group kill reaches the stage's shell and everything under it.
      detached: process.platform !== 'win32',
      maxBuffer: MAX_BUFFER_BYTES,
      reject: false,
      windowsHide: true,
    });
    const pid = subprocess.pid;
    const untrack = pid === undefined ? () => undefined : trackProcessGroup(pid);
    if (pid !== undefined) options.onSpawn?.(pid);

    let stopReason: StopReason | undefined;
    let killing: Promise<void> | undefined;
    const stop = (reason: StopReason): void => {
      if (stopReason !== undefined) return;
      stopReason = reason;
      if (pid !== undefined)
        killing = killProcessTree(pid, this.options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
    };
    const onAbort = (): void => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      request.timeoutMs === undefined ? undefined : setTimeout(() => stop('timeout'), request.timeoutMs);

    const flushers = options.onOutput
      ? [
          forwardLines(subprocess.stdout, 'stdout', options.onOutput),
          forwardLines(subprocess.stderr, 'stderr', options.onOutput),
        ]
      : [];

    if (request.settleOnExit) {
      subprocess.once('exit', () => {
        // Destroying our ends lets execa settle with what was read; the daemons' writes then go nowhere.
        setTimeout(() => {
          subprocess.stdout?.destroy();
          subprocess.stderr?.destroy();
        }, OUTPUT_GRACE_AFTER_EXIT_MS).unref();
      });
    }

    const result = await subprocess;
    if (result.isMaxBuffer) stop('outputTooLarge');
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    await killing;
    untrack();
    for (const flush of flushers) flush();

    const stdout = typeof result.stdout === 'string' ? result.stdout : '';
    const stderr = typeof result.stderr === 'string' ? result.stderr : '';
    const base = { commandLine, cwd: request.cwd, stdout, stderr, durationMs: elapsed() };

    if (stopReason !== undefined) {
      finish(
        stopReason === 'outputTooLarge'
          ? { kind: 'failed', message: 'output larger than the buffer' }
          : { kind: stopReason },
      );
      const message =
        stopReason === 'timeout' ? `${commandLine} timed out after ${request.timeoutMs} ms` : undefined;
      throw new ProcessError({
        ...base,
        reason: stopReason,
        exitCode: result.exitCode,
        signal: result.signal,
        message,
      });
    }
    if (result.failed && result.exitCode === undefined && result.signal === undefined) {
      const spawnError = await describeSpawnFailure(result.code, result.message ?? '', request);
      finish(
        spawnError.reason === 'notFound'
          ? { kind: 'notFound' }
          : { kind: 'failed', message: spawnError.message },
      );
      throw new ProcessError({ ...base, ...spawnError, exitCode: undefined, signal: undefined });
    }
    if (result.exitCode !== 0 || result.signal !== undefined) {
      finish({ kind: 'exit', exitCode: result.exitCode, signal: result.signal });
      throw new ProcessError({ ...base, reason: 'exit', exitCode: result.exitCode, signal: result.signal });
    }
    finish({ kind: 'exit', exitCode: 0 });
    return { stdout, stderr, exitCode: 0, durationMs: base.durationMs, commandLine };
  }
}

/** Node reports a missing working folder as ENOENT too; tell the two apart so that "not found" is true. */
async function describeSpawnFailure(
  code: string | undefined,
  message: string,
  request: ProcessRequest,
): Promise<{ reason: ProcessFailureReason; message: string }> {
  const commandLine = formatCommandLine(request.file, request.args);
  if (code === 'ENOENT') {
    const cwdExists = await access(request.cwd).then(
      () => true,
      () => false,
    );
    if (cwdExists)
      return { reason: 'notFound', message: `${request.file} was not found (cwd ${request.cwd})` };
    return {
      reason: 'spawnFailed',
      message: `${commandLine} could not start: the folder ${request.cwd} does not exist`,
    };
  }
  return { reason: 'spawnFailed', message: `${commandLine} could not start: ${code ?? message}` };
}

function emptyFailure(reason: ProcessFailureReason, commandLine: string, cwd: string, durationMs: number) {
  return {
    reason,
    commandLine,
    cwd,
    exitCode: undefined,
    signal: undefined,
    stdout: '',
    stderr: '',
    durationMs,
  };
}

/** Splits a stream into lines for `onOutput`; returns a flush for the last line without a newline. */
function forwardLines(
  stream: NodeJS.ReadableStream | null,
  name: OutputStream,
  onOutput: (line: string, stream: OutputStream) => void,
): () => void {
  if (!stream) return () => undefined;
  const decoder = new TextDecoder();
  let pending = '';
  stream.on('data', (chunk: Buffer | string) => {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // A final "\r" may be the first half of "\r\n" split across chunks: keep it until the next chunk.
    const heldBack = pending.endsWith('\r') ? '\r' : '';
    const lines = pending.slice(0, pending.length - heldBack.length).split(/\r\n|\n|\r/);
    pending = (lines.pop() ?? '') + heldBack;
    for (const line of lines) onOutput(line, name);
  });
  return () => {
    pending = (pending + decoder.decode()).replace(/\r$/, '');
    if (pending.length > 0) onOutput(pending, name);
    pending = '';
  };
}
