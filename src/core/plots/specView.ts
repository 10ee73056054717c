/**
 * How big a chart is drawn and which part of it is in view, as pure copies of a DVC Vega-Lite spec (the data
 * rows are shared, never copied). Zoom and pan are Vega-Lite's interval selection bound to the scales (DVC's
 * templates already carry one, named `grid`); a zoom a person made is kept as the x/y domains it shows.
 */

/** The page's plot size choice. */
export type PlotSize = 'small' | 'medium' | 'large';

export const PLOT_SIZES: readonly PlotSize[] = ['small', 'medium', 'large'];

/** Chart size in pixels per choice; medium is DVC's own 300 x 300. */
export const PLOT_PIXELS: Readonly<Record<PlotSize, { readonly width: number; readonly height: number }>> = {
  small: { width: 200, height: 160 },
  medium: { width: 300, height: 300 },
  large: { width: 520, height: 400 },
};

/** The x and y domains a zoomed chart shows. */
export interface ZoomDomain {
  readonly x?: readonly [number, number];
  readonly y?: readonly [number, number];
}

/** Our name for the zoom selection we add to a spec that has none. */
export const ADDED_ZOOM_PARAM = 'dvcLensZoom';

/**
 * A copy drawn at `size` (the top-level width and height, where the spec sets them as numbers: DVC's
 * templates do; a faceted or concatenated spec keeps its own).
 */
export function withSize<T extends Readonly<Record<string, unknown>>>(
  spec: T,
  size: { readonly width: number; readonly height: number },
): T {
  if (typeof spec.width !== 'number' || typeof spec.height !== 'number') return spec;
  return { ...spec, width: Math.round(size.width), height: Math.round(size.height) };
}

/**
 * The name of the spec's zoom selection (an interval selection bound to the scales), adding one to the first
 * unit that draws a mark when the spec has none; `domain` becomes its initial value. Undefined when the spec
 * has no unit to zoom (e.g. a concatenation).
 */
export function withZoom<T extends Readonly<Record<string, unknown>>>(
  spec: T,
  domain?: ZoomDomain,
): { readonly spec: T; readonly param: string } | undefined {
  const existing = zoomParamName(spec);
  const param = existing ?? ADDED_ZOOM_PARAM;
  const value = domain && (domain.x || domain.y) ? { ...domain } : undefined;
  let placed = false;
  const visit = (unit: Record<string, unknown>): Record<string, unknown> => {
    let copy = unit;
    const params: readonly unknown[] | undefined = Array.isArray(unit.params) ? unit.params : undefined;
    if (existing !== undefined && params?.some((item) => isZoomParam(item) && item.name === existing)) {
      placed = true;
      copy = {
        ...unit,
        params: params.map((item: unknown) =>
          isZoomParam(item) && item.name === existing ? withValue(item, value) : item,
        ),
      };
    } else if (existing === undefined && !placed && unit.mark !== undefined) {
      placed = true;
      const added = withValue({ name: param, select: 'interval', bind: 'scales' }, value);
      copy = { ...unit, params: [...(params ?? []), added] };
    }
    if (!Array.isArray(unit.layer)) return copy;
    return {
      ...copy,
      layer: unit.layer.map((layer: unknown) => (isRecord(layer) ? visit(layer) : layer)),
    };
  };
  const result = visit(spec) as T;
  return placed ? { spec: result, param } : undefined;
}

/**
 * The zoom as x/y domains from the selection's value as Vega reports it (keyed by field name: `{ step:
 * [0, 9], loss: [0.1, 0.4] }`); undefined when nothing is zoomed.
 */
export function zoomDomainOf(
  spec: Readonly<Record<string, unknown>>,
  value: unknown,
): ZoomDomain | undefined {
  if (!isRecord(value)) return undefined;
  const fields = channelFields(spec);
  const range = (field: string | undefined): [number, number] | undefined => {
    const pair = field === undefined ? undefined : value[field];
    if (!Array.isArray(pair) || pair.length !== 2) return undefined;
    const [low, high] = pair.map(Number);
    return low !== undefined && high !== undefined && Number.isFinite(low) && Number.isFinite(high)
      ? [low, high]
      : undefined;
  };
  const x = range(fields.x);
  const y = range(fields.y);
  if (!x && !y) return undefined;
  return { ...(x ? { x } : {}), ...(y ? { y } : {}) };
}

/** The x and y field names of the spec's first unit that encodes them (top level first, then layers). */
function channelFields(spec: Readonly<Record<string, unknown>>): { x?: string; y?: string } {
  const found: { x?: string; y?: string } = {};
  const visit = (unit: Record<string, unknown>): void => {
    const encoding = isRecord(unit.encoding) ? unit.encoding : {};
    for (const channel of ['x', 'y'] as const) {
      const definition = encoding[channel];
      if (found[channel] === undefined && isRecord(definition) && typeof definition.field === 'string')
        found[channel] = definition.field;
    }
    if (Array.isArray(unit.layer)) for (const layer of unit.layer) if (isRecord(layer)) visit(layer);
  };
  visit(spec);
  return found;
}

function zoomParamName(spec: Readonly<Record<string, unknown>>): string | undefined {
  const params = Array.isArray(spec.params) ? spec.params : [];
  const own = params.find(isZoomParam);
  if (own) return own.name;
  if (!Array.isArray(spec.layer)) return undefined;
  for (const layer of spec.layer) {
    const name = isRecord(layer) ? zoomParamName(layer) : undefined;
    if (name !== undefined) return name;
  }
  return undefined;
}

function isZoomParam(value: unknown): value is Record<string, unknown> & { readonly name: string } {
  if (!isRecord(value) || typeof value.name !== 'string' || value.bind !== 'scales') return false;
  return value.select === 'interval' || (isRecord(value.select) && value.select.type === 'interval');
}

function withValue(param: Record<string, unknown>, value: ZoomDomain | undefined): Record<string, unknown> {
  if (value) return { ...param, value };
  const { value: _dropped, ...rest } = param;
  void _dropped;
  return rest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
