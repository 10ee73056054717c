/** The context menus of a column header and of a row (also opened with Shift+F10 on the focused cell). */
import type { TableActionKind, TableUiState } from '../../src/core/protocols/experimentsTableProtocol';
import { orderedColumns } from '../../src/core/experimentsTable/tableColumns';
import { sectionOf } from '../../src/core/experimentsTable/columnSections';
import { openMenu, type MenuItem } from '../components/menu';
import { withColumnShown, withColumnWidth, withReorderedColumn } from './tableEdits';
import type { TableLayout, TableModel } from './tableModel';

export interface MenuHost {
  readonly model: TableModel;
  readonly ui: TableUiState;
  readonly layout: TableLayout;
  readonly gridElement: HTMLElement;
  setUi(next: TableUiState): void;
  setBaseline(visibleRow: number): void;
  act(action: TableActionKind): void;
  toggleStar(visibleRow: number): void;
  toggleSection(section: string): void;
  togglePlotted(visibleRow: number): void;
}

export function openColumnMenu(host: MenuHost, column: number, x: number, y: number): void {
  const { model, ui } = host;
  const id = column < 0 ? undefined : model.column(column)?.id;
  const items: MenuItem[] = [];
  if (id !== undefined) {
    const sortBy = (descending: boolean): void => host.setUi({ ...ui, sort: [{ columnId: id, descending }] });
    const pinned = ui.pinnedColumns.includes(id);
    const order = orderedColumns(model.snapshot.columns, ui.columnOrder);
    const shown = host.layout.columns;
    const at = shown.indexOf(column);
    items.push(
      { label: 'Sort Ascending', run: () => sortBy(false) },
      { label: 'Sort Descending', run: () => sortBy(true) },
      {
        label: 'Add to Sort (Descending)',
        run: () =>
          host.setUi({
            ...ui,
            sort: [...ui.sort.filter((key) => key.columnId !== id), { columnId: id, descending: true }],
          }),
      },
      { label: 'Clear Sort', run: () => host.setUi({ ...ui, sort: [] }) },
      {
        label: pinned ? 'Unpin Column' : 'Pin Column',
        run: () =>
          host.setUi({
            ...ui,
            pinnedColumns: pinned
              ? ui.pinnedColumns.filter((candidate) => candidate !== id)
              : [...ui.pinnedColumns, id],
          }),
      },
      { label: 'Hide Column', run: () => host.setUi(withColumnShown(model, ui, id, false)) },
      {
        label: (ui.collapsedGroups ?? []).includes(sectionOf(model.column(column)!))
          ? 'Unfold Section'
          : 'Fold Section',
        run: () => host.toggleSection(sectionOf(model.column(column)!)),
      },
      {
        label: 'Move Left',
        run: () => {
          const before = shown[at - 1];
          if (before !== undefined) host.setUi(withReorderedColumn(model, ui, column, before));
        },
      },
      {
        label: 'Move Right',
        run: () => {
          // Before the column two places on (in the full order), i.e. just after the right neighbour.
          const right = shown[at + 1];
          const after = right === undefined ? -1 : order.indexOf(right);
          if (right !== undefined) host.setUi(withReorderedColumn(model, ui, column, order[after + 1]));
        },
      },
    );
  }
  const width =
    column < 0 ? host.layout.labelWidth : (host.layout.widths[host.layout.columns.indexOf(column)] ?? 100);
  items.push(
    { label: 'Wider', run: () => host.setUi(withColumnWidth(model, ui, column, width + 30)) },
    { label: 'Narrower', run: () => host.setUi(withColumnWidth(model, ui, column, width - 30)) },
  );
  openMenu(items, x, y, host.gridElement);
}

export function openRowMenu(host: MenuHost, visibleRow: number, x: number, y: number): void {
  openMenu(
    [
      { label: 'Set as Baseline', run: () => host.setBaseline(visibleRow) },
      { label: 'Star / Unstar', run: () => host.toggleStar(visibleRow) },
      { label: 'Plot / Stop Plotting', run: () => host.togglePlotted(visibleRow) },
      { label: 'Compare Selected', run: () => host.act('compare') },
      { label: 'Plot Selected', run: () => host.act('plot') },
      { label: 'Modify and Run…', run: () => host.act('modifyRun') },
      { label: 'Modify and Queue…', run: () => host.act('modifyQueue') },
      { label: 'Apply to Workspace', run: () => host.act('apply') },
      { label: 'Remove', run: () => host.act('remove') },
    ],
    x,
    y,
    host.gridElement,
  );
}
