/**
 * `dvc exp diff A B --json` (DVC 3.67.1, test/fixtures/dvc-exp-show/diff.json):
 * `{ metrics: { file: { key: { old, new, diff } } }, params: { ... } }`. Keys are already dotted by DVC.
 * Without `--all` only what changed is listed.
 */
import type { ExperimentValue } from './experimentModel';
import { flattenValues } from './flattenValues';

/** One changed (or, with `--all`, unchanged) param or metric. */
export interface ExperimentDiffEntry {
  readonly kind: 'param' | 'metric';
  readonly file: string;
  readonly key: string;
  /** Undefined: absent on that side (added or removed). */
  readonly old: ExperimentValue | undefined;
  readonly new: ExperimentValue | undefined;
  /** DVC's numeric difference (new - old) when both are numbers. */
  readonly diff: number | undefined;
}

export function parseExpDiff(json: unknown): ExperimentDiffEntry[] {
  if (!isRecord(json)) return [];
  return [...section(json.params, 'param'), ...section(json.metrics, 'metric')];
}

function section(files: unknown, kind: ExperimentDiffEntry['kind']): ExperimentDiffEntry[] {
  if (!isRecord(files)) return [];
  const entries: ExperimentDiffEntry[] = [];
  for (const [file, keys] of Object.entries(files)) {
    if (!isRecord(keys)) continue;
    for (const [key, change] of Object.entries(keys)) {
      if (!isRecord(change)) continue;
      entries.push({
        kind,
        file,
        key,
        old: sideValue(change, 'old'),
        new: sideValue(change, 'new'),
        diff: typeof change.diff === 'number' ? change.diff : undefined,
      });
    }
  }
  return entries.sort((a, b) => a.file.localeCompare(b.file) || a.key.localeCompare(b.key));
}

function sideValue(change: Record<string, unknown>, side: 'old' | 'new'): ExperimentValue | undefined {
  if (!(side in change)) return undefined;
  const value = change[side];
  if (value === undefined) return undefined;
  // A value that is itself a mapping becomes one JSON text (rare: DVC dots nested keys itself).
  if (isRecord(value)) return JSON.stringify(value);
  return flattenValues({ v: value }).v ?? null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
