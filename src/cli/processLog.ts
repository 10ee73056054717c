/**
 * Where every process call is recorded: one line per call, written when the call ends. The VS Code layer
 * backs it with an Output channel; tests back it with an array.
 */

/** Receives exactly one finished line per call (no trailing newline). */
export interface ProcessLog {
  append(line: string): void;
}

/** How a call ended, as the log line says it. */
export type ProcessLogOutcome =
  | { readonly kind: 'exit'; readonly exitCode: number | undefined; readonly signal?: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'failed'; readonly message: string };

export interface ProcessLogEntry {
  readonly startedAt: Date;
  readonly commandLine: string;
  readonly cwd: string;
  readonly outcome: ProcessLogOutcome;
  readonly durationMs: number;
}

/** `[12:01:02.123] dvc stage list --all (cwd /x) → exit 0 in 812 ms` */
export function formatProcessLogLine(entry: ProcessLogEntry): string {
  const duration = `${Math.round(entry.durationMs)} ms`;
  return `[${formatClockTime(entry.startedAt)}] ${entry.commandLine} (cwd ${entry.cwd}) → ${describeOutcome(entry.outcome, duration)}`;
}

function describeOutcome(outcome: ProcessLogOutcome, duration: string): string {
  switch (outcome.kind) {
    case 'exit':
      if (outcome.exitCode === undefined)
        return `killed by ${outcome.signal ?? 'a signal'} after ${duration}`;
      return `exit ${outcome.exitCode} in ${duration}`;
    case 'cancelled':
      return `cancelled after ${duration}`;
    case 'timeout':
      return `timed out after ${duration}`;
    case 'notFound':
      return `not found (${duration})`;
    case 'failed':
      return `failed in ${duration}: ${firstLine(outcome.message)}`;
  }
}

function formatClockTime(date: Date): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/, 1)[0] ?? '';
}
