import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { experimentsTableData } from '../../../src/core/experimentsTable/experimentsToTable';

void test('a metrics file not pulled keeps its column, each cell saying "not in cache" (recorded fresh clone)', () => {
  const json: unknown = JSON.parse(
    readFileSync(
      join(__dirname, '..', '..', 'fixtures', 'dvc-failures', 'exp-show-fresh-clone.json'),
      'utf8',
    ),
  );
  const table = experimentsTableData(parseExpShow(json));
  const column = table.columns.find((candidate) => candidate.group === 'metrics:eval/metrics.json');
  assert.ok(column, table.columns.map((candidate) => candidate.id).join(', '));
  assert.equal(column.label, 'eval/metrics.json');
  assert.ok(table.rows.length >= 3);
  for (const row of table.rows) assert.equal(row.values[column.id], 'not in cache', row.id);
  assert.equal(table.columns[0]?.id, column.id, 'metrics first');
});
