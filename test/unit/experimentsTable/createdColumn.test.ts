import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  absoluteTime,
  CREATED_COLUMN_ID,
  relativeTime,
  withCreatedColumn,
} from '../../../src/core/experimentsTable/createdColumn';

void test('the Created column comes first and carries each row timestamp; the workspace has none', () => {
  const data = withCreatedColumn({
    columns: [
      {
        id: 'metrics:m.json:acc',
        group: 'metrics:m.json',
        kind: 'metrics',
        label: 'acc',
        path: 'acc',
        type: 'number',
      },
    ],
    rows: [
      { id: 'workspace', label: 'workspace', kind: 'workspace', values: {} },
      {
        id: 'abc',
        label: 'exp',
        kind: 'experiment',
        timestamp: '2026-11-29T18:33:27',
        values: { 'metrics:m.json:acc': 0.9 },
      },
    ],
  });
  assert.deepEqual(
    data.columns.map((column) => column.id),
    [CREATED_COLUMN_ID, 'metrics:m.json:acc'],
  );
  assert.equal(data.columns[0]?.label, 'Created');
  assert.equal(data.rows[0]?.values[CREATED_COLUMN_ID], null);
  assert.equal(data.rows[1]?.values[CREATED_COLUMN_ID], '2026-11-29T18:33:27');
  assert.equal(data.rows[1]?.values['metrics:m.json:acc'], 0.9);
});

void test('relative time reads as a person says it; the tooltip keeps the absolute time', () => {
  const made = '2026-11-29T18:33:27';
  const at = Date.parse(made);
  assert.equal(relativeTime(made, at + 10_000), 'just now');
  assert.equal(relativeTime(made, at + 5 * 60_000), '5 min ago');
  assert.equal(relativeTime(made, at + 3 * 3_600_000), '3 h ago');
  assert.equal(relativeTime(made, at + 24 * 3_600_000), '1 day ago');
  assert.equal(relativeTime(made, at + 3 * 24 * 3_600_000), '3 days ago');
  assert.equal(relativeTime(made, at + 90 * 24 * 3_600_000), '2026-11-29');
  assert.equal(relativeTime('not a time', at), 'not a time');
  assert.equal(absoluteTime(made), '2026-11-29 18:33:27');
});
