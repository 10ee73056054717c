import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenRows, type RowQuery } from '../../../src/core/experimentsTable/tableRows';
import { defaultTableUiState, isTableUiState } from '../../../src/core/experimentsTable/tableUiState';
import type { TableRow } from '../../../src/core/protocols/experimentsTableProtocol';

const rows: TableRow[] = [
  { id: 'workspace', label: 'workspace', kind: 'workspace' },
  { id: 'c1', label: 'main', kind: 'commit' },
  { id: 'e1', label: 'exp-a', kind: 'experiment', parentId: 'c1', starred: true },
  { id: 'e2', label: 'exp-b', kind: 'experiment', parentId: 'c1' },
  { id: 'c2', label: 'abc1234', kind: 'commit', starred: true },
];
const none: RowQuery = { filters: [], states: [], sort: [], collapsed: new Set() };

function labels(query: Partial<RowQuery>): string[] {
  return flattenRows(rows, () => [], { ...none, ...query }).map((flat) => rows[flat.index]!.label);
}

void test('the Starred filter keeps starred rows and the commit that holds a starred experiment', () => {
  assert.deepEqual(labels({}), ['workspace', 'main', 'exp-a', 'exp-b', 'abc1234']);
  assert.deepEqual(labels({ starredOnly: true }), ['main', 'exp-a', 'abc1234']);
  const kept = flattenRows(rows, () => [], { ...none, starredOnly: true });
  assert.equal(kept[0]?.matched, false, 'main is there only for its starred experiment');
});

void test('the Starred filter and the plotted rows are UI state, checked at the boundary', () => {
  assert.ok(isTableUiState({ ...defaultTableUiState, starredOnly: true, plottedRows: ['e1'] }));
  assert.ok(isTableUiState(defaultTableUiState), 'states saved before stars stay valid');
  assert.equal(isTableUiState({ ...defaultTableUiState, starredOnly: 'yes' }), false);
  assert.equal(isTableUiState({ ...defaultTableUiState, plottedRows: [3] }), false);
});
