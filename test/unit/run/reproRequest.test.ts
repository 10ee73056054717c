import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reproArguments, reproCommandText } from '../../../src/pipeline/run/reproRequest';

void test('modes map onto dvc repro flags', () => {
  assert.deepEqual(reproArguments({ targets: [], mode: 'all' }), { targets: [], options: {} });
  assert.deepEqual(reproArguments({ targets: ['train'], mode: 'withUpstream' }).options, {});
  assert.deepEqual(reproArguments({ targets: ['train'], mode: 'single' }).options, { singleItem: true });
  assert.deepEqual(reproArguments({ targets: ['train'], mode: 'downstream' }).options, { downstream: true });
  assert.deepEqual(
    reproArguments({
      targets: ['sub/dvc.yaml:fit'],
      mode: 'withUpstream',
      force: true,
      pull: true,
      dryRun: true,
    }),
    { targets: ['sub/dvc.yaml:fit'], options: { force: true, pull: true, dryRun: true } },
  );
});

void test('the command text shows what DVC is asked', () => {
  assert.equal(
    reproCommandText({ targets: ['train'], mode: 'single', force: true }),
    'dvc repro --force --single-item train',
  );
  assert.equal(
    reproCommandText({ targets: ['train'], mode: 'downstream', dryRun: true }),
    'dvc repro --downstream --dry train',
  );
});
