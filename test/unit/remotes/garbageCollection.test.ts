import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GC_SCOPES,
  gcArguments,
  gcMessage,
  parseGcSummary,
} from '../../../src/core/remotes/garbageCollection';
import { remoteErrorText } from './remoteFixtures';

void test('gc always keeps the workspace and forces only after our confirmation', () => {
  assert.deepEqual(gcArguments({ scope: 'workspace' }), ['gc', '--workspace', '--force']);
  assert.deepEqual(gcArguments({ scope: 'allCommits' }), ['gc', '--workspace', '--all-commits', '--force']);
  assert.deepEqual(gcArguments({ scope: 'branchesAndTags' }), [
    'gc',
    '--workspace',
    '--all-branches',
    '--all-tags',
    '--force',
  ]);
  assert.deepEqual(gcArguments({ scope: 'workspace', cloud: true, remote: 'store' }), [
    'gc',
    '--workspace',
    '--cloud',
    '--remote',
    'store',
    '--force',
  ]);
  assert.ok(GC_SCOPES.every((choice) => choice.keeps.includes('workspace')));
});

void test('what gc removed, as DVC 3.67.1 reports it', () => {
  assert.deepEqual(parseGcSummary(remoteErrorText('gc-workspace.txt')), {
    removedFromCache: 1,
    removedFromRemote: 0,
  });
  assert.deepEqual(parseGcSummary(remoteErrorText('gc-nothing.txt')), {
    removedFromCache: 0,
    removedFromRemote: 0,
  });
  assert.deepEqual(parseGcSummary(remoteErrorText('gc-cloud.txt')), {
    removedFromCache: 1,
    removedFromRemote: 1,
  });
  assert.equal(
    gcMessage({ removedFromCache: 1, removedFromRemote: 0 }, false),
    'Garbage collection removed 1 object from the local cache.',
  );
  assert.equal(
    gcMessage({ removedFromCache: 3, removedFromRemote: 2 }, true),
    'Garbage collection removed 3 objects from the local cache and 2 objects from the remote.',
  );
});

void test('gc names a remote called like an option as the value of --remote', () => {
  assert.deepEqual(gcArguments({ scope: 'workspace', cloud: true, remote: '-u' }), [
    'gc',
    '--workspace',
    '--cloud',
    '--remote=-u',
    '--force',
  ]);
});
