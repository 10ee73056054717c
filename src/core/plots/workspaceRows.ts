/**
 * The live fast path: a CSV/TSV series of the workspace, read from the file the moment it changes, put into
 * the plot DVC drew last, so a training step shows without waiting for `dvc plots diff` (a second or more of
 * DVC's start-up). Only where the result is what DVC itself would print: a plot whose id is that file and
 * whose workspace rows are exactly the file's columns plus `rev` (multi-file plots carry more fields and are
 * left to DVC). The next `dvc plots diff` still follows and has the last word.
 */
import type { DelimitedTable } from './delimitedRows';
import { plotRows } from './plotData';
import type { Plot, TemplatePlot } from './plotModel';

/** The plot with the revision's rows replaced by the file's; undefined when the fast path does not apply. */
export function withFileRows(
  plot: TemplatePlot,
  table: DelimitedTable,
  rev = 'workspace',
): TemplatePlot | undefined {
  const rows = plotRows(plot.spec);
  const data = plot.spec.data;
  if (rows.length === 0 || typeof data !== 'object' || data === null) return undefined;
  const current = rows.filter((row) => row.rev === rev);
  if (current.length === 0) return undefined;
  const columns = new Set<string>([...table.header, 'rev']);
  const sameShape = current.every(
    (row) => Object.keys(row).every((key) => columns.has(key)) && Object.keys(row).length === columns.size,
  );
  if (!sameShape) return undefined;
  // In DVC's key order (the file's columns, then rev), at the place the revision's rows had.
  const fresh = table.rows.map((row) => ({ ...row, rev }));
  const first = rows.findIndex((row) => row.rev === rev);
  const others = rows.filter((row) => row.rev !== rev);
  const values = [...others.slice(0, first), ...fresh, ...others.slice(first)];
  return {
    ...plot,
    spec: { ...plot.spec, data: { ...(data as Record<string, unknown>), values } },
    revisions: plot.revisions.map((revision) =>
      revision.rev === rev ? { ...revision, state: 'ok', points: fresh.length } : revision,
    ),
  };
}

/**
 * The plot with a revision's data replaced by an error (a broken series file): the revision is an error with
 * the reason, its rows leave the chart, and a plot left with no revision to draw becomes an error card.
 */
export function withFileError(plot: Plot, message: string, rev = 'workspace'): Plot {
  const revisions = plot.revisions.map((revision) =>
    revision.rev === rev ? { rev, state: 'error' as const, points: 0, error: message } : revision,
  );
  const drawable = revisions.some((revision) => revision.state === 'ok');
  if (plot.kind !== 'template' || !drawable)
    return { kind: 'failed', id: plot.id, title: plot.title, message, revisions };
  const data = plot.spec.data;
  const values = plotRows(plot.spec).filter((row) => row.rev !== rev);
  return {
    ...plot,
    spec: { ...plot.spec, data: { ...(data as Record<string, unknown>), values } },
    revisions,
  };
}
