/**
 * One colour per revision, the same in every plot and in the legend: the workspace always gets the first
 * colour, the other revisions the next ones in the order they were selected. DVC colours each plot by its own
 * order of revisions, which differs between plots when a revision is missing from one; we overwrite its
 * colour scales with ours.
 */

/** Distinct on light and dark themes; DVC's own first colours lead, so its users recognize them. */
export const REVISION_PALETTE: readonly string[] = [
  '#945dd6',
  '#13adc7',
  '#f46837',
  '#48bb78',
  '#e53e8a',
  '#d69e2e',
  '#3182ce',
  '#a0aec0',
  '#805ad5',
  '#38b2ac',
];

/** Colour of each revision, keyed by its name. */
export function revisionColours(revisions: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  const others = revisions.filter((rev) => rev !== 'workspace');
  if (revisions.includes('workspace')) colours.set('workspace', REVISION_PALETTE[0] ?? '#945dd6');
  const offset = colours.size;
  others.forEach((rev, index) =>
    colours.set(rev, REVISION_PALETTE[(index + offset) % REVISION_PALETTE.length] ?? '#888888'),
  );
  return colours;
}

/**
 * A copy of `spec` whose colour scales over `rev` use our colours: every `{ field: 'rev', scale: {domain} }`
 * gets `scale.range` from `colours` (and keeps DVC's domain, so a revision missing from the plot keeps its
 * colour in the others).
 */
export function recolourSpec<T>(spec: T, colours: ReadonlyMap<string, string>): T {
  return recolour(spec, colours) as T;
}

function recolour(value: unknown, colours: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => recolour(item, colours));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  // Data rows are never colour scales, and copying a million of them would stall the caller.
  for (const [key, child] of Object.entries(value))
    copy[key] = key === 'data' || key === 'datasets' ? child : recolour(child, colours);
  const scale = copy.scale;
  if (copy.field === 'rev' && typeof scale === 'object' && scale !== null && !Array.isArray(scale)) {
    const domain = (scale as Record<string, unknown>).domain;
    if (Array.isArray(domain))
      copy.scale = {
        ...scale,
        range: domain.map((rev) => (typeof rev === 'string' ? colours.get(rev) : undefined) ?? '#888888'),
      };
  }
  return copy;
}
