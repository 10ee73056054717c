import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { dvcLockFileOf, parseDvcLockStageNames } from '../../../src/core/status/dvcLockStages';

const fixtures = resolve(__dirname, '..', '..', 'fixtures', 'dvc-status');

void test('stage names of a recorded dvc.lock, qualified by the pipeline file', () => {
  const root = readFileSync(resolve(fixtures, 'nested-foreach-clean', 'dvc.lock'), 'utf8');
  assert.deepEqual(parseDvcLockStageNames(root), ['prepare', 'train', 'evaluate', 'greet@en', 'greet@fr']);
  const sub = readFileSync(resolve(fixtures, 'nested-foreach-clean', 'sub', 'dvc.lock'), 'utf8');
  assert.deepEqual(parseDvcLockStageNames(sub, 'sub/dvc.yaml'), [
    'sub/dvc.yaml:count',
    'sub/dvc.yaml:shard@a',
    'sub/dvc.yaml:shard@b',
  ]);
});

void test('a broken or empty lock file lists nothing', () => {
  for (const text of ['', 'schema: "2.0"\n', 'stages: [a, b]\n', 'stages:\n  a: {\n', '- 1\n'])
    assert.deepEqual(parseDvcLockStageNames(text), [], JSON.stringify(text));
});

void test('the lock file beside a dvc.yaml', () => {
  assert.equal(dvcLockFileOf('dvc.yaml'), 'dvc.lock');
  assert.equal(dvcLockFileOf('sub/dir/dvc.yaml'), 'sub/dir/dvc.lock');
});
