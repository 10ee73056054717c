/** A remote run's life as the store sees it: polled states, the pull home, polling cadence, what the row says. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RemoteRunRecord } from '../../../src/core/execution/computeTargetSettings';
import {
  afterCollect,
  afterPoll,
  afterPollError,
  needsPolling,
  remotePollDelay,
  remoteRunSummary,
  restoredRemoteRuns,
  shownRunState,
  submittedEntry,
} from '../../../src/core/execution/remoteRunEntry';

const record: RemoteRunRecord = {
  target: 'cluster',
  root: 'file:///repo',
  id: '42',
  experiment: 'lr-0.2-42',
  baseline: 'a1b2c3d4e5f6',
  overrides: ['lr=0.2'],
  submittedAt: 1_000_000,
};

void test('pending, running, then succeeded: the pull home starts once, and the row reads completing meanwhile', () => {
  let entry = submittedEntry(record);
  assert.equal(entry.state, 'queued');
  assert.ok(needsPolling(entry));
  entry = afterPoll(entry, 'running', 1_005_000).entry;
  assert.equal(entry.state, 'running');
  const done = afterPoll(entry, 'succeeded', 1_065_000);
  assert.equal(done.collect, true);
  assert.equal(done.entry.collect, 'collecting');
  assert.equal(shownRunState(done.entry), 'completing');
  assert.equal(done.entry.finishedAt, 1_065_000);
  assert.equal(needsPolling(done.entry), false);
  // A later poll of the same succeeded run does not pull twice.
  assert.equal(afterPoll(done.entry, 'succeeded', 1_070_000).collect, false);
  const collected = afterCollect(done.entry, undefined);
  assert.equal(collected.collect, 'collected');
  assert.equal(shownRunState(collected), 'succeeded');
});

void test('a failed pull keeps the row with the message; a failed poll keeps the state', () => {
  const succeeded = afterPoll(submittedEntry(record), 'succeeded', 2_000_000).entry;
  const failed = afterCollect(succeeded, 'no experiment lr-0.2-42 on origin');
  assert.equal(failed.collect, 'failed');
  assert.match(failed.message ?? '', /Pulling the experiment failed: no experiment/);
  assert.match(remoteRunSummary(failed, 3_000_000), /succeeded, not pulled/);
  const polled = afterPollError(submittedEntry(record), 'ssh: connect refused');
  assert.equal(polled.state, 'queued');
  assert.equal(polled.message, 'ssh: connect refused');
  assert.equal(afterPoll(polled, 'running', 1).entry.message, undefined);
});

void test('failed and cancelled end the polling and never pull', () => {
  for (const state of ['failed', 'cancelled'] as const) {
    const next = afterPoll(submittedEntry(record), state, 5);
    assert.equal(next.collect, false);
    assert.equal(needsPolling(next.entry), false);
  }
});

void test('poll every 3 s while a run is active, backing off after failed rounds, never when none is', () => {
  const active = [submittedEntry(record)];
  assert.equal(remotePollDelay(active, 0), 3000);
  assert.equal(remotePollDelay(active, 2), 12_000);
  assert.equal(remotePollDelay(active, 9), 60_000);
  assert.equal(remotePollDelay([afterPoll(active[0]!, 'failed', 1).entry], 0), undefined);
  assert.equal(remotePollDelay([], 0), undefined);
});

void test('the row: target, job id, state words and elapsed time', () => {
  const now = record.submittedAt + 65_000;
  assert.equal(remoteRunSummary(submittedEntry(record), now), 'cluster · job 42 · pending 1:05');
  const failed = { ...afterPoll(submittedEntry(record), 'failed', now).entry, failedStep: 'pull' };
  assert.equal(remoteRunSummary(failed, now + 3_600_000), 'cluster · job 42 · failed at pull 1:05');
  const long = afterPoll(submittedEntry(record), 'running', 0).entry;
  assert.equal(remoteRunSummary(long, record.submittedAt + 3_723_000), 'cluster · job 42 · running 1:02:03');
});

void test('restored entries are checked: damaged ones are dropped', () => {
  const good = submittedEntry(record);
  assert.deepEqual(restoredRemoteRuns([good, { record: { id: 3 } }, 'x', null]), [good]);
  assert.deepEqual(restoredRemoteRuns(undefined), []);
  assert.deepEqual(restoredRemoteRuns([{ ...good, state: 'exploded' }]), []);
});
