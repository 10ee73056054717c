/**
 * The run history as a person reads it: the stage records kept on disk (newest first per stage) regrouped by
 * pipeline run, and each run's stages laid out on a timeline. Every stage of one `dvc repro` shares that
 * run's log file, which is what ties the records of one run together.
 */
import type { StageRunRecord } from './stageStatus';

/** One `dvc repro` started from DVC Lens, as far as its stage records tell. */
export interface PipelineRun {
  /** The log file every stage of the run wrote to: the run's identity. */
  readonly logFile: string;
  /** ISO 8601: the first stage's start. */
  readonly startedAt: string;
  /** From the first stage's start to the last stage's end. */
  readonly durationMs: number;
  /** Failed when a stage failed, cancelled when one was cancelled, else succeeded. */
  readonly outcome: StageRunRecord['outcome'];
  /** Its stages in the order they started. */
  readonly stages: readonly StageRunRecord[];
}

/** A stage on a run's timeline, as fractions (0..1) of the run's duration. */
export interface TimelineBar {
  readonly record: StageRunRecord;
  readonly offset: number;
  readonly width: number;
}

/** The pipeline runs of a history (`stage → runs`), newest first. */
export function pipelineRuns(byStage: ReadonlyMap<string, readonly StageRunRecord[]>): PipelineRun[] {
  const byLog = new Map<string, StageRunRecord[]>();
  for (const records of byStage.values())
    for (const record of records) {
      const run = byLog.get(record.logFile) ?? [];
      run.push(record);
      byLog.set(record.logFile, run);
    }
  const runs = [...byLog.entries()].map(([logFile, records]) => pipelineRun(logFile, records));
  return runs.sort((a, b) => startOf(b.startedAt) - startOf(a.startedAt));
}

/** Each stage's bar on the run's timeline; a run of no measurable length puts every bar at full width. */
export function timelineBars(run: PipelineRun): TimelineBar[] {
  const start = startOf(run.startedAt);
  return run.stages.map((record) => {
    if (run.durationMs <= 0) return { record, offset: 0, width: 1 };
    const offset = (startOf(record.startedAt) - start) / run.durationMs;
    return { record, offset, width: Math.max(0, Math.min(1 - offset, record.durationMs / run.durationMs)) };
  });
}

/** A bar drawn in text, `columns` wide: `··████······`. At least one block, so a short stage still shows. */
export function timelineText(bar: TimelineBar, columns = 24): string {
  const lead = Math.min(columns - 1, Math.round(bar.offset * columns));
  const blocks = Math.max(1, Math.min(columns - lead, Math.round(bar.width * columns)));
  return `${'·'.repeat(lead)}${'█'.repeat(blocks)}${'·'.repeat(columns - lead - blocks)}`;
}

/** "succeeded", "failed (exit code 2)", "cancelled". */
export function outcomeText(record: Pick<StageRunRecord, 'outcome' | 'exitCode'>): string {
  return record.outcome === 'failed' && record.exitCode !== undefined
    ? `failed (exit code ${record.exitCode})`
    : record.outcome;
}

function pipelineRun(logFile: string, records: readonly StageRunRecord[]): PipelineRun {
  const stages = [...records].sort((a, b) => startOf(a.startedAt) - startOf(b.startedAt));
  const first = stages[0];
  const start = first ? startOf(first.startedAt) : 0;
  const end = Math.max(start, ...stages.map((record) => startOf(record.startedAt) + record.durationMs));
  const outcome = stages.some((record) => record.outcome === 'failed')
    ? 'failed'
    : stages.some((record) => record.outcome === 'cancelled')
      ? 'cancelled'
      : 'succeeded';
  return { logFile, startedAt: first?.startedAt ?? '', durationMs: end - start, outcome, stages };
}

function startOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}
