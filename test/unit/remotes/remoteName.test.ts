import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remoteNameProblem, remoteUrlProblem } from '../../../src/core/remotes/remoteName';

void test('names DVC stores safely are accepted', () => {
  for (const name of ['storage', 'my-remote', 'team_s3', 'backup.2', 'S3', '1st'])
    assert.equal(remoteNameProblem(name), undefined, name);
});

void test('names that would corrupt .dvc/config or read as flags are refused with a reason', () => {
  assert.match(remoteNameProblem('') ?? '', /needs a name/);
  assert.match(remoteNameProblem('my remote') ?? '', /spaces/);
  assert.match(remoteNameProblem('-r') ?? '', /start with "-"/);
  for (const name of ['a"b', 'x/y', 'remote]', "it's", 'a\\b', '.hidden'])
    assert.match(remoteNameProblem(name) ?? '', /only letters/, name);
  assert.match(remoteNameProblem('x'.repeat(101)) ?? '', /at most 100/);
});

void test('a name already in use is refused', () => {
  assert.match(remoteNameProblem('store', ['store', 'web']) ?? '', /already exists/);
  assert.equal(remoteNameProblem('store2', ['store', 'web']), undefined);
});

void test('URLs: empty or padded with spaces are refused, DVC judges the rest', () => {
  assert.ok(remoteUrlProblem(''));
  assert.ok(remoteUrlProblem(' /tmp/x'));
  assert.equal(remoteUrlProblem('s3://bucket/path'), undefined);
  assert.equal(remoteUrlProblem('/mnt/storage'), undefined);
});
