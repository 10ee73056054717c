/**
 * The virtualized grid. A scroll container holds a sizer as large as the whole table (so the scrollbars are
 * right); only the rows and columns in view (plus overscan) exist as elements, absolutely positioned. The
 * header sticks to the top, the label and pinned columns to the left (`position: sticky`), so scrolling
 * never moves them even between two renders.
 */
import type { SortKey } from '../../src/core/protocols/experimentsTableProtocol';
import type { FlatRow } from '../../src/core/experimentsTable/tableRows';
import { columnWindow, rowWindow } from '../../src/core/experimentsTable/tableWindow';
import { htmlElement } from '../shared/dom';
import { cellId, headerHeight, rowHeight } from './gridMetrics';
import { renderHeaderCells } from './headerCells';
import { labelCell, valueCell, type RowContext } from './rowCells';
import type { TableLayout, TableModel } from './tableModel';

export interface GridInput {
  readonly model: TableModel;
  readonly layout: TableLayout;
  readonly sort: readonly SortKey[];
  readonly deltaMode: boolean;
  readonly selected: ReadonlySet<string>;
  /** Rows whose plot toggle is on. */
  readonly plotted: ReadonlySet<string>;
  /** Folded column sections. */
  readonly folded: ReadonlySet<string>;
  readonly focus: { readonly row: number; readonly column: number };
}

export class Grid {
  readonly scroller = htmlElement('div', {
    class: 'grid',
    role: 'grid',
    tabindex: 0,
    'aria-label': 'Experiments',
  });
  private readonly sizer = htmlElement('div', { class: 'grid-sizer' });
  private readonly header = htmlElement('div', { class: 'grid-header', role: 'row', 'aria-rowindex': 1 });
  private readonly headerPinned = htmlElement('div', { class: 'pinned-part' });
  private readonly headerScrolling = htmlElement('div', { class: 'scrolling-part' });
  private readonly baseline = htmlElement('div', { class: 'grid-baseline' });
  private readonly body = htmlElement('div', { class: 'grid-body', role: 'rowgroup' });
  private input: GridInput | undefined;
  private frame = 0;
  /**
   * Rows drawn for the current input and column window, by visible row: a vertical scroll then only adds
   * the rows that came into view (and drops those that left) instead of redrawing the whole window.
   */
  private drawn = new Map<number, HTMLElement>();
  private drawnFor: { input: GridInput; first: number; end: number } | undefined;

  constructor() {
    this.header.append(this.headerPinned, this.headerScrolling);
    this.sizer.append(this.header, this.baseline, this.body);
    this.scroller.append(this.sizer);
    this.scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
  }

  /** New data or state: sizes change, then the window is drawn at once (no frame of stale content). */
  update(input: GridInput): void {
    this.input = input;
    const { layout } = input;
    const scrollingWidth = layout.scrollingOffsets[layout.scrollingOffsets.length - 1] ?? 0;
    const width = layout.pinnedWidth + scrollingWidth;
    const hasBaseline = layout.baselineIndex !== undefined;
    this.sizer.style.width = `${width}px`;
    this.header.style.width = `${width}px`;
    this.body.style.height = `${layout.rows.length * rowHeight}px`;
    this.baseline.hidden = !hasBaseline;
    this.scroller.setAttribute('aria-rowcount', String(layout.rows.length + 1));
    this.scroller.setAttribute('aria-colcount', String(layout.columns.length + 1));
    this.render();
  }

  /** The rows a page holds, for PageUp/PageDown. */
  pageRows(): number {
    return Math.max(1, Math.floor((this.scroller.clientHeight - headerHeight) / rowHeight) - 1);
  }

