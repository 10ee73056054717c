/**
 * The experiments table panel: toolbar, error banner and the virtualized grid. It keeps only UI state
 * (columns, sort, filters, baseline, selection, focus); the data is the host's snapshot.
 */
import type {
  TableActionKind,
  TableSnapshot,
  TableUiState,
  TableWebviewMessage,
} from '../../src/core/protocols/experimentsTableProtocol';
import { pruneSelection, selectRow, type RowSelection } from '../../src/core/experimentsTable/tableSelection';
import { moveFocus } from '../../src/core/experimentsTable/tableNavigation';
import { toggleSortKey as toggleSort } from '../../src/core/experimentsTable/tableSort';
import { htmlElement } from '../shared/dom';
import type { WebviewApi } from '../shared/vscodeApi';
import { openColumnMenu, openRowMenu } from './tableMenus';
import { Grid } from './grid';
import { attachGridPointer } from './gridPointer';
import { rowToggleKeys } from './rowCells';
import { TableModel, type TableLayout } from './tableModel';
import { TableToolbar } from './tableToolbar';
import { enabledActions, openColumnPicker, withColumnWidth, withReorderedColumn } from './tableEdits';
import { visibleTableCsv } from './visibleCsv';

/** What VS Code keeps for the webview across hide/show (`setState`). */
export interface TableViewState {
  readonly ui: TableUiState;
  readonly scrollTop: number;
  readonly scrollLeft: number;
}

const saveDelayMs = 300;

/** A letter key with Ctrl, Alt or Meta belongs to the editor (or the browser), not to a row toggle. */
function withModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.altKey || event.metaKey;
}

