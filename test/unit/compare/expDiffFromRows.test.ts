import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expDiffFromRows } from '../../../src/core/compare/expDiffFromRows';
import type { ExperimentRow, ValuesByFile } from '../../../src/core/experiments/experimentModel';
import { tooDeepValue } from '../../../src/core/experiments/flattenValues';

function row(
  params: ValuesByFile,
  metrics: ValuesByFile = {},
  extra: Partial<ExperimentRow> = {},
): ExperimentRow {
  return {
    kind: 'commit',
    id: 'a'.repeat(40),
    rev: 'a'.repeat(40),
    name: undefined,
    label: 'aaaaaaa',
    state: undefined,
    timestamp: undefined,
    params,
    metrics,
    deps: {},
    fileErrors: {},
    error: undefined,
    executor: undefined,
    baseline: undefined,
    ...extra,
  };
}

void test('every key of both sides, unchanged ones too; numbers get new - old; absent sides are null', () => {
  const entries = expDiffFromRows(
    row({ 'params.yaml': { 'train.lr': 0.5, 'train.epochs': 40, keep: 'x' } }, { 'm.json': { acc: 0.75 } }),
    row({ 'params.yaml': { 'train.lr': 0.25, keep: 'x', added: 3 } }, { 'm.json': { acc: 1 } }),
  );
  assert.deepEqual(entries, [
    { kind: 'param', file: 'params.yaml', key: 'added', old: null, new: 3, diff: undefined },
    { kind: 'param', file: 'params.yaml', key: 'keep', old: 'x', new: 'x', diff: undefined },
    { kind: 'param', file: 'params.yaml', key: 'train.epochs', old: 40, new: null, diff: undefined },
    { kind: 'param', file: 'params.yaml', key: 'train.lr', old: 0.5, new: 0.25, diff: -0.25 },
    { kind: 'metric', file: 'm.json', key: 'acc', old: 0.75, new: 1, diff: 0.25 },
  ]);
});

void test('Python’s ways: booleans subtract as numbers, lists print as str(list)', () => {
  const entries = expDiffFromRows(
    row({ p: { flag: true, tags: ['a', 'b'], nested: [['x'], [true, null]] } }),
    row({ p: { flag: false, tags: [], nested: [['x'], [true, null]] } }),
  );
  assert.deepEqual(
    entries?.map((entry) => [entry.key, entry.old, entry.new, entry.diff]),
    [
      ['flag', true, false, -1],
      ['nested', "[['x'], [True, None]]", "[['x'], [True, None]]", undefined],
      ['tags', "['a', 'b']", '[]', undefined],
    ],
  );
});

void test('whatever the rows cannot tell exactly is left to DVC', () => {
  const plain = row({ p: { a: 1 } });
  const unsure: ExperimentRow[] = [
    row({ p: { a: 1 } }, {}, { fileErrors: { 'm.json': 'not in cache' } }),
    row({ p: { a: 1 } }, {}, { error: 'Experiment run failed' }),
    row({ p: { a: null } }),
    row({ p: { 'train."val.loss"': 1 } }),
    row({ p: { layers: [64, 32] } }),
    row({ p: { names: ["it's"] } }),
    row({ p: { deep: tooDeepValue } }),
  ];
  for (const other of unsure) {
    assert.equal(expDiffFromRows(plain, other), undefined, JSON.stringify(other));
    assert.equal(expDiffFromRows(other, plain), undefined, JSON.stringify(other));
  }
  assert.ok(expDiffFromRows(plain, plain));
});
