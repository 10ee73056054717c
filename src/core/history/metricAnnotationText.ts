/**
 * The end-of-line annotation of a metric in a metrics file: its value at HEAD and the workspace's change, as
 * DVC's experiments model reports them (no blame: a metric's "last change" is every run). The colour follows
 * the trend the Metrics view uses (better/worse by the metric's direction).
 */
import { formatExperimentValue } from '../experiments/headlineMetric';
import { formatDelta, formatRelative } from '../experimentsTable/numberFormat';
import type { WorkspaceValue } from '../metrics/workspaceVsHead';

/**
 * `HEAD 0.91 → 0.93 ▲+0.02 (+2.2%), better`, `HEAD 0.91`, `new: not at HEAD`. `headNotInCache`: DVC could not
 * read the file at HEAD because its data is not in the local cache, so HEAD's value is unknown, not absent.
 */
export function metricAnnotationText(value: WorkspaceValue, headNotInCache = false): string {
  if (value.head === undefined)
    return headNotInCache ? 'HEAD: data not in the local cache (Pull brings it in)' : 'new: not at HEAD';
  const head = `HEAD ${formatExperimentValue(value.head)}`;
  if (value.trend === 'same') return head;
  if (value.value === undefined) return `${head} → removed in the workspace`;
  const now = `${head} → ${formatExperimentValue(value.value)}`;
  if (value.absolute === undefined) return `${now} (uncommitted)`;
  const arrow = value.absolute > 0 ? '▲' : value.absolute < 0 ? '▼' : '';
  const relative = value.relative === undefined ? '' : formatRelative(value.relative);
  const change = `${arrow}${formatDelta(Number(value.absolute.toPrecision(4)))}${relative ? ` (${relative})` : ''}`;
  const verdict = value.trend === 'better' || value.trend === 'worse' ? `, ${value.trend}` : '';
  return `${now} ${change}${verdict}`;
}

/** The value of `key` in `file` (a path relative to the repository root) from the comparison's metrics. */
export function metricValueOf(
  files: ReadonlyArray<{
    readonly kind: string;
    readonly file: string;
    readonly values: readonly WorkspaceValue[];
  }>,
  file: string,
  key: string,
): WorkspaceValue | undefined {
  const match = files.find((entry) => entry.kind === 'metrics' && entry.file === file);
  return match?.values.find((value) => value.key === key);
}
