/** Multi-key sort of rows: numbers by value, strings naturally, missing values always last. */
import type { CellValue, SortKey } from '../protocols/experimentsTableProtocol';
import type { ColumnCells } from './tableValues';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Numbers, then strings, then booleans; NaN (3) and missing (4) have no order and go last. */
function typeRank(value: CellValue): number {
  if (typeof value === 'number') return Number.isNaN(value) ? 3 : 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  return 4;
}

/**
 * Compares two cells ascending. Missing values (and NaN, which has no order) come last whatever the
 * direction, so the `descending` flag is applied here and not by the caller negating the result.
 */
export function compareCells(a: CellValue, b: CellValue, descending = false): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA >= 3 || rankB >= 3) return rankA - rankB;
  let result: number;
  if (rankA !== rankB) result = rankA - rankB;
  else if (typeof a === 'number' && typeof b === 'number') result = a < b ? -1 : a > b ? 1 : 0;
  else if (typeof a === 'string' && typeof b === 'string') result = collator.compare(a, b);
  else result = Number(a) - Number(b);
  return descending ? -result : result;
}

/** A sort key resolved to a column index of the cells. */
export interface ResolvedSortKey {
  readonly column: number;
  readonly descending: boolean;
}

/** Sorts row indexes by the keys; ties keep the given order (Array.prototype.sort is stable). */
export function sortRowIndexes(
  indexes: readonly number[],
  cells: ColumnCells,
  keys: readonly ResolvedSortKey[],
): number[] {
  if (keys.length === 0) return [...indexes];
  const columns = keys.map((key) => ({ values: cells(key.column), descending: key.descending }));
  return [...indexes].sort((left, right) => {
    for (const key of columns) {
      const result = compareCells(key.values[left], key.values[right], key.descending);
      if (result !== 0) return result;
    }
    return 0;
  });
}

/**
 * A header click: ascending, then descending, then unsorted. Without `additive` the column becomes the only
 * key; with it (Shift+click) the column is added as the last key or cycled in place.
 */
export function toggleSortKey(sort: readonly SortKey[], columnId: string, additive: boolean): SortKey[] {
  const existing = sort.find((key) => key.columnId === columnId);
  const next = (): SortKey | undefined =>
    !existing
      ? { columnId, descending: false }
      : existing.descending
        ? undefined
        : { columnId, descending: true };
  if (!additive) {
    const only = existing && sort.length === 1 ? next() : { columnId, descending: false };
    return only ? [only] : [];
  }
  const replacement = next();
  if (!existing) return [...sort, replacement!];
  return sort.flatMap((key) => (key.columnId === columnId ? (replacement ? [replacement] : []) : [key]));
}
