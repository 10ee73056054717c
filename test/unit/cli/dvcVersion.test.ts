import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MINIMUM_DVC_VERSION,
  compareVersions,
  isVersionAtLeast,
  parseVersion,
} from '../../../src/cli/dvcVersion';

void test('versions as dvc --version prints them', () => {
  assert.deepEqual(parseVersion('3.67.1'), [3, 67, 1]);
  assert.deepEqual(parseVersion('3.0.0a1'), [3, 0, 0]);
  assert.deepEqual(parseVersion('3.51.2.dev4+g1234abc'), [3, 51, 2]);
  assert.deepEqual(parseVersion('dvc 3.2'), [3, 2, 0]);
  assert.equal(parseVersion('not a version'), undefined);
});

void test('comparison is numeric per part, not textual', () => {
  assert.ok(compareVersions([3, 10, 0], [3, 9, 9]) > 0);
  assert.ok(compareVersions([2, 99, 99], [3, 0, 0]) < 0);
  assert.equal(compareVersions([3, 1, 0], [3, 1, 0]), 0);
});

void test('the minimum: DVC 3 passes, DVC 2 and garbage do not', () => {
  assert.equal(MINIMUM_DVC_VERSION, '3.0.0');
  assert.ok(isVersionAtLeast('3.67.1', MINIMUM_DVC_VERSION));
  assert.ok(isVersionAtLeast('3.0.0', MINIMUM_DVC_VERSION));
  assert.ok(!isVersionAtLeast('2.58.2', MINIMUM_DVC_VERSION));
  assert.ok(!isVersionAtLeast('', MINIMUM_DVC_VERSION));
});
