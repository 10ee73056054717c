import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  dvcFailureActionTitle,
  explainDvcFailure,
  type DvcFailureKind,
} from '../../../src/core/dvcFailure/explainDvcFailure';

const recorded = (folder: string, file: string): string =>
  readFileSync(join(__dirname, '..', '..', 'fixtures', folder, file), 'utf8');

const cases: ReadonlyArray<readonly [string, string, DvcFailureKind, string | undefined, RegExp]> = [
  ['dvc-failures', 'status-frozen-import.txt', 'importSourceUnreachable', undefined, /<tmp>\/import-source/],
  ['dvc-failures', 'exp-run-not-pulled.txt', 'importSourceUnreachable', undefined, /cannot be reached/],
  [
    'dvc-failures',
    'repro-not-pulled.txt',
    'dataMissing',
    'Pull',
    /^data\/data\.xml is not in the local cache/,
  ],
  ['dvc-failures', 'exp-run-params-key.txt', 'paramsKeyMissing', undefined, /has no key train\.nope/],
  ['dvc-failures', 'repro-params-missing.txt', 'paramsKeyMissing', undefined, /^params\.yaml has no key y/],
  ['dvc-failures', 'push-s3-no-plugin.txt', 'missingPlugin', 'Install dvc-s3', /s3 remote needs the dvc-s3/],
  ['dvc-failures', 'add-lock-held.txt', 'lockHeld', 'Retry', /holds this project's lock/],
  ['dvc-failures', 'exp-queue-no-identity.txt', 'noGitIdentity', 'Set Git Identity', /user\.name/],
  ['dvc-remote-errors', 'push-http-refused.txt', 'remoteUnreachable', 'Retry', /127\.0\.0\.1:9/],
  [
    'dvc-remote-errors',
    'pull-http-refused.txt',
    'dataMissing',
    'Pull',
    /^raw\.csv is not in the local cache/,
  ],
  ['dvc-remote-errors', 'pull-local-missing.txt', 'dataMissing', 'Pull', /not in the local cache/],
];

for (const [folder, file, kind, action, sentence] of cases)
  void test(`DVC's ${file} reads as ${kind}`, () => {
    const explained = explainDvcFailure(recorded(folder, file));
    assert.equal(explained.kind, kind);
    assert.equal(explained.action && dvcFailureActionTitle(explained.action), action);
    assert.match(explained.sentence, sentence);
    assert.doesNotMatch(explained.sentence, /\n|Traceback|ERROR:/);
    assert.ok(explained.sentence.length <= 220, explained.sentence);
  });

void test('an unreachable remote is named by its name when its host is known', () => {
  const explained = explainDvcFailure(recorded('dvc-remote-errors', 'push-http-refused.txt'), {
    remotes: [
      { name: 'other', url: 'http://example.invalid/x' },
      { name: 'store', url: 'http://127.0.0.1:9/store' },
    ],
  });
  assert.equal(
    explained.sentence,
    "DVC cannot reach the remote 'store' (http://127.0.0.1:9/store): check the URL and your network.",
  );
});

void test('the missing plugin is the package to install', () => {
  const explained = explainDvcFailure(recorded('dvc-failures', 'push-s3-no-plugin.txt'));
  assert.deepEqual(explained.action, { kind: 'installPlugin', packageName: 'dvc-s3' });
});

void test("a plot's directory not in the cache names the directory", () => {
  const explained = explainDvcFailure("failed to load directory ('eval', 'plots')");
  assert.equal(explained.kind, 'dataMissing');
  assert.equal(explained.subject, 'eval/plots');
  const metric = explainDvcFailure("[Errno 2] No storage files available: 'eval/metrics.json'");
  assert.equal(metric.subject, 'eval/metrics.json');
});

void test('stash conflicts and unknown failures', () => {
  assert.equal(explainDvcFailure('ERROR: Stash apply resulted in merge conflicts').kind, 'stashConflict');
  const other = explainDvcFailure(
    `WARNING: something first\nERROR: unexpected error - ${'x'.repeat(400)}\nTraceback (most recent call last):\n  File "a.py"`,
  );
  assert.equal(other.kind, 'other');
  assert.ok(other.sentence.startsWith('xxx'));
  assert.ok(other.sentence.endsWith('…'));
  assert.equal(other.sentence.length, 220);
  assert.equal(explainDvcFailure('').sentence, 'DVC failed without saying why.');
});
