/** What one cell shows: its text, its tooltip and its CSS class, in value or delta mode. */
import type { CellValue, TableColumn } from '../../src/core/protocols/experimentsTableProtocol';
import { absoluteTime, relativeTime } from '../../src/core/experimentsTable/createdColumn';
import { deltaClass, deltaOf } from '../../src/core/experimentsTable/tableDelta';
import {
  formatCell,
  formatDelta,
  formatRelative,
  fullValue,
} from '../../src/core/experimentsTable/numberFormat';

export interface CellText {
  readonly text: string;
  readonly title: string;
  readonly className: string;
}

export function cellText(
  column: TableColumn,
  value: CellValue,
  baseline: CellValue | undefined,
  options: { readonly deltaMode: boolean; readonly hasBaseline: boolean },
): CellText {
  if (column.kind === 'created')
    return typeof value === 'string'
      ? {
          text: relativeTime(value, Date.now()),
          title: `Created ${absoluteTime(value)}`,
          className: 'cell created',
        }
      : { text: '', title: 'Created: not yet (workspace or a run in progress)', className: 'cell missing' };
  const base = column.type === 'number' || typeof value === 'number' ? 'cell number' : 'cell';
  const missing = value === undefined ? ' missing' : '';
  const title = value === undefined ? `${column.path}: missing` : `${column.path} = ${fullValue(value)}`;
  if (!options.hasBaseline) return { text: formatCell(value), title, className: base + missing };
  const delta = deltaOf(value, baseline, column.direction);
  const trend = delta ? ` ${deltaClass(delta)}` : '';
  if (!delta) return { text: formatCell(value), title, className: base + missing };
  const relative = delta.relative === undefined ? '' : ` (${formatRelative(delta.relative)})`;
  const deltaTitle = `${title}\nvs baseline ${fullValue(baseline)}: ${formatDelta(delta.absolute)}${relative}`;
  return {
    text: options.deltaMode ? formatDelta(delta.absolute) : formatCell(value),
    title: deltaTitle,
    className: base + trend,
  };
}
