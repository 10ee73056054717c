/**
 * The one metric a tree row shows next to its name: the one a setting names (`accuracy`, or
 * `metrics.json:accuracy` when several files share a key), else the first metric of the first metrics file.
 */
import type { ExperimentRow, ExperimentValue } from './experimentModel';

export interface HeadlineMetric {
  readonly file: string;
  readonly key: string;
  readonly value: ExperimentValue;
}

export function headlineMetric(row: ExperimentRow, setting = ''): HeadlineMetric | undefined {
  const wanted = setting.trim();
  const files = Object.entries(row.metrics);
  if (wanted) {
    const separator = wanted.lastIndexOf(':');
    const file = separator > 0 ? wanted.slice(0, separator) : undefined;
    const key = separator > 0 ? wanted.slice(separator + 1) : wanted;
    for (const [name, values] of files) {
      if (file !== undefined && name !== file) continue;
      if (Object.hasOwn(values, key)) return { file: name, key, value: values[key] ?? null };
    }
    return undefined;
  }
  for (const [file, values] of files) {
    const first = Object.entries(values)[0];
    if (first) return { file, key: first[0], value: first[1] };
  }
  return undefined;
}

/** A value for a narrow place: numbers to 4 significant digits (full value in the tooltip), lists as JSON. */
export function formatExperimentValue(value: ExperimentValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(4)));
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
