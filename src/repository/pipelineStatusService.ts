/**
 * The status of every stage of one repository, from `dvc status --json` and the dvc.lock files. Views read
 * `statusOf` and repaint on `onDidChange`; file watchers call `scheduleRefresh` and bursts collapse into one
 * DVC call.
 *
 * A newer refresh supersedes an older one: the older stops waiting (silently); its `dvc status` runs to its
 * end in the write lane, unheard (the scheduler never kills a running lock-taking read), and the newer
 * follows. We cancel the older ourselves instead of relying on the `status` slot alone, because the
 * scheduler shares identical reads in flight: a refresh asked for after a file change must not be answered by
 * a `dvc status` that started before it.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DvcCli } from '../cli/dvcCli';
import { isCancellation, isProcessError } from '../cli/processError';
import { explainDvcFailure } from '../core/dvcFailure/explainDvcFailure';
import type { Pipeline } from '../core/pipeline/model';
import { DvcLockStageNameCache } from '../core/status/dvcLockStageNameCache';
import { dvcLockFileOf } from '../core/status/dvcLockStages';
import { parseDvcStatus } from '../core/status/dvcStatusJson';
import type { StageStatus } from '../core/status/stageStatus';
import { pipelineDefinitionDigest } from '../core/status/pipelineDefinitionDigest';
import {
  judgeParamsStatus,
  type ParamsStatusFiles,
  type ParamsStatusJudgement,
} from '../core/status/paramsStatusFromFiles';
import { paramsOnlyStatus, type DvcStatusAnswer } from './paramsOnlyStatus';
import { judgeStagesSeparately } from './stageByStageStatus';

/** How a call to `refresh` ended. */
export type StatusRefreshOutcome =
  /** New statuses are stored and listeners were told. */
  | 'updated'
  /** DVC failed or printed something unexpected: `lastError` says what; the last statuses are kept. */
  | 'failed'
  /** A newer refresh or the caller's signal took over; nothing changed. */
  | 'cancelled'
  /** No DVC to ask (not found, or Restricted Mode): nothing changed. */
  | 'noDvc';

export interface PipelineStatusServiceOptions {
  /** Quiet time `scheduleRefresh` waits for before refreshing (default 500 ms). */
  readonly debounceMs?: number;
  /** Reads a file by absolute path, `undefined` when missing (default: node:fs). */
  readonly readTextFile?: (path: string) => Promise<string | undefined>;
  /** Where the whole text of DVC's failures goes (the Output channel); the views show one line. */
  readonly log?: (text: string) => void;
  /** Awaited before `dvc status` is asked (the extension waits for a DVC write in the lane to end). */
  readonly beforeRead?: () => Promise<void>;
  /** When the last DVC write of the repository's lane ended (`Date.now()` clock). */
  readonly lastWriteEndedAt?: () => number | undefined;
  /** A file's modification time (`Date.now()` clock), undefined when it is gone (default: node:fs). */
  readonly modifiedAt?: (path: string) => Promise<number | undefined>;
  /** Judges params files against dvc.lock (default: on this thread; the extension uses the parse worker). */
  readonly judgeParams?: (files: ParamsStatusFiles) => Promise<ParamsStatusJudgement>;
}

export interface StatusSubscription {
  dispose(): void;
}

const STATUS_ARGS = ['status', '--json'] as const;
const DEFAULT_DEBOUNCE_MS = 500;
/** Past this many changed files their times are not looked up: DVC is asked. */
const SEEN_CHECK_LIMIT = 200;
/** How far a file's modification time may lag our clock (file systems store coarse times). */
const CLOCK_SLACK_MS = 50;
/** A broken dvc.yaml or dvc.lock fails every stage alike: no use asking them one by one. */
const INVALID_PIPELINE = /is invalid|YAML|could not parse|failed to parse/i;

export class PipelineStatusService {
  private statuses: ReadonlyMap<string, StageStatus> = new Map();
  private error: { readonly message: string; readonly detail: string } | undefined;
  private note: string | undefined;
  private current: AbortController | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** DVC's last whole-project answer (none after a failure or a stage-by-stage read). */
  private answer: DvcStatusAnswer | undefined;
  /** Files changed since the last DVC read started (relative to the root). */
  private readonly changedPaths = new Set<string>();
  /** A scheduled refresh must ask DVC (a run ended, DVC was found, the person asked). */
  private askDvcNext = false;
  private dvcRead: Promise<unknown> | undefined;
  /** When the last DVC read began (`Date.now()`): files changed before it are in its answer. */
  private lastReadStartedAt: number | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly lockStageNames = new DvcLockStageNameCache();
  private disposed = false;

  constructor(
    private readonly getCli: () => DvcCli | undefined,
    private readonly getPipelines: () => readonly Pipeline[],
    private readonly options: PipelineStatusServiceOptions = {},
  ) {}

  /** The stage's status from the last successful refresh; `undefined` before one, or for a newer stage. */
  statusOf(qualifiedName: string): StageStatus | undefined {
    return this.statuses.get(qualifiedName);
  }

