/**
 * The table as the grid draws it: the snapshot's data joined with the UI state into shown rows and columns,
 * their widths and offsets. No DOM here, so unit tests can drive it.
 */
import type {
  CellValue,
  TableColumn,
  TableRow,
  TableSnapshot,
  TableUiState,
} from '../../src/core/protocols/experimentsTableProtocol';
import { arrangeColumns, columnDiffers } from '../../src/core/experimentsTable/tableColumns';
import { parseFilterText, type TableFilter } from '../../src/core/experimentsTable/tableFilter';
import { flattenRows, type FlatRow } from '../../src/core/experimentsTable/tableRows';
import { columnOffsets } from '../../src/core/experimentsTable/tableWindow';
import { decodeColumn, type ColumnCells } from '../../src/core/experimentsTable/tableValues';

export const labelColumnId = 'label';
// Room for the checkbox, the name, its short sha and the star and plot toggles.
export const defaultLabelWidth = 300;
export const defaultColumnWidth = 110;
export const minColumnWidth = 40;

export interface TableLayout {
  readonly rows: readonly FlatRow[];
  /** Shown columns after the label column: pinned first. Indexes into the snapshot's columns. */
  readonly columns: readonly number[];
  readonly pinnedCount: number;
  readonly labelWidth: number;
  /** Widths of `columns`, in the same order. */
  readonly widths: readonly number[];
  /** Label plus pinned columns: the part that does not scroll sideways. */
  readonly pinnedWidth: number;
  /** Start offsets of the scrolling columns (from the end of the pinned part), with the total last. */
  readonly scrollingOffsets: readonly number[];
  /** The baseline row's snapshot index, when the baseline is set and still exists. */
  readonly baselineIndex?: number;
  readonly filterProblems: readonly string[];
}

export class TableModel {
  snapshot: TableSnapshot = { columns: [], rows: [], values: [] };
  private columnText: (column: number) => string | undefined = () => undefined;
  private decoded: (CellValue[] | undefined)[] = [];
  /** The cells of a column, parsed and decoded the first time something needs them. */
  readonly cells: ColumnCells = (column) => {
    let cells = this.decoded[column];
    if (!cells) {
      cells = decodeColumn(this.columnText(column), this.snapshot.rows.length);
      this.decoded[column] = cells;
    }
    return cells;
  };
  private indexById = new Map<string, number>();
  /** Sorting and filtering 10,000 rows is the expensive part: kept while its inputs stay the same. */
  private rowsMemo: { key: string; rows: FlatRow[]; problems: readonly string[] } | undefined;
  private differingMemo: { rows: readonly FlatRow[]; columns: Map<number, boolean> } | undefined;

  /**
   * `columnText` overrides where a column's JSON comes from: the first snapshot keeps each column in its own
   * inert script element of the page, read only when needed.
   */
  setSnapshot(snapshot: TableSnapshot, columnText?: (column: number) => string | undefined): void {
    this.snapshot = snapshot;
    this.columnText = columnText ?? ((column) => snapshot.values[column]);
    this.decoded = new Array<CellValue[] | undefined>(snapshot.columns.length);
    this.indexById = new Map(snapshot.rows.map((row, index) => [row.id, index]));
    this.rowsMemo = undefined;
    this.differingMemo = undefined;
  }

  private shownRows(state: TableUiState): { rows: FlatRow[]; problems: readonly string[] } {
    const key = JSON.stringify([
      state.sort,
      state.filterText,
      state.stateFilter,
      state.collapsedRows,
      state.starredOnly === true,
    ]);
    if (this.rowsMemo?.key === key) return this.rowsMemo;
    const { columns } = this.snapshot;
    const indexById = new Map(columns.map((column, index) => [column.id, index]));
    const sort = state.sort.flatMap((sortKey) => {
      const column = indexById.get(sortKey.columnId);
      return column === undefined ? [] : [{ column, descending: sortKey.descending }];
    });
    const parsed = parseFilterText(state.filterText, columns);
    const filters: readonly TableFilter[] = parsed.filters;
    const rows = flattenRows(this.snapshot.rows, this.cells, {
      filters,
      states: state.stateFilter,
      sort,
      collapsed: new Set(state.collapsedRows),
      starredOnly: state.starredOnly === true,
    });
    this.rowsMemo = { key, rows, problems: parsed.problems };
    return this.rowsMemo;
  }

  private differs(rows: readonly FlatRow[], column: number): boolean {
    if (this.differingMemo?.rows !== rows) this.differingMemo = { rows, columns: new Map() };
    const known = this.differingMemo.columns.get(column);
    if (known !== undefined) return known;
    const result = columnDiffers(
      this.cells,
      rows.map((row) => row.index),
      column,
    );
    this.differingMemo.columns.set(column, result);
    return result;
  }

  rowIndex(id: string): number | undefined {
    return this.indexById.get(id);
  }

  row(index: number): TableRow | undefined {
    return this.snapshot.rows[index];
  }

  column(index: number): TableColumn | undefined {
    return this.snapshot.columns[index];
  }

  /** Joins data and UI state; called after every change of either. */
  layout(state: TableUiState): TableLayout {
    const { columns } = this.snapshot;
    const { rows, problems } = this.shownRows(state);
    const arrangement = arrangeColumns(
      columns,
      state,
      state.onlyDiffering ? (column) => this.differs(rows, column) : undefined,
    );
    const shown = [...arrangement.pinned, ...arrangement.scrolling];
    const widthOf = (id: string, fallback: number): number => state.columnWidths[id] ?? fallback;
    const widths = shown.map((index) => widthOf(columns[index]!.id, defaultColumnWidth));
    const labelWidth = widthOf(labelColumnId, defaultLabelWidth);
    const pinnedWidths = widths.slice(0, arrangement.pinned.length);
    const baselineIndex =
      state.baselineRowId === undefined ? undefined : this.indexById.get(state.baselineRowId);
    return {
      rows,
      columns: shown,
      pinnedCount: arrangement.pinned.length,
      labelWidth,
      widths,
      pinnedWidth: labelWidth + pinnedWidths.reduce((sum, width) => sum + width, 0),
      scrollingOffsets: columnOffsets(widths.slice(arrangement.pinned.length)),
      ...(baselineIndex === undefined ? {} : { baselineIndex }),
      filterProblems: problems,
    };
  }
}
