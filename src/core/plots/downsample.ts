/**
 * Keeps huge series drawable: a revision with more rows than `limit` keeps every k-th row (and its last),
 * in order, so a line keeps its shape while the webview draws thousands of points instead of a million. The
 * dashboard says so next to the plot; exports still write every row (the host has them).
 */
import type { PlotRow } from './plotData';

export interface DownsampleResult {
  readonly rows: readonly PlotRow[];
  /** Revisions that were thinned, with how many rows they had and kept. */
  readonly thinned: ReadonlyArray<{ readonly rev: string; readonly from: number; readonly to: number }>;
}

export const DEFAULT_POINT_LIMIT = 5000;

export function downsampleRows(rows: readonly PlotRow[], limit = DEFAULT_POINT_LIMIT): DownsampleResult {
  const byRev = new Map<string, PlotRow[]>();
  for (const row of rows) {
    const rev = typeof row.rev === 'string' ? row.rev : '';
    let list = byRev.get(rev);
    if (!list) byRev.set(rev, (list = []));
    list.push(row);
  }
  if ([...byRev.values()].every((list) => list.length <= limit)) return { rows, thinned: [] };
  const kept: PlotRow[] = [];
  const thinned: Array<{ rev: string; from: number; to: number }> = [];
  for (const [rev, list] of byRev) {
    // Loops, not push(...list): spreading a million arguments overflows the stack.
    if (list.length <= limit) {
      for (const row of list) kept.push(row);
      continue;
    }
    const step = Math.ceil(list.length / limit);
    const sample = list.filter((_, index) => index % step === 0);
    const last = list[list.length - 1];
    if (last !== undefined && sample[sample.length - 1] !== last) sample.push(last);
    for (const row of sample) kept.push(row);
    thinned.push({ rev, from: list.length, to: sample.length });
  }
  return { rows: kept, thinned };
}

/** The note the dashboard shows under a thinned plot. */
export function downsampleNote(thinned: DownsampleResult['thinned']): string | undefined {
  if (thinned.length === 0) return undefined;
  const parts = thinned.map(
    (entry) => `${entry.rev}: ${entry.to.toLocaleString('en')} of ${entry.from.toLocaleString('en')} points`,
  );
  return `Downsampled for display (${parts.join('; ')}). Export CSV/JSON writes every point.`;
}
