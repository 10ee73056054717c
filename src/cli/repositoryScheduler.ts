/**
 * One scheduler per repository root: every DVC call of that repository goes through it.
 *
 * Reads: identical reads in flight share one process; a read with a `slot` cancels the older read of the same
 * slot (the UI only wants the newest answer); a caller that gives up (its AbortSignal) stops waiting, and the
 * process is killed when no other caller still waits for it.
 *
 * Writes (and reads that take DVC's lock): one FIFO lane per repository, one command at a time, so two of them
 * never meet on DVC's repository lock (`.dvc/tmp/lock`, given up after ~3 s: "Unable to acquire lock").
 *
 * Do reads take DVC's lock? Checked against DVC 3.67.1 (sources and a running `dvc repro`):
 * - `dvc status` holds the repository lock for its whole run (commands/status.py `lock_repo`), and during a
 *   repro it fails at once with "'out' is busy, it is being blocked by (PID …)" (rwlock). `dvc diff` and
 *   `dvc exp ls` are `@locked` too. Such reads are marked `takesRepositoryLock` and go through the lane: during a
 *   write they would fail anyway, and a long one would make a write fail on the lock.
 * - `dvc stage list`, `exp show`, `data status`, `params diff`, `metrics show`, `plots show/diff`, `dag` take no
 *   lock and succeeded while a repro was running: they run at once, in parallel with writes.
 * - `dvc repro` releases the repository lock while a stage command runs (stage/decorators.py `unlocked_repo`)
 *   and protects its deps and outs with `.dvc/tmp/rwlock` instead; it takes the lock again between stages, so
 *   writes still must not overlap.
 *
 * A lock-taking read is never killed once it runs: `dvc status` rewrites `.dvc/tmp/rwlock` (a JSON file) while
 * it works, and a kill in the middle of that write leaves the file truncated; every later DVC write then fails
 * with "Unable to read RWLock-file '.dvc/tmp/rwlock'. JSON structure is corrupted" until someone deletes it
 * (seen in our suite when a superseded `dvc status` was killed). Superseded or abandoned, such a read still
 * runs to its end in the lane (its answer goes to nobody); while it only waits in the lane it is dropped.
 */
import { formatCommandLine } from './commandLine';
import { linkAbortSignals, type LinkedAbortSignal } from './linkedAbortSignal';
import { ProcessError } from './processError';
import type { CommandRunner, ProcessRequest, ProcessResult, RunOptions } from './runner';

/** A request for this repository; `cwd` defaults to the repository root. */
export type ScheduledRequest = Omit<ProcessRequest, 'cwd'> & { readonly cwd?: string };

export interface ReadOptions {
  readonly signal?: AbortSignal;
  /** Reads of one slot replace each other: a newer read with different arguments cancels the older one. */
  readonly slot?: string;
  /** The command takes DVC's repository lock (`dvc status`, `dvc diff`): it waits in the write lane. */
  readonly takesRepositoryLock?: boolean;
}

export interface WriteOptions extends Pick<RunOptions, 'onOutput' | 'onSpawn'> {
  readonly signal?: AbortSignal;
  /** What the UI shows for this command while it waits or runs (default: the command line). */
  readonly label?: string;
}

/** A command in the write lane, as the UI shows it ("queued: dvc push"). */
export interface LaneCommand {
  readonly id: number;
  readonly kind: 'write' | 'lockingRead';
  readonly label: string;
  readonly commandLine: string;
}

/** Sent to `onDidChangeQueue` listeners whenever a command enters, starts or leaves the lane. */
export interface LaneState {
  readonly running: LaneCommand | undefined;
  readonly queued: readonly LaneCommand[];
}

export interface Subscription {
  dispose(): void;
}

export class RepositoryScheduler {
  private readonly inFlight = new Map<string, ReadFlight>();
  private readonly slots = new Map<string, ReadFlight>();
  private readonly lane = new ExclusiveLane();
  private readonly disposal = new AbortController();

  constructor(
    readonly root: string,
    private readonly runner: CommandRunner,
  ) {}

