import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { linkAbortSignals } from '../../../src/cli/linkedAbortSignal';

void test('the linked signal aborts when any source does, with its reason', () => {
  const call = new AbortController();
  const lifetime = new AbortController();
  const link = linkAbortSignals([call.signal, lifetime.signal]);
  assert.equal(link.signal.aborted, false);
  lifetime.abort('extension ends');
  assert.equal(link.signal.aborted, true);
  assert.equal(link.signal.reason, 'extension ends');
  assert.equal(getEventListeners(call.signal, 'abort').length, 0, 'the other source is let go once aborted');
});

void test('a source already aborted aborts the link at once', () => {
  const done = new AbortController();
  done.abort('gone');
  const link = linkAbortSignals([new AbortController().signal, done.signal]);
  assert.equal(link.signal.aborted, true);
  assert.equal(link.signal.reason, 'gone');
});

void test('release leaves nothing on the sources: thousands of calls on one long-lived signal keep nothing', () => {
  const lifetime = new AbortController();
  for (let call = 0; call < 5000; call++) {
    const link = linkAbortSignals([new AbortController().signal, lifetime.signal]);
    link.release();
  }
  assert.equal(getEventListeners(lifetime.signal, 'abort').length, 0);
  // After release the link no longer follows its sources.
  const caller = new AbortController();
  const link = linkAbortSignals([caller.signal, lifetime.signal]);
  link.release();
  caller.abort();
  assert.equal(link.signal.aborted, false);
});
