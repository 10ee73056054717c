/**
 * The grouped header: a row of sections (the file, then its top-level section: `params.yaml › train`), each
 * folding with a click, over a row of column names with sort marks and resize grips.
 */
import type { SortKey, TableColumn } from '../../src/core/protocols/experimentsTableProtocol';
import { sectionRuns } from '../../src/core/experimentsTable/columnSections';
import { htmlElement } from '../shared/dom';
import { columnRowHeight, groupRowHeight } from './gridMetrics';

export interface HeaderSpan {
  /** Shown-column positions (0 = label column) and their x offsets within the layer. */
  readonly positions: readonly number[];
  readonly lefts: readonly number[];
  readonly widths: readonly number[];
  /** Snapshot column indexes of those positions (-1 for the label column). */
  readonly columns: readonly number[];
  /** Where group labels stick while their group scrolls under the pinned columns (scrolling layer only). */
  readonly stickyLeft?: number;
}

function sortMark(sort: readonly SortKey[], id: string): { mark: string; aria: string } {
  const position = sort.findIndex((key) => key.columnId === id);
  const key = sort[position];
  if (!key) return { mark: '', aria: 'none' };
  const arrow = key.descending ? '▼' : '▲';
  return {
    mark: sort.length > 1 ? `${arrow}${position + 1}` : arrow,
    aria: key.descending ? 'descending' : 'ascending',
  };
}

function place(element: HTMLElement, left: number, top: number, width: number, height: number): void {
  element.style.left = `${left}px`;
  element.style.top = `${top}px`;
  element.style.width = `${width}px`;
  element.style.height = `${height}px`;
}

/** Header cells for a span of shown columns; appended to `layer`. */
export function renderHeaderCells(
  layer: HTMLElement,
  span: HeaderSpan,
  columns: readonly TableColumn[],
  sort: readonly SortKey[],
  pinned: ReadonlySet<number>,
  folded: ReadonlySet<string>,
): void {
  const offset = span.columns[0] === -1 ? 1 : 0;
  const runs = sectionRuns(
    columns,
    span.columns.filter((index) => index >= 0),
  );
  for (const run of runs) {
    const from = run.from + offset;
    const to = run.to + offset - 1;
    const left = span.lefts[from]!;
    const width = span.lefts[to]! + span.widths[to]! - left;
    const isFolded = folded.has(run.section);
    // Mouse only here: the column menu (Shift+F10 on a column) folds and unfolds by keyboard.
    const cell = htmlElement('div', {
      class: `group-header${isFolded ? ' folded' : ''}`,
      title: `${run.section}\n${isFolded ? 'Click to unfold this section' : 'Click to fold this section to its first column'}`,
      'aria-hidden': 'true',
      'data-section': run.section,
    });
    const label = htmlElement('span', { class: 'group-label' }, `${isFolded ? '▸' : '▾'} ${run.label}`);
    // A group that starts under the pinned columns keeps its name readable at their edge.
    if (span.stickyLeft !== undefined) label.style.left = `${span.stickyLeft}px`;
    cell.append(label);
    place(cell, left, 0, width, groupRowHeight);
    layer.append(cell);
  }
  span.positions.forEach((position, at) => {
    const index = span.columns[at]!;
    const column = index >= 0 ? columns[index] : undefined;
    const id = column?.id ?? 'label';
    const { mark, aria } = sortMark(sort, id);
    const cell = htmlElement('div', {
      class: `column-header${column?.type === 'number' ? ' number' : ''}${pinned.has(index) ? ' pinned' : ''}`,
      role: 'columnheader',
      'aria-colindex': position + 1,
      'aria-sort': column ? aria : undefined,
      'data-column': index,
      draggable: column ? 'true' : undefined,
      title: column
        ? `${column.path}\n${column.group}\nClick to sort, Shift+click to add a sort key`
        : 'Experiment',
    });
    const top = index === -1 ? 0 : groupRowHeight;
    const height = index === -1 ? groupRowHeight + columnRowHeight : columnRowHeight;
    place(cell, span.lefts[at]!, top, span.widths[at]!, height);
    cell.append(htmlElement('span', { class: 'column-label' }, column?.label ?? 'Experiment'));
    if (mark) cell.append(htmlElement('span', { class: 'sort-mark', 'aria-hidden': 'true' }, mark));
    cell.append(htmlElement('span', { class: 'resize-grip', 'data-resize': index, 'aria-hidden': 'true' }));
    layer.append(cell);
  });
}
