import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatDuration,
  lastRunLine,
  stageGroupStatusLine,
  stageStatusLine,
} from '../../../src/core/status/stageStatusText';

void test('a stage status in one line, with the first reason of a change', () => {
  assert.equal(stageStatusLine({ kind: 'upToDate', reasons: [] }), '$(check) up to date');
  assert.equal(
    stageStatusLine({ kind: 'changed', reasons: ['params train.epochs', 'deps modified: a.csv'] }),
    '$(warning) changed: params train.epochs (+1 more)',
  );
  assert.equal(stageStatusLine({ kind: 'neverRun', reasons: [] }), '$(circle-outline) not run yet');
  assert.equal(stageStatusLine(undefined), '$(question) status unknown');
});

void test('a foreach group is summarized by count', () => {
  assert.equal(
    stageGroupStatusLine([{ kind: 'changed', reasons: [] }, { kind: 'upToDate', reasons: [] }, undefined]),
    '$(warning) 3 stages: 1 changed, 1 up to date, 1 status unknown',
  );
  assert.equal(
    stageGroupStatusLine([
      { kind: 'upToDate', reasons: [] },
      { kind: 'upToDate', reasons: [] },
    ]),
    '$(check) 2 stages: 2 up to date',
  );
});

void test('durations and last runs read naturally', () => {
  assert.equal(formatDuration(420), '420 ms');
  assert.equal(formatDuration(12_340), '12.3 s');
  assert.equal(formatDuration(125_000), '2 min 5 s');
  assert.equal(formatDuration(3_720_000), '1 h 2 min');
  assert.equal(
    lastRunLine({
      stage: 'train',
      startedAt: '2026-11-22T13:05:09.120Z',
      durationMs: 12_340,
      outcome: 'failed',
      exitCode: 2,
      logFile: '/tmp/x.log',
    }),
    'Last run: failed in 12.3 s, exit code 2 (2026-11-22 13:05)',
  );
});