  read(request: ScheduledRequest, options: ReadOptions = {}): Promise<ProcessResult> {
    const full = this.resolve(request);
    if (options.signal?.aborted || this.disposal.signal.aborted)
      return Promise.reject(cancelledError(full, 0));
    const key = readKey(full, options.takesRepositoryLock ?? false);
    let flight = this.inFlight.get(key);
    if (!flight) {
      flight = this.startRead(key, full, options.takesRepositoryLock ?? false);
      this.inFlight.set(key, flight);
    }
    if (options.slot !== undefined) {
      const older = this.slots.get(options.slot);
      if (older && older !== flight) older.abandon();
      this.slots.set(options.slot, flight);
      flight.slots.add(options.slot);
    }
    return flight.join(options.signal);
  }

  write(request: ScheduledRequest, options: WriteOptions = {}): Promise<ProcessResult> {
    const full = this.resolve(request);
    const link = this.withDisposal(options.signal);
    const signal = link.signal;
    const commandLine = formatCommandLine(full.file, full.args);
    return this.lane
      .run({ kind: 'write', label: options.label ?? commandLine, commandLine }, full, signal, () =>
        this.runner.run(full, { signal, onOutput: options.onOutput, onSpawn: options.onSpawn }),
      )
      .finally(link.release);
  }

  /** The write lane now: what runs and what waits. */
  get queueState(): LaneState {
    return this.lane.state;
  }

  onDidChangeQueue(listener: (state: LaneState) => void): Subscription {
    return this.lane.subscribe(listener);
  }

  /** When the last DVC write of the lane ended (`Date.now()` time); undefined before any ended. */
  get lastWriteEndedAt(): number | undefined {
    return this.lane.lastWriteEndedAt;
  }

  /**
   * Resolves once no DVC write runs or waits in the lane, or after `limitMs`: a read of what a write
   * changes (data status, experiments) started during the write sees a half-written state and is read again
   * after it; waiting makes it one read (issue 13).
   */
  whenWritesIdle(limitMs: number): Promise<void> {
    const busy = (state: LaneState): boolean =>
      state.running?.kind === 'write' || state.queued.some((command) => command.kind === 'write');
    if (!busy(this.lane.state) || this.disposal.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        subscription.dispose();
        this.disposal.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, limitMs);
      const subscription = this.lane.subscribe((state) => {
        if (!busy(state)) done();
      });
      this.disposal.signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Cancels everything in flight or queued; later calls fail as cancelled. */
  dispose(): void {
    this.disposal.abort();
  }

  private startRead(key: string, request: ProcessRequest, takesLock: boolean): ReadFlight {
    const flight = new ReadFlight(
      request,
      (signal) => {
        if (!takesLock) {
          const link = this.withDisposal(signal);
          return this.runner.run(request, { signal: link.signal }).finally(link.release);
        }
        // A lock-taking read that runs only stops for the extension's end (see the file's comment).
        const run = (): Promise<ProcessResult> => this.runner.run(request, { signal: this.disposal.signal });
        const commandLine = formatCommandLine(request.file, request.args);
        // While it waits in the lane, the flight's own signal may still drop it.
        const waiting = this.withDisposal(signal);
        return this.lane
          .run({ kind: 'lockingRead', label: commandLine, commandLine }, request, waiting.signal, run)
          .finally(waiting.release);
      },
      () => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        for (const slot of flight.slots) if (this.slots.get(slot) === flight) this.slots.delete(slot);
      },
    );
    return flight;
  }

  private resolve(request: ScheduledRequest): ProcessRequest {
    return { ...request, cwd: request.cwd ?? this.root };
  }

  /** `signal` or the scheduler's end; released when the call ends (not AbortSignal.any: linkedAbortSignal.ts). */
  private withDisposal(signal: AbortSignal | undefined): LinkedAbortSignal {
    if (!signal) return { signal: this.disposal.signal, release: () => undefined };
    return linkAbortSignals([signal, this.disposal.signal]);
  }
}