  /** Every stage's status from the last successful refresh, keyed by qualified name. */
  get all(): ReadonlyMap<string, StageStatus> {
    return this.statuses;
  }

  /** A refresh is running; the statuses are those of the previous one until it ends. */
  get isRefreshing(): boolean {
    return this.current !== undefined;
  }

  /** Why the last refresh failed, in one line (DVC's own sentence), until one succeeds. */
  get lastError(): string | undefined {
    return this.error?.message;
  }

  /** The whole story of the last failure (DVC's stderr with the command line), e.g. for a tooltip. */
  get lastErrorDetail(): string | undefined {
    return this.error?.detail;
  }

  /**
   * Set when DVC could not judge the whole project at once and the stages were asked separately: why the whole
   * failed, in one line (the stages DVC could not judge say their own reason as `unknown`).
   */
  get stageByStageNote(): string | undefined {
    return this.note;
  }

  onDidChange(listener: () => void): StatusSubscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** These files (relative to the root) changed: the next scheduled refresh judges by them. */
  noteChangedFiles(paths: Iterable<string>): void {
    for (const path of paths) this.changedPaths.add(path);
  }

  /**
   * Refreshes after `debounceMs` without a further call: for bursts of file changes. When only params files
   * changed since DVC's last answer, the files are judged instead of asking DVC (see paramsOnlyStatus.ts);
   * `askDvc` always asks DVC.
   */
  scheduleRefresh(options: { readonly askDvc?: boolean } = {}): void {
    if (this.disposed) return;
    if (options.askDvc) this.askDvcNext = true;
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.refreshAfterChanges();
    }, this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /**
   * What `scheduleRefresh` runs: from the files when only params changed since DVC's last answer (after a
   * DVC read in flight ends), else `dvc status`. Never rejects.
   */
  async refreshAfterChanges(): Promise<StatusRefreshOutcome> {
    const askDvc = this.askDvcNext;
    this.askDvcNext = false;
    if (!askDvc) {
      await this.dvcRead;
      const noted = this.changedPaths.size > 0;
      await this.forgetChangesSeenByLastRead();
      // Every change the watcher told of late was made before the last read began: it is in its answer.
      if (noted && this.changedPaths.size === 0 && this.answer && !this.isRefreshing) return 'updated';
      const fromFiles = await this.refreshFromFiles();
      if (fromFiles) return fromFiles;
    }
    return this.refresh();
  }

  /** Drops the noted files last modified before the last DVC read began (a deleted file always counts). */
  private async forgetChangesSeenByLastRead(): Promise<void> {
    const since = this.lastReadStartedAt;
    const cli = this.getCli();
    if (since === undefined || !cli || this.changedPaths.size > SEEN_CHECK_LIMIT) return;
    const modifiedAt = this.options.modifiedAt ?? modificationTime;
    const paths = [...this.changedPaths];
    const times = await Promise.all(paths.map((path) => modifiedAt(join(cli.root, path))));
    if (this.lastReadStartedAt !== since) return;
    const writeEnded = this.options.lastWriteEndedAt?.();
    paths.forEach((path, index) => {
      const time = times[index];
      if (time !== undefined && seenBy(since, time, writeEnded)) this.changedPaths.delete(path);
    });
  }

  /** `updated` when the files could tell; undefined when DVC must be asked. */
  private async refreshFromFiles(): Promise<StatusRefreshOutcome | undefined> {
    const cli = this.getCli();
    const answer = this.answer;
    if (!cli || !answer || this.disposed || this.isRefreshing) return undefined;
    const pipelines = this.getPipelines();
    try {
      const json = await paramsOnlyStatus({
        root: cli.root,
        answer,
        pipelines,
        changedPaths: this.changedPaths,
        readTextFile: this.options.readTextFile ?? readTextFile,
        judge: this.options.judgeParams ?? ((files) => Promise.resolve(judgeParamsStatus(files))),
      });
      // A DVC read started meanwhile (or a newer answer came): it speaks, not this.
      if (!json || this.answer !== answer || this.isRefreshing || this.disposed) return undefined;
      this.statuses = parseDvcStatus(json, pipelines, await this.lockedStages(cli.root, pipelines));
      if (this.answer !== answer || this.isRefreshing || this.disposed) return undefined;
      this.notify();
      return 'updated';
    } catch {
      return undefined;
    }
  }

  /** Runs `dvc status --json` now, superseding a refresh in progress. Never rejects. */
  async refresh(signal?: AbortSignal): Promise<StatusRefreshOutcome> {
    const read = this.askDvc(signal);
    this.dvcRead = read;
    try {
      return await read;
    } finally {
      if (this.dvcRead === read) this.dvcRead = undefined;
    }
  }

