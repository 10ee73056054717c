/** Changes of the UI state that several controls share (header drag, menus, the column picker). */
import { isColumnShown, moveColumn } from '../../src/core/experimentsTable/tableColumns';
import type { TableActionKind, TableUiState } from '../../src/core/protocols/experimentsTableProtocol';
import { openChecklist } from '../components/checklist';
import { groupLabel } from './gridMetrics';
import { labelColumnId, minColumnWidth, type TableModel } from './tableModel';

/**
 * Which actions the selection allows: Apply one experiment, Remove only experiments, Compare two or more,
 * Modify and Run/Queue from one commit or experiment (the workspace is what Run Experiment starts from).
 */
export function enabledActions(model: TableModel, selected: ReadonlySet<string>): Set<TableActionKind> {
  const rows = [...selected].flatMap((id) => {
    const index = model.rowIndex(id);
    const row = index === undefined ? undefined : model.row(index);
    return row ? [row] : [];
  });
  const enabled = new Set<TableActionKind>();
  const experimentsOnly = rows.length > 0 && rows.every((row) => row.kind === 'experiment');
  if (rows.length >= 2) enabled.add('compare');
  if (rows.length >= 1) enabled.add('plot');
  if (rows.length === 1 && experimentsOnly) enabled.add('apply');
  if (experimentsOnly) enabled.add('remove');
  if (rows.length === 1 && rows[0]?.kind !== 'workspace') {
    enabled.add('modifyRun');
    enabled.add('modifyQueue');
  }
  return enabled;
}

export function withColumnWidth(
  model: TableModel,
  state: TableUiState,
  column: number,
  width: number,
): TableUiState {
  const id = column < 0 ? labelColumnId : model.column(column)?.id;
  if (id === undefined) return state;
  const clamped = Math.min(4000, Math.max(minColumnWidth, Math.round(width)));
  return { ...state, columnWidths: { ...state.columnWidths, [id]: clamped } };
}

/** Moves `column` before `before` (both snapshot indexes); pinned columns keep their pin order too. */
export function withReorderedColumn(
  model: TableModel,
  state: TableUiState,
  column: number,
  before: number | undefined,
): TableUiState {
  const id = model.column(column)?.id;
  const beforeId = before === undefined ? undefined : model.column(before)?.id;
  if (id === undefined) return state;
  const columnOrder = moveColumn(model.snapshot.columns, state.columnOrder, id, beforeId);
  const pinnedColumns = state.pinnedColumns.includes(id)
    ? columnOrder.filter((candidate) => state.pinnedColumns.includes(candidate))
    : state.pinnedColumns;
  return { ...state, columnOrder, pinnedColumns };
}

/** Shows or hides a column, remembering the user's choice against the column's default. */
export function withColumnShown(
  model: TableModel,
  state: TableUiState,
  id: string,
  shown: boolean,
): TableUiState {
  const column = model.snapshot.columns.find((candidate) => candidate.id === id);
  if (!column) return state;
  const hiddenColumns = state.hiddenColumns.filter((candidate) => candidate !== id);
  const shownColumns = state.shownColumns.filter((candidate) => candidate !== id);
  if (!shown) hiddenColumns.push(id);
  else if (column.hiddenByDefault) shownColumns.push(id);
  return { ...state, hiddenColumns, shownColumns };
}

export function openColumnPicker(
  model: TableModel,
  state: TableUiState,
  anchor: HTMLElement,
  apply: (next: TableUiState) => void,
): void {
  let current = state;
  const items = model.snapshot.columns.map((column) => ({
    id: column.id,
    label: column.path,
    group: groupLabel(column.group),
    checked: isColumnShown(column, state),
  }));
  openChecklist('Columns', items, anchor, (id, checked) => {
    current = withColumnShown(model, current, id, checked);
    apply(current);
  });
}
