import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeStagesSeparately } from '../../../src/repository/stageByStageStatus';

/** A fake `dvc status --json -- <targets>` that fails whenever a batch holds one of `failing`. */
function fakeStatus(failing: ReadonlySet<string>) {
  const calls: string[][] = [];
  const read = (targets: readonly string[]) => {
    calls.push([...targets]);
    if (targets.some((target) => failing.has(target)))
      return Promise.reject(new Error(`bad ${targets.join(' ')}`));
    return Promise.resolve(Object.fromEntries(targets.map((target) => [target, [`changed ${target}`]])));
  };
  return { read, calls };
}

void test('all stages in one call when that works', async () => {
  const { read, calls } = fakeStatus(new Set());
  const answer = await judgeStagesSeparately(['a', 'b', 'c'], read);
  assert.equal(calls.length, 1);
  assert.equal(answer.judged, 3);
  assert.deepEqual(Object.keys(answer.entries), ['a', 'b', 'c']);
  assert.equal(answer.failures.size, 0);
});

void test('one failing stage among eight is found by halving, in few calls', async () => {
  const stages = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
  const { read, calls } = fakeStatus(new Set(['s6']));
  const answer = await judgeStagesSeparately(stages, read);
  assert.deepEqual([...answer.failures.keys()], ['s6']);
  assert.equal(answer.judged, 7);
  assert.deepEqual(Object.keys(answer.entries).sort(), stages.filter((s) => s !== 's6').sort());
  assert.ok(calls.length <= 7, `${calls.length} calls`);
});

void test('a cancelled read is not bisected; a stage named __proto__ stays a key', async () => {
  const cancelled = new Error('cancelled');
  await assert.rejects(
    judgeStagesSeparately(
      ['a', 'b'],
      () => Promise.reject(cancelled),
      (error) => error === cancelled,
    ),
    cancelled,
  );
  const answer = await judgeStagesSeparately(['__proto__'], () =>
    Promise.resolve(JSON.parse('{"__proto__": ["x"]}')),
  );
  assert.deepEqual(Object.getOwnPropertyNames(answer.entries), ['__proto__']);
  assert.equal(Object.getPrototypeOf(answer.entries), Object.prototype);
});
