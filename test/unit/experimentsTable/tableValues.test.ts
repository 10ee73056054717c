import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeColumn,
  decodeValue,
  encodeValue,
  toTableSnapshot,
} from '../../../src/core/experimentsTable/tableValues';
import type { TableColumn } from '../../../src/core/protocols/experimentsTableProtocol';

const columns: TableColumn[] = [
  {
    id: 'params:params.yaml:train.lr',
    group: 'params:params.yaml',
    kind: 'params',
    label: 'lr',
    path: 'train.lr',
    type: 'number',
  },
  {
    id: 'metrics:metrics.json:loss',
    group: 'metrics:metrics.json',
    kind: 'metrics',
    label: 'loss',
    path: 'loss',
    type: 'number',
    direction: 'lower',
  },
];

void test('NaN and ±Infinity survive JSON (which would turn them into null)', () => {
  for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    const through = JSON.parse(JSON.stringify(encodeValue(value))) as ReturnType<typeof encodeValue>;
    assert.ok(Object.is(decodeValue(through), value), String(value));
  }
  assert.equal(encodeValue(undefined), null);
  assert.equal(decodeValue(null), undefined);
  assert.equal(decodeValue('text'), 'text');
  assert.equal(decodeValue(false), false);
});

void test('a snapshot carries keyed row values column by column; absent keys are missing cells', () => {
  const snapshot = toTableSnapshot(columns, [
    {
      id: 'workspace',
      label: 'workspace',
      kind: 'workspace',
      values: { [columns[0]!.id]: 0.01, [columns[1]!.id]: Number.NaN },
    },
    {
      id: 'exp',
      label: 'exp',
      kind: 'experiment',
      parentId: 'workspace',
      values: { [columns[1]!.id]: 0.5, unknown: 1 },
    },
  ]);
  assert.equal(snapshot.values.length, 2);
  assert.deepEqual(decodeColumn(snapshot.values[0], 2), [0.01, undefined]);
  const loss = decodeColumn(snapshot.values[1], 2);
  assert.ok(Number.isNaN(loss[0]));
  assert.equal(loss[1], 0.5);
  assert.equal('values' in snapshot.rows[0]!, false);
});

void test('a malformed column reads as missing cells instead of breaking the table', () => {
  assert.deepEqual(decodeColumn('{not json', 2), [undefined, undefined]);
  assert.deepEqual(decodeColumn('{"a":1}', 1), [undefined]);
  assert.deepEqual(decodeColumn('[1, [2], {"special":"Infinity"}]', 4), [
    1,
    undefined,
    Number.POSITIVE_INFINITY,
    undefined,
  ]);
  assert.deepEqual(decodeColumn(undefined, 1), [undefined]);
});
