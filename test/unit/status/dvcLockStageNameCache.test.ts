import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DvcLockStageNameCache } from '../../../src/core/status/dvcLockStageNameCache';
import { parseDvcLockStageNames } from '../../../src/core/status/dvcLockStages';

const LOCK =
  "schema: '2.0'\nstages:\n  prepare:\n    cmd: python prepare.py\n  train:\n    cmd: python train.py\n";
const SUB_LOCK = "schema: '2.0'\nstages:\n  count:\n    cmd: wc -l\n";

/** A cache whose parses are counted. */
function countingCache(): { cache: DvcLockStageNameCache; parses: () => number } {
  let parses = 0;
  const cache = new DvcLockStageNameCache((text, pipelineFile) => {
    parses++;
    return parseDvcLockStageNames(text, pipelineFile);
  });
  return { cache, parses: () => parses };
}

void test('the stage names of every lock file, qualified by its pipeline; a missing lock adds none', () => {
  const { cache } = countingCache();
  const names = cache.lockedStages([
    ['dvc.yaml', LOCK],
    ['sub/dvc.yaml', SUB_LOCK],
    ['other/dvc.yaml', undefined],
  ]);
  assert.deepEqual([...names], ['prepare', 'train', 'sub/dvc.yaml:count']);
});

void test('an unchanged lock text is not parsed again; a changed one is, and its new names count', () => {
  const { cache, parses } = countingCache();
  cache.lockedStages([['dvc.yaml', LOCK]]);
  assert.deepEqual([...cache.lockedStages([['dvc.yaml', LOCK]])], ['prepare', 'train']);
  assert.equal(parses(), 1, 'the same text twice: one parse');

  const grown = `${LOCK}  evaluate:\n    cmd: python evaluate.py\n`;
  assert.deepEqual([...cache.lockedStages([['dvc.yaml', grown]])], ['prepare', 'train', 'evaluate']);
  assert.equal(parses(), 2);
});

void test('the same text under another pipeline is parsed for that pipeline; removed pipelines are forgotten', () => {
  const { cache, parses } = countingCache();
  cache.lockedStages([['dvc.yaml', LOCK]]);
  // Qualified names depend on the pipeline file, so the text alone is not the key.
  assert.deepEqual(
    [...cache.lockedStages([['sub/dvc.yaml', LOCK]])],
    ['sub/dvc.yaml:prepare', 'sub/dvc.yaml:train'],
  );
  assert.equal(parses(), 2);
  // dvc.yaml was not asked for last time: forgotten, parsed anew.
  cache.lockedStages([['dvc.yaml', LOCK]]);
  assert.equal(parses(), 3);
  // A lock file that disappeared lists nothing, even with a kept parse of the pipeline.
  assert.deepEqual([...cache.lockedStages([['dvc.yaml', undefined]])], []);
});
