import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DvcCli } from '../../repository/processes';
import { isCancellation, isProcessError, type ProcessError } from '../../repository/processes';
import type { LaneState, RepositoryScheduler } from '../../repository/processes';
import type { OutputStream } from '../../repository/processes';
import type { StageRunRecord, StageRunState } from '../../core/status/stageStatus';
import { ReproOutputParser, type ReproEvent } from './reproOutput';
import { reproArguments, reproCommandText, type ReproRequest } from './reproRequest';
import type { StageRunHistory } from './stageRunHistory';

/** What a caller hears while a run waits and runs. All optional. */
export interface ReproListener {
  onOutput?(line: string, stream: OutputStream): void;
  /** A stage's live state; undefined: the run no longer involves it (e.g. it was queued, then cancelled). */
  onStageState?(stage: string, state: StageRunState | undefined): void;
  /** Commands ahead of this run in the repository's write lane; 0 once it runs. */
  onQueuePosition?(ahead: number): void;
  onEvent?(event: ReproEvent): void;
  /** DVC's pid once it started (tests check the tree is gone after a cancel). */
  onSpawn?(pid: number): void;
}

export interface ReproRunOptions {
  readonly signal?: AbortSignal;
  /** Stages shown as queued while the run waits in the lane (usually the targets). */
  readonly expectedStages?: readonly string[];
  readonly listener?: ReproListener;
}

/** A run that finished by itself (a cancelled run rejects with a cancelled ProcessError instead). */
export interface ReproRunResult {
  readonly outcome: 'succeeded' | 'failed';
  readonly events: readonly ReproEvent[];
  /** One per stage whose command ran (none for `--dry`). */
  readonly records: readonly StageRunRecord[];
  /** The run's output; removed again when no stage ran and nothing failed. */
  readonly logFile: string;
  /** DVC's exit code (255 when a stage failed). */
  readonly exitCode: number | undefined;
  readonly failedStage?: string;
  /** Why DVC failed, when it did. */
  readonly error?: ProcessError;
}

export interface ReproServiceDependencies {
  readonly cli: DvcCli;
  readonly scheduler: RepositoryScheduler;
  readonly history: StageRunHistory;
  /** Where each run's output goes, one file per run. */
  readonly logDir: string;
}

interface RunningStage {
  readonly startedAt: Date;
  readonly started: number;
}

/**
 * Runs `dvc repro` for one repository through its write lane (so it waits behind other DVC writes), follows
 * the output to tell which stage does what, keeps the output in a log file and records every stage that ran.
 * Knows nothing of VS Code: the commands and the integration tests drive it the same way.
 */
export class ReproService {
  constructor(private readonly deps: ReproServiceDependencies) {}

  get root(): string {
    return this.deps.scheduler.root;
  }

  get history(): StageRunHistory {
    return this.deps.history;
  }

  async run(request: ReproRequest, options: ReproRunOptions = {}): Promise<ReproRunResult> {
    const listener = options.listener ?? {};
    await this.deps.history.load();
    await mkdir(this.deps.logDir, { recursive: true });
    const logFile = join(this.deps.logDir, `${timestampForFile(new Date())}-${randomSuffix()}.log`);
    const log = createWriteStream(logFile, { encoding: 'utf8' });
    const logClosed = new Promise<void>((resolve) => log.on('close', () => resolve()));
    log.on('error', () => undefined);
    log.write(`${new Date().toISOString()} ${reproCommandText(request)} (cwd ${this.root})\n`);

    const parser = new ReproOutputParser();
    const events: ReproEvent[] = [];
    const records: StageRunRecord[] = [];
    const running = new Map<string, RunningStage>();
    const queued = new Set(options.expectedStages ?? []);
    let exitCode: number | undefined;
    let failed = false;

    const setState = (stage: string, state: StageRunState | undefined): void => {
      listener.onStageState?.(stage, state);
    };
    const finish = (stage: string, outcome: StageRunRecord['outcome'], code: number | undefined): void => {
      const start = running.get(stage);
      if (!start) return;
      running.delete(stage);
      if (request.dryRun) return;
      records.push({
        stage,
        startedAt: start.startedAt.toISOString(),
        durationMs: Math.round(performance.now() - start.started),
        outcome,
        ...(code === undefined ? {} : { exitCode: code }),
        logFile,
      });
    };
    const handle = (event: ReproEvent): void => {
      events.push(event);
      listener.onEvent?.(event);
      queued.delete(event.stage);
      switch (event.kind) {
        case 'started':
          running.set(event.stage, { startedAt: new Date(), started: performance.now() });
          setState(event.stage, 'running');
          break;
        case 'skipped':
          setState(event.stage, 'skipped');
          break;
        case 'restored':
          setState(event.stage, 'succeeded');
          break;
        case 'succeeded':
          finish(event.stage, 'succeeded', 0);
          setState(event.stage, 'succeeded');
          break;
        case 'failed':
          finish(event.stage, 'failed', event.exitCode ?? exitCode);
          setState(event.stage, 'failed');
          break;
      }
    };

    for (const stage of queued) setState(stage, 'queued');
    const { targets, options: flags } = reproArguments(request);
    const scheduler = this.deps.scheduler;
    const knownIds = new Set(laneIds(scheduler.queueState));
    let ownId: number | undefined;
    const reportPosition = (state: LaneState): void => {
      ownId ??= laneIds(state).find((id) => !knownIds.has(id));
      if (ownId === undefined) return;
      if (state.running?.id === ownId) listener.onQueuePosition?.(0);
      else {
        const index = state.queued.findIndex((command) => command.id === ownId);
        if (index >= 0) listener.onQueuePosition?.(index + (state.running ? 1 : 0));
      }
    };
    const subscription = scheduler.onDidChangeQueue(reportPosition);
    const onOutput = (line: string, stream: OutputStream): void => {
      log.write(`${line}\n`);
      listener.onOutput?.(line, stream);
      for (const event of parser.push(line)) handle(event);
    };
    try {
      const result = await this.deps.cli.repro(targets, flags, options.signal, onOutput, (pid) =>
        listener.onSpawn?.(pid),
      );
      exitCode = result.exitCode;
      for (const event of parser.end(0)) handle(event);
      return { outcome: 'succeeded', events, records, logFile, exitCode };
    } catch (error) {
      if (isCancellation(error)) {
        for (const stage of [...running.keys()]) {
          finish(stage, 'cancelled', undefined);
          setState(stage, undefined);
        }
        throw error;
      }
      if (!isProcessError(error)) throw error;
      exitCode = error.exitCode;
      for (const event of parser.end(exitCode ?? 1)) handle(event);
      failed = true;
      const failedEvent = events.find((event) => event.kind === 'failed');
      log.write(`${error.message}\n`);
      return {
        outcome: 'failed',
        events,
        records,
        logFile,
        exitCode,
        error,
        ...(failedEvent ? { failedStage: failedEvent.stage } : {}),
      };
    } finally {
      subscription.dispose();
      for (const stage of queued) setState(stage, undefined);
      log.end();
      await logClosed;
      if (records.length > 0) await this.deps.history.add(records);
      // A log no record names (nothing ran, a dry run, a cancel while queued) would never be cleaned up;
      // a failure keeps its log for "Show Log".
      else if (!failed) await rm(logFile, { force: true });
    }
  }
}

function laneIds(state: LaneState): number[] {
  return [...(state.running ? [state.running.id] : []), ...state.queued.map((command) => command.id)];
}

function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}
