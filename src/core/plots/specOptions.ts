/**
 * Changes a person can make to a DVC Vega-Lite spec from the dashboard, as pure copies of the spec (the data
 * rows are shared, never copied).
 */

/**
 * Log scale on the y axis: every quantitative `y` encoding gets `scale.type: 'log'` (DVC's templates put
 * `y` in the top-level encoding or in layers). Returns undefined when the spec has no quantitative y, so
 * the dashboard offers the toggle only where it means something.
 */
export function withLogScale<T>(spec: T): T | undefined {
  let changed = false;
  const visit = (value: unknown, key: string | undefined): unknown => {
    if (Array.isArray(value)) return value.map((item) => visit(item, undefined));
    if (typeof value !== 'object' || value === null || key === 'data') return value;
    const record = value as Record<string, unknown>;
    if (key === 'y' && record.type === 'quantitative' && record.aggregate === undefined) {
      changed = true;
      const scale = typeof record.scale === 'object' && record.scale !== null ? record.scale : {};
      return { ...record, scale: { ...scale, type: 'log', zero: false } };
    }
    const copy: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(record)) copy[childKey] = visit(child, childKey);
    return copy;
  };
  const result = visit(spec, undefined) as T;
  return changed ? result : undefined;
}

/** The smoothing weights the slider offers: 0 is off, 0.99 follows a long trend. */
export const MAX_SMOOTHING = 0.99;

/** Fields that split a template's rows into series besides `rev` (DVC's multi-file and multi-y plots). */
const SERIES_FIELDS = ['rev', 'filename', 'field'] as const;

/**
 * Whether a spec draws a line whose y is a plain quantitative field (DVC's linear, simple and smooth
 * templates): the plots a smoothing slider makes sense for.
 */
export function isLinePlot(spec: Readonly<Record<string, unknown>>): boolean {
  return smoothedField(spec) !== undefined;
}

/**
 * Exponential moving average of each series' y values (TensorBoard's, with its start-up bias removed, so the
 * first point stays where it was), `weight` in [0, MAX_SMOOTHING]. A series is one revision (and file and
 * field for multi-file plots), in the order DVC listed its rows (step order). Only the drawn copy changes:
 * exports read the host's rows. Returns the spec itself for weight 0 or a spec that is not a line plot.
 */
export function withSmoothing<T extends Readonly<Record<string, unknown>>>(spec: T, weight: number): T {
  const field = smoothedField(spec);
  const w = Math.min(Math.max(weight, 0), MAX_SMOOTHING);
  const data = spec.data;
  if (field === undefined || !(w > 0) || !isRecord(data) || !Array.isArray(data.values)) return spec;
  const state = new Map<string, { last: number; count: number }>();
  const values = data.values.map((row: unknown) => {
    if (!isRecord(row)) return row;
    const value = Number(row[field]);
    if (row[field] === '' || row[field] === null || !Number.isFinite(value)) return row;
    const key = SERIES_FIELDS.map((name) => JSON.stringify(row[name] ?? null)).join('\u0000');
    const series = state.get(key) ?? { last: 0, count: 0 };
    series.last = series.last * w + (1 - w) * value;
    series.count += 1;
    state.set(key, series);
    return { ...row, [field]: series.last / (1 - w ** series.count) };
  });
  return { ...spec, data: { ...data, values } };
}

/**
 * DVC's `smooth` template brings a slider of its own (a top-level `smooth` param bound to a range input,
 * the bandwidth of a loess). Next to the card's smoothing slider that is two sliders for one idea: the copy
 * drops the binding and keeps the param at DVC's value. Returns the spec itself when it has no such binding.
 */
export function withoutTemplateSmoothingInput<T extends Readonly<Record<string, unknown>>>(spec: T): T {
  const params = spec.params;
  if (!Array.isArray(params)) return spec;
  const bound = (param: unknown): boolean =>
    isRecord(param) && param.name === 'smooth' && param.bind !== undefined;
  if (!params.some(bound)) return spec;
  return {
    ...spec,
    params: params.map((param: unknown) => {
      if (!bound(param) || !isRecord(param)) return param;
      const { bind: _bind, ...rest } = param;
      void _bind;
      return rest;
    }),
  };
}

/** The y field of the first line mark (top level or in layers) whose y is quantitative and not aggregated. */
function smoothedField(spec: Readonly<Record<string, unknown>>): string | undefined {
  const visit = (unit: Record<string, unknown>, inheritedY: unknown): string | undefined => {
    const encoding = isRecord(unit.encoding) ? unit.encoding : {};
    const y = encoding.y ?? inheritedY;
    const mark = isRecord(unit.mark) ? unit.mark.type : unit.mark;
    if (mark === 'line' && isRecord(y) && y.type === 'quantitative' && y.aggregate === undefined)
      return typeof y.field === 'string' ? y.field : undefined;
    if (!Array.isArray(unit.layer)) return undefined;
    for (const layer of unit.layer) {
      const found = isRecord(layer) ? visit(layer, y) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(spec, undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
