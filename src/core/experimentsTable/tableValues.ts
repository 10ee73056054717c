/**
 * Cell values across the host/webview boundary. DVC's metrics can be NaN or ±Infinity, which JSON (used to
 * embed the first snapshot in the page) turns into `null`; they travel as `{ special }` instead.
 */
import type {
  CellValue,
  EncodedValue,
  TableColumn,
  TableRow,
  TableSnapshot,
} from '../../experiments/table/protocol';

export function encodeValue(value: CellValue | null): EncodedValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value))
    return { special: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
  return value;
}

export function decodeValue(value: EncodedValue | undefined): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') {
    if (value.special === 'NaN') return Number.NaN;
    return value.special === 'Infinity' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  return value;
}

/** A row as the experiments model describes it: values keyed by column id. */
export type TableRowInput = Omit<TableRow, 'values'> & {
  readonly values: Readonly<Record<string, CellValue | null>>;
};

/**
 * Builds the wire snapshot from rows keyed by column id (what a model adapter naturally has): values become
 * positional and encoded. Unknown keys are ignored; absent keys are missing cells.
 */
export function toTableSnapshot(
  columns: readonly TableColumn[],
  rows: readonly TableRowInput[],
): TableSnapshot {
  return {
    columns,
    rows: rows.map((row) => ({
      ...row,
      values: columns.map((column) => encodeValue(row.values[column.id])),
    })),
  };
}

/** The webview's decoded cells: `cells[rowIndex][columnIndex]`, indexes of the snapshot. */
export function decodeCells(snapshot: TableSnapshot): CellValue[][] {
  const width = snapshot.columns.length;
  return snapshot.rows.map((row) => {
    const cells = new Array<CellValue>(width);
    for (let index = 0; index < width; index++) cells[index] = decodeValue(row.values[index]);
    return cells;
  });
}
