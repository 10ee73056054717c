/**
 * `dvc metrics diff --json` and `dvc params diff --json` (DVC 3.67.1, test/fixtures/dvc-report/*.json):
 * `{ file: { key: { old, new, diff } } }`, the same per-file shape as one section of `dvc exp diff`, so
 * parseExpDiff reads both. A side that is absent (added or removed key, a revision without the file) is
 * `null` in DVC's output; it becomes undefined here, so "absent" has one spelling.
 */
import type { ExperimentValue } from '../experiments/experimentModel';
import { parseExpDiff, type ExperimentDiffEntry } from '../experiments/parseExpDiff';

/** One row of a report table. */
export interface ReportChange {
  readonly file: string;
  readonly key: string;
  /** Undefined: absent at the base revision. */
  readonly old: ExperimentValue | undefined;
  /** Undefined: absent at the compared revision. */
  readonly new: ExperimentValue | undefined;
  /** new - old when both are numbers (DVC's own difference when it gave one). */
  readonly diff: number | undefined;
}

export function parseMetricsDiff(json: unknown): ReportChange[] {
  return parseExpDiff({ metrics: json }).map(toChange);
}

export function parseParamsDiff(json: unknown): ReportChange[] {
  return parseExpDiff({ params: json }).map(toChange);
}

function toChange(entry: ExperimentDiffEntry): ReportChange {
  const old = entry.old ?? undefined;
  const value = entry.new ?? undefined;
  const diff = entry.diff ?? (typeof old === 'number' && typeof value === 'number' ? value - old : undefined);
  return { file: entry.file, key: entry.key, old, new: value, diff };
}
