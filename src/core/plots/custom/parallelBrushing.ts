/**
 * Parallel coordinates, as geometry and filtering without a DOM: each axis maps its column's range to a
 * vertical extent (largest value on top); a brush is a value range on one axis; a line stays highlighted when
 * it passes inside the brush of every brushed axis, and is dimmed otherwise.
 */

/** A column's range on its axis. */
export interface AxisDomain {
  readonly min: number;
  readonly max: number;
}

/** A brushed value range on one axis (`low <= high`). */
export interface Brush {
  readonly axis: string;
  readonly low: number;
  readonly high: number;
}

/** The vertical extent an axis is drawn in (SVG y grows downwards: `top < bottom`). */
export interface AxisExtent {
  readonly top: number;
  readonly bottom: number;
}

/** An axis's domain; a column with one value gets a range around it, so it is drawn mid-axis, not on an end. */
export function axisDomain(min: number, max: number): AxisDomain {
  if (max > min) return { min, max };
  const pad = Math.abs(min) > 0 ? Math.abs(min) / 2 : 1;
  return { min: min - pad, max: max + pad };
}

export function valueToY(value: number, domain: AxisDomain, extent: AxisExtent): number {
  const share = (value - domain.min) / (domain.max - domain.min);
  return extent.bottom - share * (extent.bottom - extent.top);
}

export function yToValue(y: number, domain: AxisDomain, extent: AxisExtent): number {
  const clamped = Math.min(extent.bottom, Math.max(extent.top, y));
  return domain.min + ((extent.bottom - clamped) / (extent.bottom - extent.top)) * (domain.max - domain.min);
}

/** The brush a drag from `y1` to `y2` (either order) on an axis draws; undefined for a click (no range). */
export function brushFromDrag(
  axis: string,
  y1: number,
  y2: number,
  domain: AxisDomain,
  extent: AxisExtent,
): Brush | undefined {
  if (Math.abs(y2 - y1) < 3) return undefined;
  const a = yToValue(y1, domain, extent);
  const b = yToValue(y2, domain, extent);
  return { axis, low: Math.min(a, b), high: Math.max(a, b) };
}

/** True when the line (values in `axes` order) is inside every brush; brushes on other axes are ignored. */
export function insideBrushes(
  values: readonly number[],
  axes: readonly string[],
  brushes: readonly Brush[],
): boolean {
  return brushes.every((brush) => {
    const index = axes.indexOf(brush.axis);
    if (index < 0) return true;
    const value = values[index];
    return value !== undefined && value >= brush.low && value <= brush.high;
  });
}

/** Keys on a focused axis: move the brush up/down, grow/shrink it, create one, clear it. */
export type BrushKey = 'up' | 'down' | 'grow' | 'shrink' | 'create' | 'clear';

const STEP = 0.1;

/**
 * The axis's brush after a key (undefined: no brush). Without a brush, up/down brush the upper/lower half and
 * `create` the middle half; steps are a tenth of the axis; the brush stays inside the axis.
 */
export function brushAfterKey(
  brush: Brush | undefined,
  axis: string,
  domain: AxisDomain,
  key: BrushKey,
): Brush | undefined {
  const span = domain.max - domain.min;
  const middle = domain.min + span / 2;
  if (key === 'clear') return undefined;
  if (!brush) {
    if (key === 'up') return { axis, low: middle, high: domain.max };
    if (key === 'down') return { axis, low: domain.min, high: middle };
    return { axis, low: domain.min + span / 4, high: domain.max - span / 4 };
  }
  const width = brush.high - brush.low;
  switch (key) {
    case 'up':
    case 'down': {
      const shift = (key === 'up' ? 1 : -1) * STEP * span;
      const low = Math.min(domain.max - width, Math.max(domain.min, brush.low + shift));
      return { axis, low, high: low + width };
    }
    case 'grow':
      return {
        axis,
        low: Math.max(domain.min, brush.low - (STEP * span) / 2),
        high: Math.min(domain.max, brush.high + (STEP * span) / 2),
      };
    case 'shrink': {
      const half = Math.max(0, width - STEP * span) / 2;
      const centre = brush.low + width / 2;
      return { axis, low: centre - half, high: centre + half };
    }
    case 'create':
      return brush;
  }
}
