/** Differences to the pinned baseline row, and whether they are good news (per the metric's direction). */
import type { CellValue, MetricDirection } from '../protocols/experimentsTableProtocol';

/** `better`/`worse` only for metrics with a direction; `changed` when the direction is unknown. */
export type DeltaTrend = 'better' | 'worse' | 'same' | 'changed';

export interface Delta {
  readonly absolute: number;
  /** Change relative to the baseline's magnitude; undefined when the baseline is 0. */
  readonly relative?: number;
  readonly trend: DeltaTrend;
}

/** The delta of two numeric cells, or undefined when either is missing, not a number or not finite. */
export function deltaOf(
  value: CellValue,
  baseline: CellValue,
  direction: MetricDirection | undefined,
): Delta | undefined {
  if (typeof value !== 'number' || typeof baseline !== 'number') return undefined;
  if (!Number.isFinite(value) || !Number.isFinite(baseline)) return undefined;
  const absolute = value - baseline;
  const relative = baseline === 0 ? undefined : absolute / Math.abs(baseline);
  let trend: DeltaTrend = 'same';
  if (absolute !== 0)
    trend =
      direction === undefined ? 'changed' : absolute > 0 === (direction === 'higher') ? 'better' : 'worse';
  return relative === undefined ? { absolute, trend } : { absolute, relative, trend };
}

/** The CSS class a cell gets for its trend. */
export function deltaClass(delta: Delta | undefined): string {
  return delta ? `delta-${delta.trend}` : '';
}
