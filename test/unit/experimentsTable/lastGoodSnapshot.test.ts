import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LastGoodSnapshot } from '../../../src/core/experimentsTable/lastGoodSnapshot';
import { syntheticSnapshot } from './syntheticTable';

void test('an error keeps the last good data on screen, with the error', () => {
  const shown = new LastGoodSnapshot();
  const good = syntheticSnapshot(3, 4, { commits: 1 });
  assert.deepEqual(
    shown.next(() => good, undefined),
    { snapshot: good },
  );
  const failed = shown.next(() => undefined, 'dvc exp show exited with 255');
  assert.equal(failed.snapshot, good);
  assert.equal(failed.error, 'dvc exp show exited with 255');
  const thrown = shown.next(() => {
    throw new Error('parse error');
  }, undefined);
  assert.equal(thrown.snapshot, good);
  assert.equal(thrown.error, 'parse error');
  assert.deepEqual(
    shown.next(() => undefined, undefined),
    { snapshot: good },
    'not read yet: no error',
  );
  const newer = syntheticSnapshot(4, 4, { commits: 1 });
  assert.deepEqual(
    shown.next(() => newer, undefined),
    { snapshot: newer },
  );
});

void test('before any good data, an error shows over an empty table', () => {
  const failed = new LastGoodSnapshot().next(() => undefined, 'no commits yet');
  assert.equal(failed.snapshot.rows.length, 0);
  assert.equal(failed.error, 'no commits yet');
});
