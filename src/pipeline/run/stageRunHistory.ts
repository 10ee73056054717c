import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StageRunRecord } from '../../core/status/stageStatus';

/** Runs kept per stage when the caller does not say. */
export const DEFAULT_RUNS_PER_STAGE = 20;

interface HistoryFile {
  readonly version: 1;
  readonly stages: Record<string, StageRunRecord[]>;
}

/**
 * The finished runs of one repository's stages, newest first, in a JSON file of the extension's workspace
 * storage. Writes go to a temp file renamed over the old one, so a crash never leaves half a file; a file that
 * cannot be read starts an empty history instead of failing runs.
 */
export class StageRunHistory {
  private byStage = new Map<string, StageRunRecord[]>();
  private loading: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly runsPerStage = DEFAULT_RUNS_PER_STAGE,
  ) {}

  /** The history of the repository at `root`, in `storageDir` (one file per repository). */
  static forRoot(storageDir: string, root: string, runsPerStage?: number): StageRunHistory {
    return new StageRunHistory(join(storageDir, 'stage-runs', `${rootKey(root)}.json`), runsPerStage);
  }

  /** Reads the file once; later calls wait for the same read. */
  load(): Promise<void> {
    this.loading ??= readFile(this.file, 'utf8').then(
      (text) => {
        this.byStage = parseHistory(text);
      },
      () => undefined,
    );
    return this.loading;
  }

  /** The newest run of the stage (loaded history only). */
  lastRun(stage: string): StageRunRecord | undefined {
    return this.byStage.get(stage)?.[0];
  }

  /** The stage's runs, newest first. */
  runs(stage: string): readonly StageRunRecord[] {
    return [...(this.byStage.get(stage) ?? [])];
  }

  stages(): readonly string[] {
    return [...this.byStage.keys()];
  }

  /** Every stage's runs, newest first (a copy). */
  all(): ReadonlyMap<string, readonly StageRunRecord[]> {
    return new Map([...this.byStage].map(([stage, runs]) => [stage, [...runs]]));
  }

  /** Adds finished runs and writes the file; resolves once it is on disk. */
  async add(records: readonly StageRunRecord[]): Promise<void> {
    await this.load();
    const dropped: StageRunRecord[] = [];
    for (const record of records) {
      const runs = [record, ...(this.byStage.get(record.stage) ?? [])];
      dropped.push(...runs.splice(this.runsPerStage));
      this.byStage.set(record.stage, runs);
    }
    await this.save();
    await this.removeUnusedLogs(dropped);
  }

  private save(): Promise<void> {
    const content: HistoryFile = { version: 1, stages: Object.fromEntries(this.byStage) };
    const text = `${JSON.stringify(content, undefined, 2)}\n`;
    const write = async (): Promise<void> => {
      await mkdir(join(this.file, '..'), { recursive: true });
      const temp = `${this.file}.${randomUUID()}.tmp`;
      await writeFile(temp, text, 'utf8');
      await rename(temp, this.file);
    };
    // Writes follow each other, so an older snapshot never lands after a newer one.
    this.writing = this.writing.then(write, write);
    return this.writing;
  }

  /** A run's log file goes with the last record that names it. */
  private async removeUnusedLogs(dropped: readonly StageRunRecord[]): Promise<void> {
    const used = new Set([...this.byStage.values()].flat().map((record) => record.logFile));
    const unused = new Set(dropped.map((record) => record.logFile).filter((file) => !used.has(file)));
    await Promise.all([...unused].map((file) => rm(file, { force: true })));
  }
}

/** A short stable file name for a repository folder. */
export function rootKey(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 16);
}

function parseHistory(text: string): Map<string, StageRunRecord[]> {
  const result = new Map<string, StageRunRecord[]>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return result;
  }
  if (!isObject(data) || data.version !== 1 || !isObject(data.stages)) return result;
  for (const [stage, runs] of Object.entries(data.stages)) {
    if (!Array.isArray(runs)) continue;
    const records = runs.filter(isStageRunRecord).filter((record) => record.stage === stage);
    if (records.length > 0) result.set(stage, records);
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStageRunRecord(value: unknown): value is StageRunRecord {
  return (
    isObject(value) &&
    typeof value.stage === 'string' &&
    typeof value.startedAt === 'string' &&
    typeof value.durationMs === 'number' &&
    (value.outcome === 'succeeded' || value.outcome === 'failed' || value.outcome === 'cancelled') &&
    (value.exitCode === undefined || typeof value.exitCode === 'number') &&
    typeof value.logFile === 'string'
  );
}
