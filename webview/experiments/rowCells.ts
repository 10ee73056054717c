/** One row of the grid: the label cell (tree indent, state, name) and the value cells of a span of columns. */
import type { FlatRow } from '../../src/core/experimentsTable/tableRows';
import type { TableRow } from '../../src/core/protocols/experimentsTableProtocol';
import { htmlElement } from '../shared/dom';
import { cellText } from './cellText';
import { cellId } from './gridMetrics';
import type { TableModel } from './tableModel';

export interface RowContext {
  readonly model: TableModel;
  readonly baselineIndex: number | undefined;
  readonly deltaMode: boolean;
  /** The focused cell as (visible row, shown column position). */
  readonly focus: { readonly row: number; readonly column: number };
  /** Selected rows: their checkbox is ticked. */
  readonly selected: ReadonlySet<string>;
  /** Rows whose plot toggle is on. */
  readonly plotted: ReadonlySet<string>;
}

const stateText: Record<NonNullable<TableRow['state']>, string> = {
  queued: 'Queued',
  running: 'Running',
  success: 'Succeeded',
  failed: 'Failed',
};

function rowTitle(row: TableRow): string {
  const lines = [row.label];
  if (row.description) lines.push(row.description);
  if (row.sha) lines.push(row.sha);
  if (row.remote) lines.push(`Remote run: ${row.remote.summary}`);
  else if (row.state) lines.push(stateText[row.state]);
  if (row.timestamp) lines.push(row.timestamp);
  return lines.join('\n');
}

function place(element: HTMLElement, left: number, width: number): void {
  element.style.left = `${left}px`;
  element.style.width = `${width}px`;
}

/** The first cell. Every workspace string goes in as text: a label `<img onerror=…>` shows those characters. */
export function labelCell(
  flat: FlatRow,
  row: TableRow,
  visibleRow: number,
  context: RowContext,
  width: number,
): HTMLElement {
  const cell = htmlElement('div', {
    class: `cell label-cell${context.focus.row === visibleRow && context.focus.column === 0 ? ' focused' : ''}`,
    role: 'rowheader',
    id: cellId(visibleRow, 0),
    'aria-colindex': 1,
    title: rowTitle(row),
  });
  place(cell, 0, width);
  cell.style.paddingLeft = `${6 + flat.depth * 16}px`;
  cell.append(
    htmlElement(
      'span',
      { class: flat.hasChildren ? 'twisty' : 'twisty leaf', 'data-toggle': 'true', 'aria-hidden': 'true' },
      flat.hasChildren ? (flat.expanded ? '▾' : '▸') : '',
    ),
  );
  const checkbox = htmlElement('input', {
    type: 'checkbox',
    class: 'row-check',
    'data-check': 'true',
    tabindex: -1,
    'aria-label': `Select ${row.label}`,
  });
  checkbox.checked = context.selected.has(row.id);
  cell.append(checkbox);
  if (row.state)
    cell.append(htmlElement('span', { class: `state state-${row.state}`, title: stateText[row.state] }));
  cell.append(htmlElement('span', { class: 'row-label' }, row.label));
  if (row.remote) {
    // A remote run is not an experiment of the repository yet: no sha, star or plot until it comes home.
    cell.append(
      htmlElement(
        'span',
        { class: `remote-run remote-${row.remote.state}`, title: row.remote.summary },
        row.remote.badge,
      ),
    );
  } else {
    // The short sha beside the name, unless the name is already it (a commit that is no branch tip).
    const short = row.sha?.slice(0, 7);
    if (short && row.label !== short) cell.append(htmlElement('span', { class: 'row-sha' }, short));
    cell.append(
      rowToggle('star', row.starred === true, row.starred ? `Unstar ${row.label}` : `Star ${row.label}`),
      rowToggle(
        'plot',
        context.plotted.has(row.id),
        context.plotted.has(row.id) ? `Stop plotting ${row.label}` : `Plot ${row.label}`,
      ),
    );
  }
  if (flat.index === context.baselineIndex)
    cell.append(htmlElement('span', { class: 'baseline-mark', title: 'Baseline' }, 'baseline'));
  return cell;
}

/** The keys that flip a focused row's toggles (tableView's key handling); named in each toggle's title. */
export const rowToggleKeys = { star: 's', plot: 'p' } as const;

/** The star and plot toggles at the end of the label cell: codicons, pressed when on. */
function rowToggle(kind: 'star' | 'plot', on: boolean, label: string): HTMLElement {
  const icon = kind === 'star' ? (on ? 'star-full' : 'star-empty') : on ? 'graph-line' : 'graph';
  const key = rowToggleKeys[kind].toUpperCase();
  const toggle = htmlElement('span', {
    class: `row-toggle row-${kind}${on ? ' on' : ''}`,
    [`data-${kind}`]: 'true',
    role: 'button',
    'aria-pressed': String(on),
    'aria-label': label,
    'aria-keyshortcuts': key,
    title: `${label} (${key})`,
  });
  toggle.append(htmlElement('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }));
  return toggle;
}

/** A value cell at `left` within its layer. */
export function valueCell(
  columnIndex: number,
  flat: FlatRow,
  visibleRow: number,
  position: number,
  context: RowContext,
  left: number,
  width: number,
): HTMLElement {
  const column = context.model.column(columnIndex);
  if (!column) return htmlElement('div', { class: 'cell' });
  const values = context.model.cells(columnIndex);
  const value = values[flat.index];
  const baseline = context.baselineIndex === undefined ? undefined : values[context.baselineIndex];
  const shown = cellText(column, value, baseline, {
    deltaMode: context.deltaMode,
    hasBaseline: context.baselineIndex !== undefined && context.baselineIndex !== flat.index,
  });
  const focused = context.focus.row === visibleRow && context.focus.column === position;
  const cell = htmlElement(
    'div',
    {
      class: focused ? `${shown.className} focused` : shown.className,
      role: 'gridcell',
      id: cellId(visibleRow, position),
      'aria-colindex': position + 1,
      title: shown.title,
    },
    shown.text,
  );
  place(cell, left, width);
  return cell;
}