/** One read process and the callers waiting for it. */
class ReadFlight {
  readonly slots = new Set<string>();
  private readonly controller = new AbortController();
  private readonly done: Promise<ProcessResult>;
  private waiters = 0;
  private ended = false;

  constructor(
    private readonly request: ProcessRequest,
    start: (signal: AbortSignal) => Promise<ProcessResult>,
    private readonly onEnd: () => void,
  ) {
    this.done = start(this.controller.signal);
    // Everyone may have left before the process ends; its (cancelled) rejection then has no reader.
    void this.done.then(
      () => this.end(),
      () => this.end(),
    );
  }

  join(signal: AbortSignal | undefined): Promise<ProcessResult> {
    this.waiters++;
    const joinedAt = performance.now();
    return new Promise<ProcessResult>((resolve, reject) => {
      let settled = false;
      const onAbort = (): void => {
        if (settled) return;
        settled = true;
        this.waiters--;
        signal?.removeEventListener('abort', onAbort);
        if (this.waiters === 0) this.abandon();
        reject(cancelledError(this.request, performance.now() - joinedAt));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // Abandoned (superseded): waiters hear "cancelled" at once, even when the process itself runs on.
      this.controller.signal.addEventListener('abort', onAbort, { once: true });
      const settle = (finish: () => void): void => {
        if (settled) return;
        settled = true;
        this.waiters--;
        signal?.removeEventListener('abort', onAbort);
        this.controller.signal.removeEventListener('abort', onAbort);
        finish();
      };
      void this.done.then(
        (result) => settle(() => resolve(result)),
        (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
      );
    });
  }

  /**
   * Nobody wants the answer any more (superseded, or the last caller left): waiters are told "cancelled" and
   * the process is killed, unless it is a lock-taking read already running (see the file's comment).
   */
  abandon(): void {
    this.end();
    this.controller.abort();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
  }
}

interface LaneEntry {
  readonly command: LaneCommand;
  start(): void;
}

/** FIFO, one command at a time. A command cancelled while it waits never starts. */
class ExclusiveLane {
  private running: LaneEntry | undefined;
  lastWriteEndedAt: number | undefined;
  private readonly waiting: LaneEntry[] = [];
  private readonly listeners = new Set<(state: LaneState) => void>();
  private nextId = 1;

  get state(): LaneState {
    return { running: this.running?.command, queued: this.waiting.map((entry) => entry.command) };
  }

  subscribe(listener: (state: LaneState) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  run<T>(
    description: Omit<LaneCommand, 'id'>,
    request: ProcessRequest,
    signal: AbortSignal,
    work: () => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queuedAt = performance.now();
      if (signal.aborted) {
        reject(cancelledError(request, 0));
        return;
      }
      const onAbort = (): void => {
        const index = this.waiting.indexOf(entry);
        if (index < 0) return;
        this.waiting.splice(index, 1);
        this.changed();
        reject(cancelledError(request, performance.now() - queuedAt));
      };
      const entry: LaneEntry = {
        command: { id: this.nextId++, ...description },
        start: () => {
          signal.removeEventListener('abort', onAbort);
          void work()
            .then(resolve, reject)
            .finally(() => {
              if (entry.command.kind === 'write') this.lastWriteEndedAt = Date.now();
              this.running = undefined;
              this.changed();
              this.pump();
            });
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
      this.changed();
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.running = next;
    this.changed();
    next.start();
  }

  private changed(): void {
    const state = this.state;
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        // A broken listener must not stall the lane.
      }
    }
  }
}

function readKey(request: ProcessRequest, takesLock: boolean): string {
  const env = Object.entries(request.env ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([request.file, request.args, request.cwd, env, request.input ?? null, takesLock]);
}

function cancelledError(request: ProcessRequest, durationMs: number): ProcessError {
  return new ProcessError({
    reason: 'cancelled',
    commandLine: formatCommandLine(request.file, request.args),
    cwd: request.cwd,
    exitCode: undefined,
    signal: undefined,
    stdout: '',
    stderr: '',
    durationMs,
  });
}