  private async askDvc(signal?: AbortSignal): Promise<StatusRefreshOutcome> {
    const cli = this.getCli();
    if (!cli || this.disposed) return 'noDvc';
    if (signal?.aborted) return 'cancelled';
    const controller = new AbortController();
    const wasRefreshing = this.isRefreshing;
    this.current?.abort();
    this.current = controller;
    const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
    // Until this read answers, nothing is judged from files (a read cancelled or failed leaves no answer to
    // build on).
    this.answer = undefined;
    if (!wasRefreshing) this.notify();
    try {
      // During a DVC write (`dvc exp run`) the read would wait in the lane anyway: it waits here, so that the
      // write's changes, told late by the watcher, are known to be older than the read.
      await this.options.beforeRead?.();
      if (combined.aborted) return this.cancelled(controller);
      // What changes from now on DVC may not see: they count towards the next refresh.
      this.changedPaths.clear();
      this.lastReadStartedAt = Date.now();
      const read = (targets: readonly string[]) =>
        cli.readJson([...STATUS_ARGS, ...(targets.length > 0 ? ['--', ...targets] : [])], {
          signal: combined,
          slot: 'status',
          takesRepositoryLock: true,
        });
      let json: unknown;
      let unjudged = new Map<string, string>();
      let note: string | undefined;
      try {
        json = await read([]);
      } catch (error: unknown) {
        const stages = this.getPipelines().flatMap((pipeline) => pipeline.stages.map((s) => s.qualifiedName));
        // One frozen import whose source is gone fails the whole-project read; the stages still answer.
        if (!isProcessError(error, 'exit') || stages.length === 0 || combined.aborted) throw error;
        if (INVALID_PIPELINE.test(error.stderr)) throw error;
        this.options.log?.(describeFailure(error).detail);
        const separately = await judgeStagesSeparately(
          stages,
          read,
          (failure) => isCancellation(failure) || combined.aborted,
        );
        if (separately.judged === 0) throw error;
        json = separately.entries;
        unjudged = new Map(
          [...separately.failures].map(([stage, failure]) => [stage, this.explain(failure)]),
        );
        note = `checked stage by stage: ${this.explain(error)}`;
      }
      const pipelines = this.getPipelines();
      const locked = await this.lockedStages(cli.root, pipelines);
      if (combined.aborted) return this.cancelled(controller);
      const statuses = parseDvcStatus(json, pipelines, locked);
      for (const [stage, reason] of unjudged) statuses.set(stage, { kind: 'unknown', reasons: [reason] });
      this.statuses = statuses;
      // Answers asked stage by stage miss what DVC could not judge: the files never complete those.
      this.answer =
        note === undefined && isRecord(json)
          ? { json, digest: pipelineDefinitionDigest(pipelines) }
          : undefined;
      this.error = undefined;
      this.note = note;
      return this.finish(controller, 'updated');
    } catch (error: unknown) {
      if (isCancellation(error) || combined.aborted) return this.cancelled(controller);
      this.error = describeFailure(error);
      this.options.log?.(this.error.detail);
      return this.finish(controller, 'failed');
    }
  }

  /** DVC's failure in the table's one line; a stage's own failure is logged whole. */
  private explain(error: unknown): string {
    if (!isProcessError(error, 'exit')) return error instanceof Error ? error.message : String(error);
    return explainDvcFailure(`${error.stderr}\n${error.stdout}`).sentence;
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.current?.abort();
    this.current = undefined;
    this.listeners.clear();
  }

  private async lockedStages(root: string, pipelines: readonly Pipeline[]): Promise<Set<string>> {
    const read = this.options.readTextFile ?? readTextFile;
    const texts = await Promise.all(
      pipelines.map((pipeline) => read(join(root, dvcLockFileOf(pipeline.file)))),
    );
    // Read every time (DVC may have written it), parsed only when its text changed.
    return this.lockStageNames.lockedStages(
      pipelines.map((pipeline, index) => [pipeline.file, texts[index]]),
    );
  }

  /** A superseded refresh says nothing; a refresh the caller cancelled ends the spinner. */
  private cancelled(controller: AbortController): StatusRefreshOutcome {
    if (this.current === controller) {
      this.current = undefined;
      this.notify();
    }
    return 'cancelled';
  }

  private finish(controller: AbortController, outcome: StatusRefreshOutcome): StatusRefreshOutcome {
    if (this.current === controller) this.current = undefined;
    this.notify();
    return outcome;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // One broken view must not keep the others stale.
      }
    }
  }
}

/** The table's one line for the views (src/core/dvcFailure); the whole stderr for the log. */
function describeFailure(error: unknown): { message: string; detail: string } {
  const text = error instanceof Error ? error.message : String(error);
  if (!isProcessError(error, 'exit')) return { message: text, detail: text };
  const explained = explainDvcFailure(`${error.stderr}\n${error.stdout}`);
  return {
    message: `dvc status failed: ${explained.sentence}`,
    detail: `${error.commandLine} (exit ${error.exitCode ?? '?'})\n${error.stderr.trim()}`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a read that began at `since` sees a file modified at `time`: it was modified before (by more than
 * a coarse clock's slack), or by a DVC write that had ended when the read began (the write's last files are
 * written just before it exits, within the slack of a read that waited for it).
 */
function seenBy(since: number, time: number, writeEnded: number | undefined): boolean {
  if (time <= since - CLOCK_SLACK_MS) return true;
  return writeEnded !== undefined && time <= writeEnded && writeEnded <= since;
}

async function modificationTime(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function readTextFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
