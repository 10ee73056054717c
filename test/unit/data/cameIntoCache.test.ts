import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cameIntoCache } from '../../../src/core/data/cameIntoCache';
import type { DataPathStatus, DataStatus } from '../../../src/core/data/dataStatus';

const entry = (path: string, notInCache: boolean): DataPathStatus => ({
  path,
  isDirectory: false,
  committed: undefined,
  uncommitted: notInCache ? 'deleted' : undefined,
  notInCache,
  notInRemote: false,
  unchanged: !notInCache,
});
const status = (...entries: DataPathStatus[]): DataStatus => ({ entries, untracked: [] });

void test('data came into the cache when a path missing from it before is there now (a pull in a terminal)', () => {
  const before = status(entry('eval/metrics.json', true), entry('data/raw.csv', false));
  assert.equal(
    cameIntoCache(before, status(entry('eval/metrics.json', false), entry('data/raw.csv', false))),
    true,
  );
});

void test('nothing came in: no answer before, nothing missing before, still missing, or only gone from the list', () => {
  const missing = status(entry('eval/metrics.json', true));
  assert.equal(cameIntoCache(undefined, status(entry('eval/metrics.json', false))), false);
  assert.equal(cameIntoCache(status(entry('a', false)), status(entry('a', false))), false);
  assert.equal(cameIntoCache(missing, missing), false);
  // The output was removed from the pipeline: it is not listed any more, which says nothing about the cache.
  assert.equal(cameIntoCache(missing, status()), false);
});
