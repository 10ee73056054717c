import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCells, sortRowIndexes, toggleSortKey } from '../../../src/core/experimentsTable/tableSort';
import type { CellValue } from '../../../src/core/protocols/experimentsTableProtocol';

const columns: CellValue[][] = [
  [3, undefined, 1, Number.NaN, 2],
  ['b', 'a', 'a', 'c', 'a'],
];
const cells = (column: number): readonly CellValue[] => columns[column] ?? [];

void test('numbers sort by value; NaN and missing stay last in both directions', () => {
  assert.deepEqual(
    sortRowIndexes([0, 1, 2, 3, 4], cells, [{ column: 0, descending: false }]),
    [2, 4, 0, 3, 1],
  );
  assert.deepEqual(
    sortRowIndexes([0, 1, 2, 3, 4], cells, [{ column: 0, descending: true }]),
    [0, 4, 2, 3, 1],
  );
});

void test('several keys: the first decides, the next breaks ties, equal rows keep their order', () => {
  const sorted = sortRowIndexes([0, 1, 2, 3, 4], cells, [
    { column: 1, descending: false },
    { column: 0, descending: true },
  ]);
  assert.deepEqual(sorted, [4, 2, 1, 0, 3]);
});

void test('strings compare naturally (exp-2 before exp-10)', () => {
  assert.ok(compareCells('exp-2', 'exp-10') < 0);
  assert.ok(compareCells(1, 'a') < 0, 'numbers before strings');
  assert.equal(compareCells(undefined, undefined), 0);
});

void test('a header click cycles ascending, descending, off; Shift adds keys', () => {
  let sort = toggleSortKey([], 'a', false);
  assert.deepEqual(sort, [{ columnId: 'a', descending: false }]);
  sort = toggleSortKey(sort, 'a', false);
  assert.deepEqual(sort, [{ columnId: 'a', descending: true }]);
  assert.deepEqual(toggleSortKey(sort, 'a', false), []);
  sort = toggleSortKey(sort, 'b', true);
  assert.deepEqual(sort, [
    { columnId: 'a', descending: true },
    { columnId: 'b', descending: false },
  ]);
  assert.deepEqual(toggleSortKey(sort, 'a', true), [{ columnId: 'b', descending: false }]);
  assert.deepEqual(toggleSortKey(sort, 'c', false), [{ columnId: 'c', descending: false }]);
});
