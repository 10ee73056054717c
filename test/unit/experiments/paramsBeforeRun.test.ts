import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  filesChangedSince,
  paramsChangedMessage,
  paramsChangedWording,
  paramsFilesOf,
  restorableFiles,
} from '../../../src/core/experiments/paramsBeforeRun';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

void test('the params files of a run are those its overrides write into, each once', () => {
  assert.deepEqual(
    paramsFilesOf([
      { file: 'params.yaml', key: 'lr', value: '0.1' },
      { file: 'conf/train.yaml', key: 'epochs', value: '3' },
      { file: 'params.yaml', key: 'seed', value: '1' },
    ]),
    ['params.yaml', 'conf/train.yaml'],
  );
  assert.deepEqual(paramsFilesOf([]), []);
});

void test('a file counts as changed when one byte differs, its length differs, or it appeared or went away', () => {
  const kept = [
    { path: 'same.yaml', bytes: bytes('lr: 0.1\n') },
    { path: 'byte.yaml', bytes: bytes('lr: 0.1\n') },
    { path: 'longer.yaml', bytes: bytes('lr: 0.1\n') },
    { path: 'gone.yaml', bytes: bytes('lr: 0.1\n') },
    { path: 'new.yaml', bytes: undefined },
    { path: 'never.yaml', bytes: undefined },
  ];
  const now = [
    { path: 'same.yaml', bytes: bytes('lr: 0.1\n') },
    { path: 'byte.yaml', bytes: bytes('lr: 0.2\n') },
    { path: 'longer.yaml', bytes: bytes('lr: 0.1\n\n') },
    { path: 'gone.yaml', bytes: undefined },
    { path: 'new.yaml', bytes: bytes('lr: 1\n') },
    { path: 'never.yaml', bytes: undefined },
  ];
  const changed = filesChangedSince(kept, now);
  assert.deepEqual(changed, ['byte.yaml', 'longer.yaml', 'gone.yaml', 'new.yaml']);
  // A file DVC created did not exist before: nothing to restore it to (DVC Lens deletes nothing).
  assert.deepEqual(
    restorableFiles(kept, changed).map((file) => file.path),
    ['byte.yaml', 'longer.yaml', 'gone.yaml'],
  );
});

void test('the error names the files DVC changed and the button restores them', () => {
  assert.deepEqual(paramsChangedWording(['params.yaml'], 'failed'), {
    sentence: 'params.yaml was changed by DVC before it failed.',
    action: 'Restore params.yaml',
  });
  assert.deepEqual(paramsChangedWording(['params.yaml', 'train.yaml'], 'failed'), {
    sentence: 'params.yaml and train.yaml were changed by DVC before it failed.',
    action: 'Restore params.yaml and train.yaml',
  });
  assert.deepEqual(paramsChangedWording(['a.yaml', 'b.yaml', 'c.yaml'], 'cancelled'), {
    sentence: 'a.yaml, b.yaml and c.yaml were changed by DVC before the run was stopped.',
    action: 'Restore 3 params files',
  });
});

void test('the message keeps two lines of the failure and ends with what DVC changed: three lines at most', () => {
  const wording = paramsChangedWording(['params.yaml'], 'failed');
  assert.equal(
    paramsChangedMessage('DVC Lens: dvc exp run failed: one\n\ntwo\nthree\nfour', wording),
    'DVC Lens: dvc exp run failed: one\ntwo\nparams.yaml was changed by DVC before it failed.',
  );
  assert.equal(
    paramsChangedMessage('DVC Lens: dvc exp run failed: stage failed.', wording),
    'DVC Lens: dvc exp run failed: stage failed.\nparams.yaml was changed by DVC before it failed.',
  );
});
