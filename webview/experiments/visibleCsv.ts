/** The CSV of what the table shows: the shown rows in their order, the shown columns, full-precision values. */
import { fullValue } from '../../src/core/experimentsTable/numberFormat';
import { toCsv } from '../../src/core/experimentsTable/tableCsv';
import { groupLabel } from './gridMetrics';
import type { TableLayout, TableModel } from './tableModel';

export function visibleTableCsv(model: TableModel, layout: TableLayout): string {
  const columns = layout.columns.map((index) => model.column(index)!);
  const header = [
    'Experiment',
    'State',
    'SHA',
    ...columns.map((column) =>
      column.kind === 'deps' ? column.path : `${groupLabel(column.group)}:${column.path}`,
    ),
  ];
  const rows = layout.rows.map((flat) => {
    const row = model.row(flat.index)!;
    return [
      row.label,
      row.state ?? '',
      row.sha ?? '',
      ...layout.columns.map((index) => fullValue(model.cells(index)[flat.index])),
    ];
  });
  return toCsv(header, rows);
}
