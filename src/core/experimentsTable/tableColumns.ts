/** Which columns the grid shows, in which order, and which are pinned. Indexes into the snapshot's columns. */
import type { TableColumn, TableUiState } from '../protocols/experimentsTableProtocol';
import type { ColumnCells } from './tableValues';
import { foldSections } from './columnSections';

export interface ColumnArrangement {
  /** Pinned columns (after the label column), then the scrolling ones. */
  readonly pinned: readonly number[];
  readonly scrolling: readonly number[];
}

/** Every column in the user's order: listed ids first, the rest in the snapshot's order. */
export function orderedColumns(columns: readonly TableColumn[], order: readonly string[]): number[] {
  const indexById = new Map(columns.map((column, index) => [column.id, index]));
  const seen = new Set<number>();
  const result: number[] = [];
  for (const id of order) {
    const index = indexById.get(id);
    if (index !== undefined && !seen.has(index)) {
      seen.add(index);
      result.push(index);
    }
  }
  columns.forEach((_column, index) => {
    if (!seen.has(index)) result.push(index);
  });
  return result;
}

export function isColumnShown(column: TableColumn, state: TableUiState): boolean {
  if (state.hiddenColumns.includes(column.id)) return false;
  return !column.hiddenByDefault || state.shownColumns.includes(column.id);
}

/** True when the rows do not all have the same value (missing counts as a value) in the column. */
export function columnDiffers(cells: ColumnCells, rowIndexes: readonly number[], column: number): boolean {
  if (rowIndexes.length < 2) return false;
  const values = cells(column);
  const first = values[rowIndexes[0]!];
  for (let position = 1; position < rowIndexes.length; position++) {
    const value = values[rowIndexes[position]!];
    // Object.is: NaN equals NaN here, which is what "the same value" means to a person.
    if (!Object.is(value, first)) return true;
  }
  return false;
}

/**
 * The shown columns: hidden ones dropped, pinned ones first in pin order, and with `differing` given (the
 * "only columns that differ" mode) only those whose values vary among the shown rows.
 */
export function arrangeColumns(
  columns: readonly TableColumn[],
  state: TableUiState,
  differs?: (column: number) => boolean,
): ColumnArrangement {
  const shown = (index: number): boolean => {
    const column = columns[index];
    return column !== undefined && isColumnShown(column, state) && (!differs || differs(index));
  };
  const folded = new Set(state.collapsedGroups ?? []);
  const pinnedIds = new Set(state.pinnedColumns);
  const pinned = orderedColumns(columns, state.pinnedColumns).filter(
    (index) => pinnedIds.has(columns[index]!.id) && shown(index),
  );
  const pinnedSet = new Set(pinned);
  const scrolling = orderedColumns(columns, state.columnOrder).filter(
    (index) => !pinnedSet.has(index) && shown(index),
  );
  // A folded section keeps its first column in view: the one its header (and unfolding) hangs on.
  return { pinned, scrolling: foldSections(columns, scrolling, folded) };
}

/** Moves a column one place left or right in the user's order; returns the new order of all ids. */
export function moveColumn(
  columns: readonly TableColumn[],
  order: readonly string[],
  id: string,
  toBefore: string | undefined,
): string[] {
  const ids = orderedColumns(columns, order).map((index) => columns[index]!.id);
  const from = ids.indexOf(id);
  if (from < 0) return ids;
  ids.splice(from, 1);
  const to = toBefore === undefined ? ids.length : ids.indexOf(toBefore);
  ids.splice(to < 0 ? ids.length : to, 0, id);
  return ids;
}

/** Runs of neighbouring columns with the same group, for the grouped header. */
export function groupRuns(
  columns: readonly TableColumn[],
  indexes: readonly number[],
): { group: string; from: number; to: number }[] {
  const runs: { group: string; from: number; to: number }[] = [];
  indexes.forEach((index, position) => {
    const group = columns[index]?.group ?? '';
    const last = runs[runs.length - 1];
    if (last && last.group === group && last.to === position) last.to = position + 1;
    else runs.push({ group, from: position, to: position + 1 });
  });
  return runs;
}
