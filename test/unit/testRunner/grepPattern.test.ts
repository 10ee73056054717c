import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grepPattern } from '../../suite/runMocha';

void test('the suite grep keeps a valid regular expression as one', () => {
  const pattern = grepPattern('tree|DAG');
  assert.ok(pattern.test('the pipeline DAG'));
  assert.ok(pattern.test('a tree'));
});

void test('the suite grep takes a title part with an unbalanced bracket as literal text instead of throwing', () => {
  const pattern = grepPattern('remote runs (Slurm');
  assert.ok(pattern.test('remote runs (Slurm cluster) come home'));
  assert.ok(!pattern.test('remote runs Slurm'));
});
