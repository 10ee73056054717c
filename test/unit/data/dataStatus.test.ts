import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DataStatusShapeError,
  hasDataMissingFromRemote,
  parseDataStatus,
  type DataPathStatus,
  type DataStatus,
} from '../../../src/core/data/dataStatus';
import { fixtureJson } from './dataFixtures';

function byPath(status: DataStatus): Map<string, DataPathStatus> {
  return new Map(status.entries.map((entry) => [entry.path, entry]));
}

function only(status: DataStatus, path: string): DataPathStatus {
  const entry = byPath(status).get(path);
  assert.ok(entry, `${path} is listed`);
  return entry;
}

const PATHS = ['data/images', 'data/images/1.txt', 'data/images/2.txt', 'data/raw.csv'];

void test('a clean repository: every file and the folder unchanged, sorted, the folder marked', () => {
  const status = parseDataStatus(fixtureJson('clean.json'));
  assert.deepEqual(
    status.entries.map((entry) => entry.path),
    PATHS,
  );
  for (const entry of status.entries) {
    assert.equal(entry.unchanged, true);
    assert.equal(entry.committed, undefined);
    assert.equal(entry.uncommitted, undefined);
    assert.equal(entry.notInCache, false);
    assert.equal(entry.notInRemote, false);
  }
  assert.equal(only(status, 'data/images').isDirectory, true);
  assert.equal(only(status, 'data/raw.csv').isDirectory, false);
  assert.deepEqual(status.untracked, []);
});

void test('an edited tracked file is modified and not yet recorded by DVC', () => {
  const status = parseDataStatus(fixtureJson('file-modified.json'));
  const raw = only(status, 'data/raw.csv');
  assert.equal(raw.uncommitted, 'modified');
  assert.equal(raw.committed, undefined);
  assert.equal(raw.unchanged, false);
  assert.equal(only(status, 'data/images').unchanged, true);
});

void test('a new file in a tracked folder is new, and the folder modified', () => {
  const status = parseDataStatus(fixtureJson('dir-new-file.json'));
  assert.equal(only(status, 'data/images/3.txt').uncommitted, 'new');
  assert.equal(only(status, 'data/images').uncommitted, 'modified');
  assert.equal(only(status, 'data/images').isDirectory, true);
  assert.equal(only(status, 'data/images/1.txt').unchanged, true);
});

void test('changes recorded by dvc add but not in git are committed; workspace edits stay uncommitted', () => {
  const status = parseDataStatus(fixtureJson('uncommitted-and-committed.json'));
  assert.equal(only(status, 'data/images').committed, 'modified');
  assert.equal(only(status, 'data/images/1.txt').committed, 'modified');
  assert.equal(only(status, 'data/images/3.txt').committed, 'new');
  assert.equal(only(status, 'data/images/1.txt').uncommitted, undefined);
  assert.equal(only(status, 'data/raw.csv').uncommitted, 'modified');
  assert.equal(only(status, 'data/images/2.txt').unchanged, true);
});

void test('an emptied cache: everything not in cache, the workspace still unchanged', () => {
  const status = parseDataStatus(fixtureJson('cache-emptied.json'));
  assert.deepEqual(
    status.entries.map((entry) => [entry.path, entry.notInCache, entry.unchanged]),
    PATHS.map((path) => [path, true, true]),
  );
});

void test('deleted workspace copies with no cache: deleted and not in cache', () => {
  const status = parseDataStatus(fixtureJson('workspace-deleted.json'));
  for (const entry of status.entries) {
    assert.equal(entry.uncommitted, 'deleted', entry.path);
    assert.equal(entry.notInCache, true, entry.path);
    assert.equal(entry.unchanged, false, entry.path);
  }
});

void test('--not-in-remote: everything missing before the push, nothing after it', () => {
  const before = parseDataStatus(fixtureJson('not-in-remote-before-push.json'));
  assert.deepEqual(
    before.entries.filter((entry) => entry.notInRemote).map((entry) => entry.path),
    PATHS,
  );
  assert.equal(hasDataMissingFromRemote(before), true);
  const after = parseDataStatus(fixtureJson('not-in-remote-after-push.json'));
  assert.equal(hasDataMissingFromRemote(after), false);
  assert.equal(after.entries.length, PATHS.length);
});

void test('shapes DVC does not write are refused with a typed error; unknown keys and renames are skipped', () => {
  assert.throws(() => parseDataStatus([]), DataStatusShapeError);
  assert.throws(() => parseDataStatus(null), DataStatusShapeError);
  assert.throws(() => parseDataStatus({ unchanged: 'x' }), DataStatusShapeError);
  assert.throws(() => parseDataStatus({ committed: [] }), DataStatusShapeError);
  const status = parseDataStatus({
    git: { is_dirty: true },
    committed: { renamed: [{ old: 'a', new: 'b' }], added: ['c', { odd: 1 }] },
    untracked: ['notes.txt'],
  });
  assert.deepEqual(
    status.entries.map((entry) => [entry.path, entry.committed]),
    [['c', 'new']],
  );
  assert.deepEqual(status.untracked, ['notes.txt']);
  assert.deepEqual(parseDataStatus({}).entries, []);
});