export class TableView {
  readonly model = new TableModel();
  private readonly grid = new Grid();
  private readonly toolbar: TableToolbar;
  private readonly banner = htmlElement('div', { class: 'problems', role: 'alert' });
  private readonly empty = htmlElement('div', { class: 'empty' }, 'No experiments to show yet.');
  private layoutCache: TableLayout | undefined;
  private selection: RowSelection = { selected: new Set() };
  private focus = { row: 0, column: 0 };
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    root: HTMLElement,
    private readonly api: WebviewApi<TableWebviewMessage, TableViewState>,
    public ui: TableUiState,
  ) {
    this.toolbar = new TableToolbar({
      onFilterText: (filterText) => this.setUi({ ...this.ui, filterText }),
      onStateFilter: (stateFilter) => this.setUi({ ...this.ui, stateFilter }),
      onStarredOnly: (starredOnly) => this.setUi({ ...this.ui, starredOnly }),
      onColumns: (anchor) => openColumnPicker(this.model, this.ui, anchor, (next) => this.setUi(next)),
      onOnlyDiffering: (onlyDiffering) => this.setUi({ ...this.ui, onlyDiffering }),
      onDeltaMode: (deltaMode) => this.setUi({ ...this.ui, deltaMode }),
      onBaseline: () => this.toggleBaseline(),
      onAction: (action) => this.act(action),
      onExport: () =>
        this.api.postMessage({ type: 'exportCsv', csv: visibleTableCsv(this.model, this.layout) }),
    });
    root.append(this.toolbar.element, this.banner, this.empty, this.grid.scroller);
    const scroller = this.grid.scroller;
    scroller.addEventListener('click', (event) => this.onClick(event));
    scroller.addEventListener('contextmenu', (event) => this.onContextMenu(event));
    scroller.addEventListener('keydown', (event) => this.onKey(event));
    scroller.addEventListener('scroll', () => this.scheduleSave(false), { passive: true });
    attachGridPointer(scroller, {
      widthOf: (column) => this.widthOf(column),
      onResize: (column, width, done) =>
        this.setUi(withColumnWidth(this.model, this.ui, column, width), done),
      onReorder: (column, before) => this.setUi(withReorderedColumn(this.model, this.ui, column, before)),
    });
  }

  get layout(): TableLayout {
    this.layoutCache ??= this.model.layout(this.ui);
    return this.layoutCache;
  }

  show(
    snapshot: TableSnapshot,
    error: string | undefined,
    columnText?: (column: number) => string | undefined,
  ): void {
    this.model.setSnapshot(snapshot, columnText);
    this.selection = pruneSelection(this.selection, new Set(snapshot.rows.map((row) => row.id)));
    this.banner.hidden = !error;
    this.banner.textContent = error
      ? `Could not refresh the experiments: ${error}${snapshot.rows.length > 0 ? ' Showing the last data read.' : ''}`
      : '';
    this.refresh();
    this.prefetchColumns();
  }

  /**
   * Parses the columns not yet on screen while the page is idle, in the order they are shown, so scrolling
   * sideways later does not wait for JSON.parse. A new snapshot starts over.
   */
  private prefetchColumns(): void {
    const model = this.model;
    const snapshot = model.snapshot;
    const order = [...this.layout.columns];
    const step = (deadline: IdleDeadline): void => {
      if (model.snapshot !== snapshot) return;
      while (order.length > 0 && deadline.timeRemaining() > 2) model.cells(order.shift()!);
      if (order.length > 0) requestIdleCallback(step);
    };
    requestIdleCallback(step);
  }

  restoreScroll(top: number, left: number): void {
    this.grid.scroller.scrollTop = top;
    this.grid.scroller.scrollLeft = left;
  }

  /** Applies a new UI state; `save` false while a drag is in progress. */
  setUi(next: TableUiState, save = true): void {
    this.ui = next;
    this.refresh();
    if (save) this.scheduleSave(true);
  }

  private refresh(): void {
    this.layoutCache = undefined;
    const layout = this.layout;
    this.focus = {
      row: Math.min(this.focus.row, Math.max(0, layout.rows.length - 1)),
      column: Math.min(this.focus.column, layout.columns.length),
    };
    this.empty.hidden = this.model.snapshot.rows.length > 0;
    this.grid.update({
      model: this.model,
      layout,
      sort: this.ui.sort,
      deltaMode: this.ui.deltaMode,
      selected: this.selection.selected,
      plotted: new Set(this.ui.plottedRows ?? []),
      folded: new Set(this.ui.collapsedGroups ?? []),
      focus: this.focus,
    });
    this.toolbar.show({
      ...this.ui,
      hasBaseline: layout.baselineIndex !== undefined,
      enabled: enabledActions(this.model, this.selection.selected),
      selectedCount: this.selection.selected.size,
      summary: `${layout.rows.length} of ${this.model.snapshot.rows.length} rows · ${layout.columns.length} columns${
        this.selection.selected.size > 0 ? ` · ${this.selection.selected.size} selected` : ''
      }`,
      problems: layout.filterProblems,
    });
  }

  private scheduleSave(toHost: boolean): void {
    const { scrollTop, scrollLeft } = this.grid.scroller;
    this.api.setState({ ui: this.ui, scrollTop, scrollLeft });
    if (!toHost) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(
      () => this.api.postMessage({ type: 'saveState', state: this.ui }),
      saveDelayMs,
    );
  }

  private widthOf(column: number): number {
    const layout = this.layout;
    if (column < 0) return layout.labelWidth;
    return layout.widths[layout.columns.indexOf(column)] ?? 0;
  }

  private visibleIds(): string[] {
    return this.layout.rows.map((flat) => this.model.row(flat.index)!.id);
  }

  private rowIdAt(visibleRow: number): string | undefined {
    const flat = this.layout.rows[visibleRow];
    return flat ? this.model.row(flat.index)?.id : undefined;
  }

  private select(visibleRow: number, range: boolean, toggle: boolean): void {
    const id = this.rowIdAt(visibleRow);
    if (id === undefined) return;
    this.selection = selectRow(this.selection, this.visibleIds(), id, { range, toggle });
    this.refresh();
  }

  private toggleRow(visibleRow: number): void {
    const flat = this.layout.rows[visibleRow];
    const id = this.rowIdAt(visibleRow);
    if (!flat?.hasChildren || id === undefined) return;
    const collapsed = new Set(this.ui.collapsedRows);
    if (collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
    this.setUi({ ...this.ui, collapsedRows: [...collapsed] });
  }

  private toggleBaseline(): void {
    if (this.layout.baselineIndex !== undefined) {
      const { baselineRowId: _cleared, ...rest } = this.ui;
      this.setUi({ ...rest, deltaMode: false });
      return;
    }
    const id =
      this.selection.selected.size === 1 ? [...this.selection.selected][0] : this.rowIdAt(this.focus.row);
    if (id !== undefined) this.setUi({ ...this.ui, baselineRowId: id });
  }

  setBaseline(visibleRow: number): void {
    const id = this.rowIdAt(visibleRow);
    if (id !== undefined) this.setUi({ ...this.ui, baselineRowId: id });
  }

  act(action: TableActionKind): void {
    if (!enabledActions(this.model, this.selection.selected).has(action)) return;
    const selected = this.selection.selected;
    const rowIds = this.visibleIds().filter((id) => selected.has(id));
    this.api.postMessage({ type: 'action', action, rowIds });
  }

  /** Stars (or unstars) rows by id: the host keeps stars per workspace and sends them back in the snapshot. */
  starRows(rowIds: readonly string[], starred: boolean): void {
    if (rowIds.length > 0)
      this.api.postMessage({ type: 'action', action: starred ? 'star' : 'unstar', rowIds });
  }

  /** The row's plot toggle: the dashboard shows every row whose toggle is on. */
  togglePlotted(visibleRow: number): void {
    const id = this.rowIdAt(visibleRow);
    if (id === undefined) return;
    const plotted = new Set(this.ui.plottedRows ?? []);
    if (plotted.has(id)) plotted.delete(id);
    else plotted.add(id);
    const rowIds = this.model.snapshot.rows.map((row) => row.id).filter((rowId) => plotted.has(rowId));
    this.setUi({ ...this.ui, plottedRows: rowIds });
    if (rowIds.length > 0) this.api.postMessage({ type: 'action', action: 'plot', rowIds });
  }

  /** Folds a column section to its first column, or unfolds it. */
  toggleSection(section: string): void {
    const folded = new Set(this.ui.collapsedGroups ?? []);
    if (folded.has(section)) folded.delete(section);
    else folded.add(section);
    this.setUi({ ...this.ui, collapsedGroups: [...folded] });
  }

  /** The focused (or clicked) row's star, flipped. */
  toggleStar(visibleRow: number): void {
    const id = this.rowIdAt(visibleRow);
    const row = id === undefined ? undefined : this.model.row(this.model.rowIndex(id) ?? -1);
    if (id !== undefined) this.starRows([id], row?.starred !== true);
  }

  /** A row shows a star and a plot toggle unless it is a remote run that has not come home yet. */
  private hasToggles(visibleRow: number): boolean {
    const id = this.rowIdAt(visibleRow);
    const row = id === undefined ? undefined : this.model.row(this.model.rowIndex(id) ?? -1);
    return row !== undefined && row.remote === undefined;
  }

  private setFocus(row: number, column: number): void {
    this.focus = { row, column };
    this.grid.reveal(row, column);
    this.refresh();
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const section = target?.closest('.group-header')?.getAttribute('data-section');
    if (section) {
      this.toggleSection(section);
      return;
    }
    const header = target?.closest('.column-header');
    if (header) {
      const column = Number(header.getAttribute('data-column'));
      const id = column < 0 ? undefined : this.model.column(column)?.id;
      if (id !== undefined) this.setUi({ ...this.ui, sort: toggleSort(this.ui.sort, id, event.shiftKey) });
      return;
    }
    const rowElement = target?.closest('.grid-row');
    const visibleRow = Number(rowElement?.getAttribute('data-row') ?? -1);
    if (!rowElement || visibleRow < 0) return;
    const cell = target?.closest('[aria-colindex]');
    const column = Number(cell?.getAttribute('aria-colindex') ?? 1) - 1;
    this.focus = { row: visibleRow, column };
    if (target?.closest('[data-toggle]')) this.toggleRow(visibleRow);
    else if (target?.closest('[data-star]')) this.toggleStar(visibleRow);
    else if (target?.closest('[data-plot]')) this.togglePlotted(visibleRow);
    // The checkbox adds or removes its row, as Ctrl+click does.
    else if (target?.closest('[data-check]')) this.select(visibleRow, event.shiftKey, true);
    else this.select(visibleRow, event.shiftKey, event.ctrlKey || event.metaKey);
  }

  private onContextMenu(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const header = target?.closest('.column-header');
    if (header) {
      event.preventDefault();
      openColumnMenu(this, Number(header.getAttribute('data-column')), event.clientX, event.clientY);
      return;
    }
    const visibleRow = Number(target?.closest('.grid-row')?.getAttribute('data-row') ?? -1);
    if (visibleRow < 0) return;
    event.preventDefault();
    const id = this.rowIdAt(visibleRow);
    if (id !== undefined && !this.selection.selected.has(id)) this.select(visibleRow, false, false);
    openRowMenu(this, visibleRow, event.clientX, event.clientY);
  }

  private onKey(event: KeyboardEvent): void {
    const layout = this.layout;
    const next = moveFocus(this.focus, event.key, {
      rowCount: layout.rows.length,
      columnCount: layout.columns.length + 1,
      pageRows: this.grid.pageRows(),
      ctrl: event.ctrlKey || event.metaKey,
    });
    if (next) {
      this.setFocus(next.row, next.column);
      if (event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown'))
        this.select(next.row, true, false);
    } else if (event.key === 'Enter') this.toggleRow(this.focus.row);
    else if (event.key === ' ') this.select(this.focus.row, event.shiftKey, true);
    else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      this.selection = { selected: new Set(this.visibleIds()) };
      this.refresh();
    } else if (!withModifier(event) && event.key === rowToggleKeys.star && this.hasToggles(this.focus.row)) {
      this.toggleStar(this.focus.row);
    } else if (!withModifier(event) && event.key === rowToggleKeys.plot && this.hasToggles(this.focus.row)) {
      this.togglePlotted(this.focus.row);
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const rect = document.querySelector('.focused')?.getBoundingClientRect();
      const column = this.focus.column === 0 ? -1 : (layout.columns[this.focus.column - 1] ?? -1);
      if (this.focus.column === 0) openRowMenu(this, this.focus.row, rect?.left ?? 0, rect?.bottom ?? 0);
      else openColumnMenu(this, column, rect?.left ?? 0, rect?.bottom ?? 0);
    } else return;
    event.preventDefault();
  }

  /** For menus: the grid element to give the focus back to. */
  get gridElement(): HTMLElement {
    return this.grid.scroller;
  }
}
