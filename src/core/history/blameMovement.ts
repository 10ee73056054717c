/**
 * How the headline metric moved in a blamed commit: its value there against the commit's first parent, with
 * a verdict by the metric's direction. Built from DVC's rows of the two commits (the History view's page when
 * it holds them, else one `exp show` of the commit); a commit without readable metrics says so instead of
 * showing a number from somewhere else.
 */
import type { ExperimentRow, ExperimentValue } from '../experiments/experimentModel';
import { formatExperimentValue, headlineMetric } from '../experiments/headlineMetric';
import { formatDelta } from '../experimentsTable/numberFormat';
import type { ChangeVerdict } from '../report/reportMarkdown';
import { commitMetrics } from './historyEntries';

export type BlameMovement =
  /** DVC has not answered yet: the annotation paints without it and fills in. */
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'moved';
      readonly file: string;
      readonly key: string;
      readonly value: ExperimentValue;
      /** The parent's value; undefined when the parent had no such metric (or no parent exists). */
      readonly before: ExperimentValue | undefined;
      /** value - before, when both are numbers. */
      readonly delta: number | undefined;
      readonly verdict: ChangeVerdict;
    }
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * The headline metric (`setting`, as `dvcLens.experiments.headlineMetric` names it, else the commit's first
 * numeric metric) at `row` against `parentRow`.
 */
export function blameMovement(
  row: ExperimentRow | undefined,
  parentRow: ExperimentRow | undefined,
  directions: Readonly<Record<string, unknown>>,
  setting = '',
): BlameMovement {
  const metrics = commitMetrics(row, parentRow, directions);
  if (metrics.kind !== 'available') return { kind: 'unavailable', reason: unavailableReason(metrics) };
  // A setting naming a metric this commit lacks falls back to the first number, as the History view does.
  const named = row && setting ? headlineMetric(row, setting) : undefined;
  const chosen =
    (named && metrics.values.find((metric) => metric.file === named.file && metric.key === named.key)) ??
    metrics.values.find((metric) => typeof metric.value === 'number') ??
    metrics.values[0];
  if (!chosen) return { kind: 'unavailable', reason: 'No metrics at that commit.' };
  return {
    kind: 'moved',
    file: chosen.file,
    key: chosen.key,
    value: chosen.value,
    before: parentRow?.metrics[chosen.file]?.[chosen.key],
    delta: chosen.delta,
    verdict: chosen.verdict,
  };
}

function unavailableReason(metrics: { readonly kind: string; readonly reason?: string }): string {
  return metrics.reason ?? 'DVC did not report that commit.';
}

/** `accuracy 0.91 ▲+0.02`, `accuracy 0.91 (new)`, `metrics not available`: short enough for a line's end. */
export function movementText(movement: BlameMovement): string {
  if (movement.kind === 'loading') return 'metrics…';
  if (movement.kind === 'unavailable') return 'metrics not available';
  const value = `${movement.key} ${formatExperimentValue(movement.value)}`;
  if (movement.delta !== undefined) {
    if (movement.delta === 0) return `${value} (unchanged)`;
    const arrow = movement.delta > 0 ? '▲' : '▼';
    return `${value} ${arrow}${formatDelta(Number(movement.delta.toPrecision(4)))}`;
  }
  return movement.before === undefined ? `${value} (new)` : `${value} (was ${String(movement.before)})`;
}

/** The hover's sentence: before and after, the change, and whether that is better or worse. */
export function movementHoverLine(movement: BlameMovement): string {
  if (movement.kind === 'loading') return 'Metrics of that commit: reading…';
  if (movement.kind === 'unavailable') return `Metrics not available for that commit: ${movement.reason}`;
  const before = movement.before === undefined ? '(none)' : formatExperimentValue(movement.before);
  const change =
    movement.delta === undefined
      ? ''
      : movement.delta === 0
        ? ', unchanged'
        : ` (${movement.delta > 0 ? '▲' : '▼'}${formatDelta(movement.delta)}${verdictWords[movement.verdict]})`;
  return `In that commit ${movement.file} ${movement.key}: ${before} → ${formatExperimentValue(movement.value)}${change}`;
}

const verdictWords: Record<ChangeVerdict, string> = {
  better: ', better',
  worse: ', worse',
  neutral: '',
  unchanged: '',
};
