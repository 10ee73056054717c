import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataCommitMessage, dataMetadataChanges } from '../../../src/core/data/dataCommitMessage';

void test('only .dvc files, dvc.lock and .gitignore files are data metadata', () => {
  assert.deepEqual(
    dataMetadataChanges([
      { path: 'src/train.py', code: ' M' },
      { path: 'dvc.lock', code: ' M' },
      { path: 'data/raw.csv.dvc', code: 'M ' },
      { path: 'data/.gitignore', code: '??' },
      { path: 'notes.dvc.txt', code: '??' },
      { path: 'old.dvc', code: ' D' },
      { path: 'ignored.dvc', code: '!!' },
    ]),
    ['data/.gitignore', 'data/raw.csv.dvc', 'dvc.lock', 'old.dvc'],
  );
});

void test('the message names what changed, .gitignore only when alone, long lists shortened', () => {
  assert.equal(
    dataCommitMessage(['data/.gitignore', 'data/raw.csv.dvc', 'dvc.lock']),
    'Update data: data/raw.csv.dvc, dvc.lock',
  );
  assert.equal(dataCommitMessage(['.gitignore']), 'Update data: .gitignore');
  assert.equal(
    dataCommitMessage(['a.dvc', 'b.dvc', 'c.dvc', 'd.dvc', 'e.dvc']),
    'Update data: a.dvc, b.dvc, c.dvc and 2 more',
  );
  assert.equal(dataCommitMessage([]), 'Update data');
});
