import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  foldSections,
  sectionLabel,
  sectionOf,
  sectionRuns,
} from '../../../src/core/experimentsTable/columnSections';
import { arrangeColumns } from '../../../src/core/experimentsTable/tableColumns';
import { defaultTableUiState, isTableUiState } from '../../../src/core/experimentsTable/tableUiState';
import type { TableColumn } from '../../../src/core/protocols/experimentsTableProtocol';

function column(kind: TableColumn['kind'], file: string, path: string): TableColumn {
  const group = kind === 'deps' ? 'deps' : `${kind}:${file}`;
  return { id: `${group}:${path}`, group, kind, label: path, path, type: 'number' };
}

const columns: TableColumn[] = [
  column('metrics', 'metrics.json', 'accuracy'),
  column('params', 'params.yaml', 'prepare.seed'),
  column('params', 'params.yaml', 'prepare.split'),
  column('params', 'params.yaml', 'train.lr'),
  column('params', 'params.yaml', 'train.epochs'),
  column('params', 'params.yaml', 'train.optimizer.name'),
  column('params', 'params.yaml', 'seed'),
];
const all = columns.map((_column, index) => index);

void test('columns nest by file, then by the first key segment; top-level keys stay in the file group', () => {
  assert.equal(sectionOf(columns[0]!), 'metrics:metrics.json');
  assert.equal(sectionOf(columns[3]!), 'params:params.yaml:train');
  assert.equal(sectionOf(columns[5]!), 'params:params.yaml:train', 'deeper keys stay in their section');
  assert.equal(sectionLabel(columns[3]!), 'params.yaml › train');
  assert.equal(sectionLabel(columns[6]!), 'params.yaml');
  assert.deepEqual(
    sectionRuns(columns, all).map((run) => [run.label, run.from, run.to]),
    [
      ['metrics.json', 0, 1],
      ['params.yaml › prepare', 1, 3],
      ['params.yaml › train', 3, 6],
      ['params.yaml', 6, 7],
    ],
  );
});

void test('a folded section shows only its first column; unfolded ones are untouched', () => {
  assert.deepEqual(foldSections(columns, all, new Set(['params:params.yaml:train'])), [0, 1, 2, 3, 6]);
  assert.deepEqual(foldSections(columns, all, new Set()), all);
  const arranged = arrangeColumns(columns, {
    ...defaultTableUiState,
    collapsedGroups: ['params:params.yaml:prepare'],
  });
  assert.deepEqual(arranged.scrolling, [0, 1, 3, 4, 5, 6]);
});

void test('folded sections are UI state, checked at the boundary', () => {
  assert.ok(isTableUiState({ ...defaultTableUiState, collapsedGroups: ['params:params.yaml:train'] }));
  assert.equal(isTableUiState({ ...defaultTableUiState, collapsedGroups: 'train' }), false);
});
