/** Keyboard movement of the focused cell in the grid (aria grid pattern). */

export interface CellPosition {
  /** Index into the visible rows. */
  readonly row: number;
  /** Index into the shown columns; 0 is the label column. */
  readonly column: number;
}

/** The new focused cell for a key, or undefined when the key does not move the focus. */
export function moveFocus(
  from: CellPosition,
  key: string,
  options: {
    readonly rowCount: number;
    readonly columnCount: number;
    readonly pageRows: number;
    readonly ctrl: boolean;
  },
): CellPosition | undefined {
  const lastRow = Math.max(0, options.rowCount - 1);
  const lastColumn = Math.max(0, options.columnCount - 1);
  const clamp = (row: number, column: number): CellPosition => ({
    row: Math.min(lastRow, Math.max(0, row)),
    column: Math.min(lastColumn, Math.max(0, column)),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp(from.row - 1, from.column);
    case 'ArrowDown':
      return clamp(from.row + 1, from.column);
    case 'ArrowLeft':
      return clamp(from.row, from.column - 1);
    case 'ArrowRight':
      return clamp(from.row, from.column + 1);
    case 'PageUp':
      return clamp(from.row - options.pageRows, from.column);
    case 'PageDown':
      return clamp(from.row + options.pageRows, from.column);
    case 'Home':
      return options.ctrl ? clamp(0, 0) : clamp(from.row, 0);
    case 'End':
      return options.ctrl ? clamp(lastRow, lastColumn) : clamp(from.row, lastColumn);
    default:
      return undefined;
  }
}
