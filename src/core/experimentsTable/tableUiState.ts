/**
 * The table's UI state: its defaults and the check of a value that claims to be one. The check runs on what
 * the webview sends (the host stores it per workspace) and on what `getState` returns, since both cross a
 * boundary where anything may arrive.
 */
import type { SortKey, TableRowState, TableUiState } from '../protocols/experimentsTableProtocol';

export const defaultTableUiState: TableUiState = {
  hiddenColumns: [],
  shownColumns: [],
  columnOrder: [],
  columnWidths: {},
  pinnedColumns: [],
  sort: [],
  filterText: '',
  stateFilter: [],
  deltaMode: false,
  onlyDiffering: false,
  collapsedRows: [],
};

/** Generous limits: a table has hundreds of columns and thousands of rows, not millions of ids. */
const maxIds = 100_000;
const maxIdLength = 4096;
const rowStates: readonly TableRowState[] = ['queued', 'running', 'success', 'failed'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= maxIdLength;
}

function isIdList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length <= maxIds && value.every(isId);
}

function isSortKey(value: unknown): value is SortKey {
  return isRecord(value) && isId(value.columnId) && typeof value.descending === 'boolean';
}

function isWidths(value: unknown): value is Record<string, number> {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= maxIds &&
    entries.every(
      ([id, width]) => id.length <= maxIdLength && typeof width === 'number' && width >= 16 && width <= 4000,
    )
  );
}

export function isTableUiState(value: unknown): value is TableUiState {
  if (!isRecord(value)) return false;
  return (
    isIdList(value.hiddenColumns) &&
    isIdList(value.shownColumns) &&
    isIdList(value.columnOrder) &&
    isWidths(value.columnWidths) &&
    isIdList(value.pinnedColumns) &&
    Array.isArray(value.sort) &&
    value.sort.length <= 64 &&
    value.sort.every(isSortKey) &&
    typeof value.filterText === 'string' &&
    value.filterText.length <= 10_000 &&
    Array.isArray(value.stateFilter) &&
    value.stateFilter.every((state) => rowStates.includes(state as TableRowState)) &&
    (value.baselineRowId === undefined || isId(value.baselineRowId)) &&
    typeof value.deltaMode === 'boolean' &&
    typeof value.onlyDiffering === 'boolean' &&
    isIdList(value.collapsedRows) &&
    (value.starredOnly === undefined || typeof value.starredOnly === 'boolean') &&
    (value.plottedRows === undefined || isIdList(value.plottedRows)) &&
    (value.collapsedGroups === undefined || isIdList(value.collapsedGroups))
  );
}
