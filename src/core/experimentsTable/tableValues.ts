/**
 * Cell values across the host/webview boundary. DVC's metrics can be NaN or ±Infinity, which JSON (used to
 * embed the first snapshot in the page) turns into `null`; they travel as `{ special }` instead. Cells go
 * column by column as JSON text (see `TableSnapshot.values`), decoded when a column is first needed.
 */
import type {
  CellValue,
  EncodedValue,
  TableColumn,
  TableRow,
  TableSnapshot,
} from '../protocols/experimentsTableProtocol';

export function encodeValue(value: CellValue | null): EncodedValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value))
    return { special: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
  return value;
}

export function decodeValue(value: EncodedValue | undefined): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') {
    // Checked, not trusted: anything but the three known specials is a missing cell.
    const special = (value as { special?: unknown }).special;
    if (special === 'NaN') return Number.NaN;
    if (special === 'Infinity') return Number.POSITIVE_INFINITY;
    return special === '-Infinity' ? Number.NEGATIVE_INFINITY : undefined;
  }
  return value;
}

/** The cells of one column, in row order: `cells(column)[row]`. Lazily decoded by the webview. */
export type ColumnCells = (column: number) => readonly CellValue[];

/** A row as the experiments model describes it: values keyed by column id. */
export type TableRowInput = TableRow & {
  readonly values: Readonly<Record<string, CellValue | null>>;
};

/** One column's cells as the JSON text the snapshot carries. */
export function encodeColumn(values: readonly (CellValue | null)[]): string {
  return JSON.stringify(values.map(encodeValue));
}

/**
 * One column's cells from the snapshot's JSON text. Anything malformed reads as missing cells: a broken
 * column must not take the table down.
 */
export function decodeColumn(text: string | undefined, rowCount: number): CellValue[] {
  const cells = new Array<CellValue>(rowCount).fill(undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '[]');
  } catch {
    return cells;
  }
  if (!Array.isArray(parsed)) return cells;
  const count = Math.min(rowCount, parsed.length);
  for (let row = 0; row < count; row++) {
    const value: unknown = parsed[row];
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
      cells[row] = value;
    else if (typeof value === 'object' && value !== null) cells[row] = decodeValue(value as EncodedValue);
  }
  return cells;
}

/**
 * Builds the wire snapshot from rows keyed by column id (what a model adapter naturally has). Unknown keys
 * are ignored; absent keys are missing cells.
 */
export function toTableSnapshot(
  columns: readonly TableColumn[],
  rows: readonly TableRowInput[],
): TableSnapshot {
  return {
    columns,
    rows: rows.map(({ values: _values, ...row }) => row),
    values: columns.map((column) => encodeColumn(rows.map((row) => row.values[column.id] ?? null))),
  };
}
