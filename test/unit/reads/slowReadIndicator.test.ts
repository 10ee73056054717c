import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SLOW_READ_MS, SlowReadIndicator } from '../../../src/core/reads/slowReadIndicator';

/** An indicator on node's fake timers, recording when progress is shown and hidden. */
function indicator(): { indicator: SlowReadIndicator; events: string[] } {
  const events: string[] = [];
  const made = new SlowReadIndicator(() => {
    events.push('show');
    return () => events.push('hide');
  });
  return { indicator: made, events };
}

void test('a read quicker than 2 s shows nothing', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { indicator: reads, events } = indicator();
  reads.set(true);
  t.mock.timers.tick(SLOW_READ_MS - 1);
  reads.set(false);
  t.mock.timers.tick(10 * SLOW_READ_MS);
  assert.deepEqual(events, []);
  assert.equal(reads.showing, false);
});

void test('a read slower than 2 s shows progress at 2 s and hides it when the read ends', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { indicator: reads, events } = indicator();
  reads.set(true);
  t.mock.timers.tick(SLOW_READ_MS - 1);
  assert.deepEqual(events, []);
  t.mock.timers.tick(1);
  assert.deepEqual(events, ['show']);
  assert.equal(reads.showing, true);
  // Repeated "still busy" changes (rows arriving, a second read queued) neither restart nor duplicate it.
  reads.set(true);
  t.mock.timers.tick(5 * SLOW_READ_MS);
  assert.deepEqual(events, ['show']);
  reads.set(false);
  assert.deepEqual(events, ['show', 'hide']);
  assert.equal(reads.showing, false);
});

void test('each busy spell is timed from its own start', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { indicator: reads, events } = indicator();
  reads.set(true);
  t.mock.timers.tick(1500);
  reads.set(false);
  reads.set(true);
  t.mock.timers.tick(1500);
  assert.deepEqual(events, [], 'two quick reads are not one slow one');
  t.mock.timers.tick(500);
  assert.deepEqual(events, ['show']);
});

void test('dispose hides progress shown and stops a clock running', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const shown = indicator();
  shown.indicator.set(true);
  t.mock.timers.tick(SLOW_READ_MS);
  shown.indicator.dispose();
  assert.deepEqual(shown.events, ['show', 'hide']);
  const pending = indicator();
  pending.indicator.set(true);
  pending.indicator.dispose();
  t.mock.timers.tick(10 * SLOW_READ_MS);
  assert.deepEqual(pending.events, []);
});

void test('the delay is 2 s', () => {
  assert.equal(SLOW_READ_MS, 2000);
});
