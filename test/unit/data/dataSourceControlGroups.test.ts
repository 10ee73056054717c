import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dataChangeGroups,
  dataChangeTargets,
  type DataChangeGroup,
  type DataChangeGroupId,
} from '../../../src/core/data/dataSourceControlGroups';
import { parseDataStatus } from '../../../src/core/data/dataStatus';
import type { TrackedOut } from '../../../src/core/data/trackedData';
import { fixtureJson } from './dataFixtures';

// The recorder's repository: data/raw.csv and data/images/ tracked by .dvc files.
const outs: TrackedOut[] = [
  {
    path: 'data/images',
    isDirectory: true,
    size: undefined,
    nfiles: 2,
    source: { kind: 'dvcFile', file: 'data/images.dvc', line: 1 },
  },
  {
    path: 'data/raw.csv',
    isDirectory: false,
    size: 10,
    nfiles: undefined,
    source: { kind: 'dvcFile', file: 'data/raw.csv.dvc', line: 1 },
  },
];

function groupsOf(fixture: string): Map<DataChangeGroupId, DataChangeGroup> {
  const groups = dataChangeGroups(parseDataStatus(fixtureJson(fixture)), outs);
  return new Map(groups.map((group) => [group.id, group]));
}

function paths(groups: Map<DataChangeGroupId, DataChangeGroup>, id: DataChangeGroupId): string[] {
  return groups.get(id)?.resources.map((resource) => resource.path) ?? [];
}

void test('a clean repository has every group, all empty, in Source Control order', () => {
  const groups = dataChangeGroups(parseDataStatus(fixtureJson('clean.json')), outs);
  assert.deepEqual(
    groups.map((group) => group.id),
    ['modified', 'untracked', 'notInCache', 'notCommitted', 'notInRemote'],
  );
  assert.ok(groups.every((group) => group.resources.length === 0));
});

void test('a modified file and a new file in a tracked folder: modified and untracked, acting on the tracked folder', () => {
  const groups = groupsOf('dir-new-file.json');
  // data/images/ is modified too, but its new file says more: the folder is not listed twice.
  assert.deepEqual(paths(groups, 'modified'), ['data/images', 'data/raw.csv']);
  assert.deepEqual(paths(groups, 'untracked'), ['data/images/3.txt']);
  const added = groups.get('untracked')?.resources[0];
  assert.equal(added?.target, 'data/images');
  assert.deepEqual(added?.states, ['new']);
});

void test('recorded by DVC but not in git: the not committed group; the folder gives way to its files', () => {
  const groups = groupsOf('uncommitted-and-committed.json');
  assert.deepEqual(paths(groups, 'notCommitted'), ['data/images/1.txt', 'data/images/3.txt']);
  assert.deepEqual(paths(groups, 'modified'), ['data/raw.csv']);
  assert.deepEqual(dataChangeTargets(groups.get('notCommitted')?.resources ?? []), ['data/images']);
});

void test('deleted from the workspace and the cache: modified (deleted) and not in cache at once', () => {
  const groups = groupsOf('workspace-deleted.json');
  assert.deepEqual(paths(groups, 'notInCache'), ['data/images/1.txt', 'data/images/2.txt', 'data/raw.csv']);
  assert.deepEqual(paths(groups, 'modified'), ['data/images/1.txt', 'data/images/2.txt', 'data/raw.csv']);
  const raw = groups.get('modified')?.resources.find((resource) => resource.path === 'data/raw.csv');
  assert.deepEqual(raw?.states, ['deleted', 'notInCache']);
});

void test('what the remote lacks, when the status asked it', () => {
  const groups = groupsOf('not-in-remote-before-push.json');
  assert.ok(paths(groups, 'notInRemote').length > 0);
  assert.deepEqual(paths(groupsOf('not-in-remote-after-push.json'), 'notInRemote'), []);
});
