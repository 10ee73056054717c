import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arrangeColumns,
  columnDiffers,
  groupRuns,
  moveColumn,
} from '../../../src/core/experimentsTable/tableColumns';
import { defaultTableUiState } from '../../../src/core/experimentsTable/tableUiState';
import type { CellValue, TableColumn } from '../../../src/core/protocols/experimentsTableProtocol';

function column(id: string, group: string, hiddenByDefault = false): TableColumn {
  return {
    id,
    group,
    kind: 'params',
    label: id,
    path: id,
    type: 'number',
    ...(hiddenByDefault ? { hiddenByDefault } : {}),
  };
}
const columns = [
  column('a', 'params:params.yaml'),
  column('b', 'params:params.yaml'),
  column('c', 'metrics:metrics.json'),
  column('d', 'deps', true),
];
const ids = (indexes: readonly number[]): string[] => indexes.map((index) => columns[index]!.id);

void test('dependency columns are hidden until shown; hidden columns drop; pinned come first in pin order', () => {
  const plain = arrangeColumns(columns, defaultTableUiState);
  assert.deepEqual(ids(plain.scrolling), ['a', 'b', 'c']);
  const arranged = arrangeColumns(columns, {
    ...defaultTableUiState,
    shownColumns: ['d'],
    hiddenColumns: ['b'],
    pinnedColumns: ['c', 'a'],
  });
  assert.deepEqual(ids(arranged.pinned), ['c', 'a']);
  assert.deepEqual(ids(arranged.scrolling), ['d']);
});

void test('user order first, new columns after in snapshot order', () => {
  const arranged = arrangeColumns(columns, { ...defaultTableUiState, columnOrder: ['c', 'gone', 'a'] });
  assert.deepEqual(ids(arranged.scrolling), ['c', 'a', 'b']);
  assert.deepEqual(moveColumn(columns, [], 'c', 'a'), ['c', 'a', 'b', 'd']);
  assert.deepEqual(moveColumn(columns, [], 'a', undefined), ['b', 'c', 'd', 'a']);
});

void test('"only columns that differ" keeps columns whose shown values vary (NaN equals NaN)', () => {
  const data: CellValue[][] = [
    [1, 1, 1],
    [1, 2, 1],
    [Number.NaN, Number.NaN, Number.NaN],
    [undefined, 'x', undefined],
  ];
  const cells = (index: number): readonly CellValue[] => data[index] ?? [];
  const differing = (index: number): boolean => columnDiffers(cells, [0, 1, 2], index);
  assert.deepEqual([0, 1, 2, 3].map(differing), [false, true, false, true]);
  assert.equal(columnDiffers(cells, [0, 2], 1), false, 'only the shown rows count');
  const arranged = arrangeColumns(columns, { ...defaultTableUiState, shownColumns: ['d'] }, differing);
  assert.deepEqual(ids(arranged.scrolling), ['b', 'd']);
});

void test('neighbouring columns of one file share a group header', () => {
  assert.deepEqual(groupRuns(columns, [0, 1, 2, 0]), [
    { group: 'params:params.yaml', from: 0, to: 2 },
    { group: 'metrics:metrics.json', from: 2, to: 3 },
    { group: 'params:params.yaml', from: 3, to: 4 },
  ]);
});
