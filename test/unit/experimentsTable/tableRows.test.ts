import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFilterText } from '../../../src/core/experimentsTable/tableFilter';
import { flattenRows, type RowQuery } from '../../../src/core/experimentsTable/tableRows';
import type { CellValue, TableColumn, TableRow } from '../../../src/core/protocols/experimentsTableProtocol';

const columns: TableColumn[] = [
  { id: 'm:acc', group: 'metrics:metrics.json', kind: 'metrics', label: 'acc', path: 'acc', type: 'number' },
];
const rows: TableRow[] = [
  { id: 'c1', label: 'main', kind: 'commit' },
  { id: 'e1', label: 'exp-a', kind: 'experiment', parentId: 'c1', state: 'success' },
  { id: 'e2', label: 'exp-b', kind: 'experiment', parentId: 'c1', state: 'failed' },
  { id: 'workspace', label: 'workspace', kind: 'workspace' },
  { id: 'c2', label: 'abc1234', kind: 'commit' },
  { id: 'e3', label: 'exp-c', kind: 'experiment', parentId: 'c2', state: 'success' },
  { id: 'orphan', label: 'orphan', kind: 'experiment', parentId: 'gone' },
];
const acc: CellValue[] = [0.5, 0.7, 0.9, 0.6, 0.4, 0.95, undefined];
const cells = (): readonly CellValue[] => acc;
const none: RowQuery = { filters: [], states: [], sort: [], collapsed: new Set() };

function labels(query: Partial<RowQuery>): string[] {
  return flattenRows(rows, cells, { ...none, ...query }).map((flat) => {
    const row = rows[flat.index]!;
    return `${'  '.repeat(flat.depth)}${row.label}`;
  });
}

void test('experiments nest under their commit; the workspace is on top; an unknown parent makes a top row', () => {
  assert.deepEqual(labels({}), ['workspace', 'main', '  exp-a', '  exp-b', 'abc1234', '  exp-c', 'orphan']);
});

void test('sorting orders siblings at each level and keeps the nesting', () => {
  assert.deepEqual(labels({ sort: [{ column: 0, descending: true }] }), [
    'workspace',
    'main',
    '  exp-b',
    '  exp-a',
    'abc1234',
    '  exp-c',
    'orphan',
  ]);
});

void test('a collapsed parent hides its children and says it has some', () => {
  const flat = flattenRows(rows, cells, { ...none, collapsed: new Set(['c1']) });
  assert.deepEqual(
    flat.map((row) => rows[row.index]!.label),
    ['workspace', 'main', 'abc1234', 'exp-c', 'orphan'],
  );
  const main = flat.find((row) => rows[row.index]!.id === 'c1')!;
  assert.equal(main.hasChildren, true);
  assert.equal(main.expanded, false);
});

void test('filters keep a parent whose child matches, marked as not matching itself', () => {
  const { filters } = parseFilterText('acc>0.8', columns);
  const flat = flattenRows(rows, cells, { ...none, filters });
  assert.deepEqual(
    flat.map((row) => `${rows[row.index]!.label}${row.matched ? '' : ' (parent)'}`),
    ['main (parent)', 'exp-b', 'abc1234 (parent)', 'exp-c'],
  );
  const failed = flattenRows(rows, cells, { ...none, states: ['failed'] });
  assert.deepEqual(
    failed.map((row) => rows[row.index]!.label),
    ['main', 'exp-b'],
  );
});

void test('a parent cycle from a broken snapshot does not hang', () => {
  const cyclic: TableRow[] = [
    { id: 'a', label: 'a', kind: 'commit', parentId: 'b' },
    { id: 'b', label: 'b', kind: 'commit', parentId: 'a' },
    { id: 'c', label: 'c', kind: 'commit' },
  ];
  assert.deepEqual(
    flattenRows(cyclic, () => [], none).map((row) => cyclic[row.index]!.id),
    ['c'],
  );
});
