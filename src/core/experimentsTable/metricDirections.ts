/**
 * The table's metric columns with their direction (src/core/experiments/metricDirection.ts decides it).
 */
import { metricDirection } from '../experiments/metricDirection';
import type { TableColumn } from '../protocols/experimentsTableProtocol';

/** The columns with `direction` set on every metric the setting or its name decides. */
export function withMetricDirections(
  columns: readonly TableColumn[],
  setting: Readonly<Record<string, unknown>>,
): TableColumn[] {
  return columns.map((column) => {
    if (column.kind !== 'metrics') return column;
    const file = column.group.slice(column.group.indexOf(':') + 1);
    const direction = metricDirection(file, column.path, setting);
    const { direction: _previous, ...rest } = column;
    return direction ? { ...rest, direction } : rest;
  });
}
