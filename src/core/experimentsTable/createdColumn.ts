/**
 * The Created column: when each commit or experiment was made (`timestamp` of `dvc exp show`), shown as a
 * relative time ("3 h ago") with the absolute time in the tooltip. Added beside the params and metrics by the
 * table's source; ISO text sorts and filters in time order.
 */
import type { TableColumn } from '../protocols/experimentsTableProtocol';
import type { TableRowInput } from './tableValues';

export const CREATED_COLUMN_ID = 'created';

const createdColumn: TableColumn = {
  id: CREATED_COLUMN_ID,
  group: 'created',
  kind: 'created',
  label: 'Created',
  path: 'created',
  type: 'string',
};

/** The table data with the Created column first and each row's timestamp as its value. */
export function withCreatedColumn(data: {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRowInput[];
}): { columns: TableColumn[]; rows: TableRowInput[] } {
  return {
    columns: [createdColumn, ...data.columns],
    rows: data.rows.map((row) => ({
      ...row,
      values: { ...row.values, [CREATED_COLUMN_ID]: row.timestamp ?? null },
    })),
  };
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date; `now` in epoch milliseconds. */
export function relativeTime(iso: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} day${days === 1 ? '' : 's'} ago`;
  return iso.slice(0, 10);
}

/** The tooltip's absolute time: `2026-11-29 18:33:27`. */
export function absoluteTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+/, '');
}
