import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ExperimentRow } from '../../../src/core/experiments/experimentModel';
import {
  filesNotInCache,
  isNotInCacheMessage,
  metricsNotInCacheAt,
  notInCacheLine,
} from '../../../src/core/experiments/filesNotInCache';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { commitMetrics } from '../../../src/core/history/historyEntries';

const freshClone = parseExpShow(
  JSON.parse(
    readFileSync(
      join(__dirname, '..', '..', 'fixtures', 'dvc-failures', 'exp-show-fresh-clone.json'),
      'utf8',
    ),
  ) as unknown,
);

const row = (fileErrors: Record<string, string>, params: ExperimentRow['params'] = {}): ExperimentRow => ({
  kind: 'commit',
  id: 'a'.repeat(40),
  rev: 'a'.repeat(40),
  name: undefined,
  label: 'aaaaaaa',
  state: undefined,
  timestamp: undefined,
  params,
  metrics: {},
  deps: {},
  fileErrors,
  error: undefined,
  executor: undefined,
  baseline: undefined,
});

void test("DVC's per-file message for an output not pulled reads as not in the local cache; others do not", () => {
  assert.ok(isNotInCacheMessage("[Errno 2] No storage files available: 'eval/metrics.json'"));
  assert.ok(!isNotInCacheMessage("[Errno 2] No such file or directory: 'metrics.json'"));
  assert.ok(!isNotInCacheMessage('while parsing a block mapping'));
});

void test("the recorded fresh clone's exp show marks eval/metrics.json as not in cache in the workspace and at HEAD", () => {
  assert.deepEqual(filesNotInCache([freshClone.workspace, freshClone.commits[0]], { metricsOnly: true }), [
    'eval/metrics.json',
  ]);
});

void test('each file once; a params file is left out of the metrics; undefined rows are skipped', () => {
  const missing = "[Errno 2] No storage files available: 'x'";
  const rows = [
    row(
      { 'm.json': missing, 'params.yaml': missing, 'broken.json': 'Expecting value: line 1' },
      { 'params.yaml': {} },
    ),
    row({ 'm.json': missing, 'n.json': missing }),
    undefined,
  ];
  assert.deepEqual(filesNotInCache(rows, { metricsOnly: true }), ['m.json', 'n.json']);
  assert.deepEqual(filesNotInCache(rows), ['m.json', 'params.yaml', 'n.json']);
  assert.deepEqual(filesNotInCache([]), []);
});

void test('one line says "data not in the local cache", naming one file or counting several', () => {
  assert.equal(notInCacheLine(['eval/metrics.json']), 'eval/metrics.json: data not in the local cache');
  assert.equal(notInCacheLine(['a.json', 'b.json']), '2 files: data not in the local cache (a.json, b.json)');
  assert.equal(notInCacheLine(['a', 'b', 'c', 'd']), '4 files: data not in the local cache (a, b, c, …)');
});

void test('History: a commit whose metrics are all not in cache says so in one line and names them for Pull', () => {
  const missing = "[Errno 2] No storage files available: 'eval/metrics.json'";
  assert.deepEqual(commitMetrics(row({ 'eval/metrics.json': missing }), undefined, {}), {
    kind: 'unavailable',
    reason:
      "eval/metrics.json: data not in the local cache: Pull brings it in. DVC: eval/metrics.json: [Errno 2] No storage files available: 'eval/metrics.json'",
    notInCache: ['eval/metrics.json'],
  });
  // Another reason beside it: DVC's own words stay, as before.
  const mixed = commitMetrics(row({ 'eval/metrics.json': missing, 'm.json': 'No such file' }), undefined, {});
  assert.equal(mixed.kind, 'unavailable');
  assert.match(mixed.kind === 'unavailable' ? mixed.reason : '', /^Metrics not available \(/);
});

void test('Compare: the revisions compared are looked up in the exp show model (workspace, commit, unknown)', () => {
  const head = freshClone.commits[0]?.rev;
  assert.ok(head);
  assert.deepEqual(metricsNotInCacheAt(freshClone, [undefined, head]), ['eval/metrics.json']);
  assert.deepEqual(metricsNotInCacheAt(freshClone, [head]), ['eval/metrics.json']);
  assert.deepEqual(metricsNotInCacheAt(freshClone, ['f'.repeat(40)]), []);
  assert.deepEqual(metricsNotInCacheAt(undefined, [undefined]), []);
});
