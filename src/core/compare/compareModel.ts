/**
 * The compare view's model of two revisions: params and metrics side by side with their absolute and
 * relative change (metrics judged better or worse by the configured direction), the DVC-tracked data that
 * changed, and the source files git sees changed. Built from `dvc exp diff <a> <b> --all --json` (so that
 * unchanged rows can be shown too), `dvc diff --json` and `git diff --name-status`.
 */
import type { ExperimentDiffEntry } from '../experiments/parseExpDiff';
import type { ExperimentValue } from '../experiments/experimentModel';
import { metricDirection } from '../experiments/metricDirection';
import type { FileChange } from './compareChanges';

/** One side of the comparison: what the user picked (`workspace`, a branch, tag, sha or experiment name). */
export interface CompareRevision {
  readonly ref: string;
  /** What the view shows for it, e.g. `slow (7fee795)`. */
  readonly label: string;
}

/** How a metric moved from A to B under its direction; params and undirected metrics are neutral. */
export type CompareVerdict = 'better' | 'worse' | 'neutral';

/** One param or metric in both revisions. Values are display-ready text; undefined: absent on that side. */
export interface CompareRow {
  readonly id: string;
  readonly kind: 'param' | 'metric';
  readonly file: string;
  readonly key: string;
  readonly a: string | undefined;
  readonly b: string | undefined;
  readonly changed: boolean;
  /** B - A, when both are numbers. */
  readonly absolute?: number;
  /** (B - A) / |A|, when both are numbers and A is not 0. */
  readonly relative?: number;
  readonly direction?: 'higher' | 'lower';
  readonly verdict: CompareVerdict;
}

export interface CompareModel {
  readonly a: CompareRevision;
  readonly b: CompareRevision;
  readonly params: readonly CompareRow[];
  readonly metrics: readonly CompareRow[];
  /** DVC-tracked outputs and data (`dvc diff`). */
  readonly data: readonly FileChange[];
  /** Files git tracks (`git diff --name-status`); each opens in a diff editor. */
  readonly files: readonly FileChange[];
}

export interface CompareInputs {
  readonly a: CompareRevision;
  readonly b: CompareRevision;
  /** `dvc exp diff` entries with `old` = A and `new` = B (see `swapDiffEntries`). */
  readonly entries: readonly ExperimentDiffEntry[];
  readonly data: readonly FileChange[];
  readonly files: readonly FileChange[];
  /** The `dvcLens.experiments.metricDirections` setting. */
  readonly directions: Readonly<Record<string, unknown>>;
}

export function buildCompareModel(inputs: CompareInputs): CompareModel {
  const rows = inputs.entries.map((entry) => compareRow(entry, inputs.directions));
  return {
    a: inputs.a,
    b: inputs.b,
    params: rows.filter((row) => row.kind === 'param'),
    metrics: rows.filter((row) => row.kind === 'metric'),
    data: inputs.data,
    files: inputs.files,
  };
}

/** `dvc exp diff <rev>` compares the revision (old) with the workspace (new); this turns it round. */
export function swapDiffEntries(entries: readonly ExperimentDiffEntry[]): ExperimentDiffEntry[] {
  return entries.map((entry) => ({
    ...entry,
    old: entry.new,
    new: entry.old,
    diff: entry.diff === undefined ? undefined : -entry.diff,
  }));
}

/** The rows the view shows: only the changed ones unless the user asked for all. */
export function visibleRows(rows: readonly CompareRow[], onlyChanged: boolean): readonly CompareRow[] {
  return onlyChanged ? rows.filter((row) => row.changed) : rows;
}

function compareRow(entry: ExperimentDiffEntry, directions: Readonly<Record<string, unknown>>): CompareRow {
  const changed = !sameValue(entry.old, entry.new);
  const { old: a, new: b } = entry;
  const absolute = typeof a === 'number' && typeof b === 'number' ? b - a : undefined;
  const relative =
    absolute !== undefined && typeof a === 'number' && a !== 0 ? absolute / Math.abs(a) : undefined;
  const direction = entry.kind === 'metric' ? metricDirection(entry.file, entry.key, directions) : undefined;
  return {
    id: `${entry.kind}:${entry.file}:${entry.key}`,
    kind: entry.kind,
    file: entry.file,
    key: entry.key,
    a: valueText(entry.old),
    b: valueText(entry.new),
    changed,
    ...(absolute === undefined ? {} : { absolute }),
    ...(relative === undefined ? {} : { relative }),
    ...(direction ? { direction } : {}),
    verdict: verdict(absolute, direction),
  };
}

function verdict(absolute: number | undefined, direction: 'higher' | 'lower' | undefined): CompareVerdict {
  if (absolute === undefined || direction === undefined || absolute === 0 || Number.isNaN(absolute))
    return 'neutral';
  return absolute > 0 === (direction === 'higher') ? 'better' : 'worse';
}

function sameValue(a: ExperimentValue | undefined, b: ExperimentValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

function valueText(value: ExperimentValue | undefined): string | undefined {
  // DVC reports a metric a revision lacks (e.g. before the first run) as `"old": null`: shown as absent.
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
