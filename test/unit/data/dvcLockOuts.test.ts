import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseDvcLockOuts } from '../../../src/core/data/dvcLockOuts';

const demoLock = readFileSync(resolve(__dirname, '../../fixtures/dvc-lock/demo-dvc.lock'), 'utf8');

void test('the outs of every stage of the demo lock file, with sizes and folder counts', () => {
  const { outs, problems } = parseDvcLockOuts(demoLock);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    outs.map((out) => [out.stage, out.path, out.isDirectory, out.size, out.nfiles]),
    [
      ['prepare', 'data/prepared', true, 13691, 2],
      ['train', 'model/model.json', false, 148, undefined],
      ['train', 'plots/training_loss.csv', false, 519, undefined],
      ['evaluate', 'metrics.json', false, 81, undefined],
      ['evaluate', 'plots/confusion.csv', false, 768, undefined],
      ['evaluate', 'plots/roc.json', false, 1622, undefined],
    ],
  );
  assert.equal(outs[0]?.md5, '20d8f1fda88e34a36ccccabfea06e2ec.dir');
  assert.equal(demoLock.split('\n')[(outs[0]?.line ?? 0) - 1], '    - path: data/prepared');
});

void test('paths of a lock file in a sub-folder are made relative to the repository root', () => {
  const { outs } = parseDvcLockOuts(
    "schema: '2.0'\nstages:\n  count:\n    cmd: wc -l\n    outs:\n    - path: ../shared/out.txt\n      md5: abc\n      size: 3\n    - path: result\n      md5: def.dir\n      size: 9\n      nfiles: 2\n",
    'sub/dvc.lock',
  );
  assert.deepEqual(
    outs.map((out) => [out.path, out.isDirectory]),
    [
      ['shared/out.txt', false],
      ['sub/result', true],
    ],
  );
});

void test('stages without outs, odd entries and broken YAML', () => {
  assert.deepEqual(parseDvcLockOuts("schema: '2.0'\nstages:\n  a:\n    cmd: echo\n").outs, []);
  assert.deepEqual(parseDvcLockOuts('stages:\n  a:\n    outs:\n    - md5: x\n    - 3\n').outs, []);
  assert.deepEqual(parseDvcLockOuts('').outs, []);
  const broken = parseDvcLockOuts('stages:\n  a: [\n');
  assert.equal(broken.outs.length, 0);
  assert.ok(broken.problems.length > 0);
});
