import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFilterText, rowMatches } from '../../../src/core/experimentsTable/tableFilter';
import type { CellValue, TableColumn, TableRow } from '../../../src/core/protocols/experimentsTableProtocol';

const columns: TableColumn[] = [
  { id: 'p:lr', group: 'params:params.yaml', kind: 'params', label: 'lr', path: 'train.lr', type: 'number' },
  {
    id: 'p:model',
    group: 'params:params.yaml',
    kind: 'params',
    label: 'model',
    path: 'train.model',
    type: 'string',
  },
  { id: 'm:acc', group: 'metrics:metrics.json', kind: 'metrics', label: 'acc', path: 'acc', type: 'number' },
];
const rows: TableRow[] = [
  { id: '1', label: 'fast-cnn', kind: 'experiment', state: 'success', sha: 'abc123' },
  { id: '2', label: 'slow-rnn', kind: 'experiment', state: 'failed', description: 'Tries an RNN' },
  { id: '3', label: 'queued-one', kind: 'experiment', state: 'queued' },
];
const data: CellValue[][] = [
  [0.01, 0.001, undefined],
  ['cnn', 'rnn', 'cnn'],
  [0.91, Number.NaN, undefined],
];
const cells = (column: number): readonly CellValue[] => data[column] ?? [];

function matching(text: string, states: TableRow['state'][] = []): string[] {
  const { filters } = parseFilterText(text, columns);
  return rows
    .filter((row, index) =>
      rowMatches(
        row,
        index,
        cells,
        filters,
        states.filter((state) => state !== undefined),
      ),
    )
    .map((row) => row.id);
}

void test('words match the label, description or SHA prefix, case-insensitively', () => {
  assert.deepEqual(matching('CNN'), ['1']);
  assert.deepEqual(matching('rnn'), ['2']);
  assert.deepEqual(matching('abc'), ['1']);
});

void test('comparisons, ranges and contains by column path or label', () => {
  assert.deepEqual(matching('lr>0.005'), ['1']);
  assert.deepEqual(matching('train.lr<=0.01'), ['1', '2']);
  assert.deepEqual(matching('acc:0.9..1'), ['1']);
  assert.deepEqual(matching('acc:..0.5'), [], 'NaN and missing are in no range');
  assert.deepEqual(matching('model=cnn'), ['1', '3']);
  assert.deepEqual(matching('model!=cnn'), ['2']);
  assert.deepEqual(matching('model~nn lr>0.005'), ['1'], 'terms combine with and');
});

void test('state filter, and problems for unknown columns and bad ranges', () => {
  assert.deepEqual(matching('', ['failed', 'queued']), ['2', '3']);
  const parsed = parseFilterText('nope>1 acc:a..b', columns);
  assert.equal(parsed.filters.length, 0);
  assert.equal(parsed.problems.length, 2);
  assert.match(parsed.problems[0]!, /nope/);
});

void test('quotes keep spaces in a term', () => {
  const { filters } = parseFilterText('"slow rnn"', columns);
  assert.deepEqual(filters, [{ kind: 'text', text: 'slow rnn' }]);
});
