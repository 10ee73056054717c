import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDataStatus } from '../../../src/core/data/dataStatus';
import { DATA_STATES, primaryDataState } from '../../../src/core/data/dataState';
import { DataStatusIndex } from '../../../src/core/data/dataStatusIndex';
import { fixtureJson } from './dataFixtures';

function index(name: string): DataStatusIndex {
  return new DataStatusIndex(parseDataStatus(fixtureJson(name)));
}

function badgeOf(status: DataStatusIndex, path: string): string | undefined {
  const states = status.statesOf(path);
  return states ? DATA_STATES[primaryDataState(states)].badge : undefined;
}

void test('a modified file gets M in the modified colour; unchanged paths get no badge', () => {
  const status = index('file-modified.json');
  assert.deepEqual(status.statesOf('data/raw.csv'), ['modified']);
  assert.equal(badgeOf(status, 'data/raw.csv'), 'M');
  assert.equal(DATA_STATES.modified.colorId, 'gitDecoration.modifiedResourceForeground');
  assert.equal(badgeOf(status, 'data/images'), '');
  assert.equal(status.statesOf('src/train.py'), undefined, 'DVC said nothing about it');
});

void test('the folder itself and the files DVC lists inside it are decorated', () => {
  const status = index('dir-new-file.json');
  assert.equal(badgeOf(status, 'data/images'), 'M');
  assert.equal(badgeOf(status, 'data/images/3.txt'), 'A');
  assert.equal(DATA_STATES.new.colorId, 'gitDecoration.addedResourceForeground');
  assert.equal(badgeOf(status, 'data/images/1.txt'), '');
});

void test('deleted beats not in cache; both are told', () => {
  const status = index('workspace-deleted.json');
  assert.deepEqual(status.statesOf('data/raw.csv'), ['deleted', 'notInCache']);
  assert.equal(badgeOf(status, 'data/raw.csv'), 'D');
});

void test('recorded by DVC but not committed to git, and missing from the remote', () => {
  const recorded = index('uncommitted-and-committed.json');
  assert.equal(badgeOf(recorded, 'data/images'), 'S');
  assert.match(DATA_STATES.recorded.meaning, /Commit Data Changes/);
  const remote = index('not-in-remote-before-push.json');
  assert.equal(badgeOf(remote, 'data/raw.csv'), 'R');
  assert.equal(badgeOf(index('cache-emptied.json'), 'data/raw.csv'), 'C');
});

void test('sub-folders inside a tracked folder aggregate what DVC lists below them', () => {
  const status = new DataStatusIndex(
    parseDataStatus({
      uncommitted: { modified: ['data/images/', 'data/images/b/c/d.txt'], deleted: ['data/images/b/e.txt'] },
      unchanged: ['data/images/a.txt', 'data/raw.csv'],
    }),
  );
  assert.deepEqual(status.statesOf('data/images/b'), ['deleted', 'modified']);
  assert.deepEqual(status.statesOf('data/images/b/c'), ['modified']);
  assert.equal(status.statesOf('data'), undefined, 'folders above tracked paths are not DVC’s');
  assert.deepEqual(
    [...status.childrenOf('data/images/b')],
    [
      ['c', true],
      ['e.txt', false],
    ],
  );
  assert.deepEqual(
    status.uncommittedAtOrUnder('data/images').map((changed) => changed.path),
    ['data/images', 'data/images/b/c/d.txt', 'data/images/b/e.txt'],
  );
  assert.deepEqual(status.uncommittedAtOrUnder('data/raw.csv'), []);
});
