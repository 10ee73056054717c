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
