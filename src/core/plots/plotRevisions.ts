/**
 * Which revisions a dashboard plots: always the workspace first, then the selected revisions (no duplicates,
 * no flags), at most `max` of them, as DVC accepts them (an experiment's name, a branch, a short sha).
 */
import { allRows, type ExperimentsModel } from '../experiments/experimentModel';

export const WORKSPACE = 'workspace';

export function plotRevisions(selected: readonly string[], max: number): string[] {
  const limit = Math.max(0, Math.floor(max));
  const others: string[] = [];
  for (const raw of selected) {
    const rev = raw.trim();
    // A leading '-' would be read as a flag by DVC; no revision name starts with one.
    if (rev.length === 0 || rev === WORKSPACE || rev.startsWith('-') || others.includes(rev)) continue;
    others.push(rev);
  }
  return [WORKSPACE, ...others.slice(0, limit)];
}

/** What DVC calls an experiments-table row: its name (experiments, branch tips) or its short sha. */
export function revisionOfRow(row: {
  readonly kind: string;
  readonly name: string | undefined;
  readonly rev: string;
}): string {
  if (row.kind === 'workspace') return WORKSPACE;
  return row.name ?? row.rev.slice(0, 7);
}

/** Row ids of the experiments table (`workspace`, commit and experiment shas) to revisions; unknown ids are dropped. */
export function revisionsOfRowIds(model: ExperimentsModel | undefined, rowIds: readonly string[]): string[] {
  if (!model) return rowIds.filter((id) => id === WORKSPACE);
  const rows = allRows(model);
  return rowIds.flatMap((id) => {
    const row = rows.find((candidate) => candidate.id === id);
    return row ? [revisionOfRow(row)] : [];
  });
}
