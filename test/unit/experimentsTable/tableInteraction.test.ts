import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moveFocus } from '../../../src/core/experimentsTable/tableNavigation';
import { pruneSelection, selectRow } from '../../../src/core/experimentsTable/tableSelection';
import { columnOffsets, columnWindow, rowWindow } from '../../../src/core/experimentsTable/tableWindow';

void test('the row window covers the viewport plus overscan, clamped to the table', () => {
  assert.deepEqual(rowWindow(0, 240, 24, 10_000, 4), { first: 0, end: 14 });
  assert.deepEqual(rowWindow(120_000, 240, 24, 10_000, 4), { first: 4996, end: 5014 });
  assert.deepEqual(rowWindow(1e9, 240, 24, 100, 4), { first: 86, end: 100 });
  assert.deepEqual(rowWindow(0, 240, 24, 0), { first: 0, end: 0 });
});

void test('the column window finds variable-width columns right of the pinned ones', () => {
  const offsets = columnOffsets([100, 50, 200, 100, 100]);
  assert.deepEqual(offsets, [0, 100, 150, 350, 450, 550]);
  // Viewport 400 wide, 250 of it pinned: 150 px of scrolling columns show.
  assert.deepEqual(columnWindow(offsets, 0, 400, 250, 0), { first: 0, end: 2 });
  assert.deepEqual(columnWindow(offsets, 160, 400, 250, 0), { first: 2, end: 3 });
  assert.deepEqual(columnWindow(offsets, 160, 400, 250, 1), { first: 1, end: 4 });
  assert.deepEqual(columnWindow([0], 0, 400, 0), { first: 0, end: 0 });
});

void test('300 columns x 10,000 rows: only a screenful is rendered wherever the scroll is', () => {
  const offsets = columnOffsets(new Array<number>(300).fill(110));
  const columns = columnWindow(offsets, 15_000, 1400, 330);
  const rows = rowWindow(120_000, 850, 24, 10_000);
  assert.ok(columns.end - columns.first <= 15, JSON.stringify(columns));
  assert.ok(rows.end - rows.first <= 45, JSON.stringify(rows));
  assert.ok(columns.first <= 136 && columns.end >= 146);
});

void test('click selects one, Ctrl toggles, Shift selects the range from the anchor', () => {
  const order = ['a', 'b', 'c', 'd'];
  let selection = selectRow({ selected: new Set() }, order, 'b', { range: false, toggle: false });
  selection = selectRow(selection, order, 'd', { range: true, toggle: false });
  assert.deepEqual([...selection.selected], ['b', 'c', 'd']);
  selection = selectRow(selection, order, 'c', { range: false, toggle: true });
  assert.deepEqual([...selection.selected].sort(), ['b', 'd']);
  selection = selectRow(selection, order, 'a', { range: false, toggle: false });
  assert.deepEqual([...selection.selected], ['a']);
  assert.deepEqual(
    [...pruneSelection({ selected: new Set(['a', 'x']), anchor: 'x' }, new Set(['a'])).selected],
    ['a'],
  );
});

void test('arrow keys, Page and Home/End move the focused cell within the grid', () => {
  const options = { rowCount: 100, columnCount: 10, pageRows: 20, ctrl: false };
  assert.deepEqual(moveFocus({ row: 0, column: 0 }, 'ArrowUp', options), { row: 0, column: 0 });
  assert.deepEqual(moveFocus({ row: 0, column: 0 }, 'ArrowRight', options), { row: 0, column: 1 });
  assert.deepEqual(moveFocus({ row: 90, column: 3 }, 'PageDown', options), { row: 99, column: 3 });
  assert.deepEqual(moveFocus({ row: 5, column: 3 }, 'End', options), { row: 5, column: 9 });
  assert.deepEqual(moveFocus({ row: 5, column: 3 }, 'End', { ...options, ctrl: true }), {
    row: 99,
    column: 9,
  });
  assert.equal(moveFocus({ row: 5, column: 3 }, 'x', options), undefined);
});
