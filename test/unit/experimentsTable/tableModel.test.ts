import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultTableUiState } from '../../../src/core/experimentsTable/tableUiState';
import { TableModel, defaultColumnWidth, defaultLabelWidth } from '../../../webview/experiments/tableModel';
import { toTableSnapshot } from '../../../src/core/experimentsTable/tableValues';
import { syntheticSnapshot } from './syntheticTable';

void test('the layout joins data and UI state: pinned first, widths, baseline, sort by a metric', () => {
  const model = new TableModel();
  model.setSnapshot(syntheticSnapshot(30, 30, { commits: 3 }));
  const metric = model.snapshot.columns.find((column) => column.kind === 'metrics')!;
  const layout = model.layout({
    ...defaultTableUiState,
    pinnedColumns: [metric.id],
    columnWidths: { [metric.id]: 80, label: 150 },
    sort: [{ columnId: metric.id, descending: true }],
    baselineRowId: 'workspace',
    collapsedRows: [model.snapshot.rows[1]!.id],
  });
  assert.equal(layout.pinnedCount, 1);
  assert.equal(model.column(layout.columns[0]!)!.id, metric.id);
  assert.equal(layout.pinnedWidth, 150 + 80);
  assert.equal(layout.widths[1], defaultColumnWidth);
  assert.equal(layout.baselineIndex, 0);
  assert.equal(layout.rows.length, 1 + 3 + 20, 'the first commit folded: its 10 experiments are hidden');
  const metricIndex = model.snapshot.columns.indexOf(metric);
  const values = model.cells(metricIndex);
  const siblings = layout.rows.filter((flat) => flat.depth === 1).slice(0, 10);
  const numbers = siblings
    .map((flat) => values[flat.index])
    .filter((value): value is number => typeof value === 'number' && !Number.isNaN(value));
  assert.deepEqual(
    numbers,
    [...numbers].sort((a, b) => b - a),
    'experiments sorted by the metric, descending',
  );
  assert.equal(model.layout(defaultTableUiState).labelWidth, defaultLabelWidth);
});

void test('deps columns are hidden by default and "only differing" drops columns with one value', () => {
  const model = new TableModel();
  model.setSnapshot(syntheticSnapshot(10, 30, { commits: 1 }));
  const all = model.layout(defaultTableUiState).columns.map((index) => model.column(index)!);
  assert.ok(all.every((column) => column.kind !== 'deps'));
  const columns = model.snapshot.columns.slice(0, 2);
  const constant = new TableModel();
  constant.setSnapshot(
    toTableSnapshot(columns, [
      { id: 'a', label: 'a', kind: 'experiment', values: { [columns[0]!.id]: 1, [columns[1]!.id]: 1 } },
      { id: 'b', label: 'b', kind: 'experiment', values: { [columns[0]!.id]: 1, [columns[1]!.id]: 2 } },
      { id: 'c', label: 'c', kind: 'experiment', values: { [columns[0]!.id]: 2, [columns[1]!.id]: 2 } },
    ]),
  );
  const ids = (filterText: string): string[] =>
    constant
      .layout({ ...defaultTableUiState, onlyDiffering: true, filterText })
      .columns.map((index) => constant.column(index)!.id);
  assert.deepEqual(ids(''), [columns[0]!.id, columns[1]!.id]);
  assert.deepEqual(ids(`${columns[1]!.path}:1..2 ${columns[0]!.path}:1..1`), [columns[1]!.id]);
});

void test('filter problems are reported, not thrown', () => {
  const model = new TableModel();
  model.setSnapshot(syntheticSnapshot(5, 6, { commits: 1 }));
  assert.deepEqual(model.layout({ ...defaultTableUiState, filterText: 'nothing>1' }).filterProblems, [
    "No column named 'nothing'",
  ]);
});