  /** Scrolls so the cell is in view (under the sticky header, right of the pinned columns). */
  reveal(row: number, position: number): void {
    const layout = this.input?.layout;
    if (!layout) return;
    const top = row * rowHeight;
    const stuck = headerHeight + (layout.baselineIndex === undefined ? 0 : rowHeight);
    const view = this.scroller.clientHeight - stuck;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + rowHeight > this.scroller.scrollTop + view)
      this.scroller.scrollTop = top + rowHeight - view;
    const scrolling = position - 1 - layout.pinnedCount;
    if (scrolling < 0) return;
    const left = layout.scrollingOffsets[scrolling] ?? 0;
    const right = layout.scrollingOffsets[scrolling + 1] ?? left;
    const visible = this.scroller.clientWidth - layout.pinnedWidth;
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (right > this.scroller.scrollLeft + visible) this.scroller.scrollLeft = right - visible;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  render(): void {
    const input = this.input;
    if (!input) return;
    const { layout, model } = input;
    const stuck = headerHeight + (layout.baselineIndex === undefined ? 0 : rowHeight);
    const rows = rowWindow(
      this.scroller.scrollTop,
      this.scroller.clientHeight - stuck,
      rowHeight,
      layout.rows.length,
    );
    const columns = columnWindow(
      layout.scrollingOffsets,
      this.scroller.scrollLeft,
      this.scroller.clientWidth,
      layout.pinnedWidth,
    );
    const pinnedPositions = Array.from({ length: layout.pinnedCount + 1 }, (_unused, index) => index);
    const pinnedLefts = [0];
    for (let index = 0; index < layout.pinnedCount; index++)
      pinnedLefts.push(pinnedLefts[index]! + (index === 0 ? layout.labelWidth : layout.widths[index - 1]!));
    const pinnedWidths = [layout.labelWidth, ...layout.widths.slice(0, layout.pinnedCount)];
    const scrollingPositions: number[] = [];
    for (let index = columns.first; index < columns.end; index++)
      scrollingPositions.push(1 + layout.pinnedCount + index);
    const scrollingLefts = scrollingPositions.map(
      (position) => layout.pinnedWidth + layout.scrollingOffsets[position - 1 - layout.pinnedCount]!,
    );
    const scrollingWidths = scrollingPositions.map((position) => layout.widths[position - 1]!);
    const columnAt = (position: number): number => (position === 0 ? -1 : layout.columns[position - 1]!);
    const pinnedSet = new Set(layout.columns.slice(0, layout.pinnedCount));

    const reuse =
      this.drawnFor?.input === input &&
      this.drawnFor.first === columns.first &&
      this.drawnFor.end === columns.end;
    if (!reuse) {
      this.drawn = new Map();
      this.drawnFor = { input, first: columns.first, end: columns.end };
    }
    this.headerPinned.style.width = `${layout.pinnedWidth}px`;
    const { columns: snapshotColumns } = model.snapshot;
    if (!reuse) {
      this.headerPinned.replaceChildren();
      this.headerScrolling.replaceChildren();
      renderHeaderCells(
        this.headerPinned,
        {
          positions: pinnedPositions,
          lefts: pinnedLefts,
          widths: pinnedWidths,
          columns: pinnedPositions.map(columnAt),
        },
        snapshotColumns,
        input.sort,
        pinnedSet,
        input.folded,
      );
      renderHeaderCells(
        this.headerScrolling,
        {
          positions: scrollingPositions,
          lefts: scrollingLefts,
          widths: scrollingWidths,
          columns: scrollingPositions.map(columnAt),
          stickyLeft: layout.pinnedWidth + 6,
        },
        snapshotColumns,
        input.sort,
        pinnedSet,
        input.folded,
      );
    }

    const context: RowContext = {
      model,
      baselineIndex: layout.baselineIndex,
      deltaMode: input.deltaMode,
      focus: input.focus,
      selected: input.selected,
      plotted: input.plotted,
    };
    const rowElement = (
      visibleRow: number,
      flat: FlatRow | undefined,
      top: number,
    ): HTMLElement | undefined => {
      const row = flat ? model.row(flat.index) : undefined;
      if (!flat || !row) return undefined;
      const classes = ['grid-row', `kind-${row.kind}`];
      if (input.selected.has(row.id)) classes.push('selected');
      if (!flat.matched) classes.push('unmatched');
      const element = htmlElement('div', {
        class: classes.join(' '),
        role: 'row',
        'aria-rowindex': visibleRow + 2,
        'aria-selected': input.selected.has(row.id) ? 'true' : 'false',
        'aria-expanded': flat.hasChildren ? String(flat.expanded) : undefined,
        'data-row': visibleRow,
      });
      element.style.top = `${top}px`;
      const pinned = htmlElement('div', { class: 'pinned-part' });
      pinned.style.width = `${layout.pinnedWidth}px`;
      pinned.append(labelCell(flat, row, visibleRow, context, layout.labelWidth));
      for (let position = 1; position <= layout.pinnedCount; position++)
        pinned.append(
          valueCell(
            columnAt(position),
            flat,
            visibleRow,
            position,
            context,
            pinnedLefts[position]!,
            pinnedWidths[position]!,
          ),
        );
      element.append(pinned);
      scrollingPositions.forEach((position, at) =>
        element.append(
          valueCell(
            columnAt(position),
            flat,
            visibleRow,
            position,
            context,
            scrollingLefts[at]!,
            scrollingWidths[at]!,
          ),
        ),
      );
      return element;
    };

    const drawn = new Map<number, HTMLElement>();
    for (let index = rows.first; index < rows.end; index++) {
      const element = this.drawn.get(index) ?? rowElement(index, layout.rows[index], index * rowHeight);
      if (element) drawn.set(index, element);
    }
    for (const [index, element] of this.drawn) if (!drawn.has(index)) element.remove();
    for (const [index, element] of drawn) if (!this.drawn.has(index)) this.body.append(element);
    if (!reuse) this.body.replaceChildren(...drawn.values());
    this.drawn = drawn;

    if (!reuse) this.baseline.replaceChildren();
    if (!reuse && layout.baselineIndex !== undefined) {
      // Shown even when the filters hide it from the list: the deltas refer to it.
      const flat = {
        index: layout.baselineIndex,
        depth: 0,
        hasChildren: false,
        expanded: false,
        matched: true,
      };
      const element = rowElement(-1, flat, 0);
      if (element) {
        element.classList.add('baseline-row');
        element.setAttribute('aria-label', 'Baseline');
        element.querySelectorAll('[id]').forEach((cell) => cell.removeAttribute('id'));
        this.baseline.append(element);
      }
    }
    const active = document.getElementById(cellId(input.focus.row, input.focus.column));
    if (active) this.scroller.setAttribute('aria-activedescendant', active.id);
    else this.scroller.removeAttribute('aria-activedescendant');
  }
}
