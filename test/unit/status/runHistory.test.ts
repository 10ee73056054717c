import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outcomeText, pipelineRuns, timelineBars, timelineText } from '../../../src/core/status/runHistory';
import type { StageRunRecord } from '../../../src/core/status/stageStatus';

function record(
  stage: string,
  startedAt: string,
  durationMs: number,
  logFile: string,
  outcome: StageRunRecord['outcome'] = 'succeeded',
  exitCode?: number,
): StageRunRecord {
  return { stage, startedAt, durationMs, outcome, logFile, ...(exitCode === undefined ? {} : { exitCode }) };
}

// Two runs: the first ran prepare then train (train failed); the second only prepare.
const first = '/logs/run-1.log';
const second = '/logs/run-2.log';
const history = new Map<string, StageRunRecord[]>([
  [
    'prepare',
    [
      record('prepare', '2026-12-07T10:05:00.000Z', 2000, second),
      record('prepare', '2026-12-07T09:00:00.000Z', 4000, first),
    ],
  ],
  ['train', [record('train', '2026-12-07T09:00:05.000Z', 5000, first, 'failed', 2)]],
]);

void test('records are grouped by the log file their run shared, newest run first, stages in start order', () => {
  const runs = pipelineRuns(history);
  assert.deepEqual(
    runs.map((run) => run.logFile),
    [second, first],
  );
  const older = runs[1];
  assert.deepEqual(
    older?.stages.map((stage) => stage.stage),
    ['prepare', 'train'],
  );
  assert.equal(older?.startedAt, '2026-12-07T09:00:00.000Z');
  assert.equal(older?.durationMs, 10_000, 'from the first start to the last end');
  assert.equal(older?.outcome, 'failed');
  assert.equal(runs[0]?.outcome, 'succeeded');
});

void test('a cancelled stage makes the run cancelled unless one failed', () => {
  const runs = pipelineRuns(
    new Map([['a', [record('a', '2026-12-07T09:00:00.000Z', 10, 'x', 'cancelled')]]]),
  );
  assert.equal(runs[0]?.outcome, 'cancelled');
});

void test('the timeline puts each stage where it ran within the run', () => {
  const older = pipelineRuns(history)[1];
  assert.ok(older);
  const bars = timelineBars(older);
  assert.deepEqual(
    bars.map((bar) => [bar.record.stage, bar.offset, bar.width]),
    [
      ['prepare', 0, 0.4],
      ['train', 0.5, 0.5],
    ],
  );
  assert.equal(timelineText(bars[0]!, 10), '████······');
  assert.equal(timelineText(bars[1]!, 10), '·····█████');
});

void test('a stage too short to measure still gets one block, and a zero-length run fills the bar', () => {
  const run = pipelineRuns(new Map([['a', [record('a', '2026-12-07T09:00:00.000Z', 0, 'x')]]]))[0];
  assert.ok(run);
  const [bar] = timelineBars(run);
  assert.deepEqual([bar?.offset, bar?.width], [0, 1]);
  assert.equal(timelineText({ record: run.stages[0]!, offset: 0.99, width: 0 }, 10), '·········█');
});

void test('the outcome names the exit code of a failure', () => {
  assert.equal(outcomeText({ outcome: 'failed', exitCode: 2 }), 'failed (exit code 2)');
  assert.equal(outcomeText({ outcome: 'succeeded', exitCode: 0 }), 'succeeded');
});
