import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoalescedRead } from '../../../src/core/reads/coalescedRead';

/** A fake read whose answers the test releases one by one; it records what was asked and aborted. */
function fakeReads() {
  const asked: { question: number; signal: AbortSignal; answer: (value: string) => void }[] = [];
  const read = (question: number, signal: AbortSignal): Promise<string> =>
    new Promise((resolve) => asked.push({ question, signal, answer: resolve }));
  const reads = new CoalescedRead<number, string>(read, {
    merge: (a, b) => Math.max(a, b),
    covers: (have, want) => have >= want,
  });
  return { asked, reads };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

void test('asks during a running read wait for ONE follow-up read; the running one is never aborted', async () => {
  const { asked, reads } = fakeReads();
  const first = reads.ask(10);
  await tick();
  reads.invalidate();
  const second = reads.ask(10);
  const third = reads.ask(51);
  await tick();
  assert.equal(asked.length, 1, 'nothing starts beside the running read');
  asked[0]?.answer('first');
  assert.equal(await first, 'first');
  await tick();
  assert.equal(asked.length, 2, 'exactly one follow-up');
  assert.equal(asked[1]?.question, 51, 'the follow-up covers every ask merged');
  assert.equal(asked[0]?.signal.aborted, false);
  asked[1]?.answer('follow-up');
  assert.deepEqual(await Promise.all([second, third]), ['follow-up', 'follow-up']);
  assert.equal(reads.readCount, 2);
});

void test('an ask the running read covers, with nothing changed since it started, joins it', async () => {
  const { asked, reads } = fakeReads();
  const wide = reads.ask(51);
  const narrow = reads.ask(10);
  await tick();
  asked[0]?.answer('both');
  assert.deepEqual(await Promise.all([wide, narrow]), ['both', 'both']);
  assert.equal(reads.readCount, 1);
});

void test('a wider ask than the running read waits for a follow-up that asks for both', async () => {
  const { asked, reads } = fakeReads();
  void reads.ask(10);
  const wider = reads.ask(51);
  await tick();
  asked[0]?.answer('narrow');
  await tick();
  assert.equal(asked[1]?.question, 51);
  asked[1]?.answer('wide');
  assert.equal(await wider, 'wide');
});

void test('a failed read still starts the follow-up; disposal aborts the running read and drops the follow-up', async () => {
  const failing = new CoalescedRead<number, string>(
    (question) => (question === 1 ? Promise.reject(new Error('DVC failed')) : Promise.resolve('ok')),
    { merge: (a, b) => Math.max(a, b), covers: (have, want) => have >= want },
  );
  const broken = failing.ask(1);
  failing.invalidate();
  const next = failing.ask(1);
  await assert.rejects(broken, /DVC failed/);
  await assert.rejects(next, /DVC failed/, 'the follow-up asked 1 again and DVC failed again');
  assert.equal(failing.readCount, 2);

  const { asked, reads } = fakeReads();
  void reads.ask(1);
  reads.invalidate();
  const waiting = reads.ask(1);
  await tick();
  reads.dispose();
  assert.equal(asked[0]?.signal.aborted, true);
  await assert.rejects(waiting, /disposed/);
});

void test('a DVC write, its file events and the command refresh after it make exactly ONE read (issue 13)', async () => {
  // A scripted `dvc exp run`: the read asked during the write waits for it; the write's files (timed before
  // the read began) and the command's refresh (the write's end) are seen by that read: no follow-up.
  let clock = 1_000;
  let writeEnds!: () => void;
  const writing = new Promise<void>((resolve) => (writeEnds = resolve));
  const asked: { answer: (value: string) => void }[] = [];
  const reads = new CoalescedRead<number, string>(
    () => new Promise((resolve) => asked.push({ answer: resolve })),
    { merge: (a, b) => Math.max(a, b), covers: (have, want) => have >= want },
    {
      beforeRead: () => writing,
      now: () => clock,
      lastWriteEndedAt: () => (clock >= 3_000 ? 3_000 : undefined),
    },
  );
  // A file the run wrote early: the watcher's trigger asks while the run goes on.
  reads.noteChange(1_100);
  const duringRun = reads.ask(10);
  clock = 2_000;
  reads.noteChange(1_900);
  const moreDuringRun = reads.ask(10);
  await tick();
  assert.equal(asked.length, 0, 'no read while the write runs');
  // The run ends at 3_000; the read starts then.
  clock = 3_000;
  writeEnds();
  await tick();
  await tick();
  assert.equal(asked.length, 1);
  clock = 3_400;
  // The watcher tells late of files the run wrote before it ended, and the command refreshes.
  assert.equal(reads.noteChange(2_900), false, 'a file written before the read began is seen by it');
  assert.equal(reads.noteChange(3_000, 0), false, "the command's write ended as the read began");
  assert.equal(
    reads.noteChange(2_995),
    false,
    'a file the write wrote as it ended (within the slack) is seen',
  );
  const commandRefresh = reads.ask(10);
  asked[0]?.answer('after the run');
  assert.deepEqual(await Promise.all([duringRun, moreDuringRun, commandRefresh]), [
    'after the run',
    'after the run',
    'after the run',
  ]);
  await tick();
  assert.equal(reads.readCount, 1, 'one change, one read');
  // A change made after the read began still reads again.
  assert.equal(reads.noteChange(3_300), true);
  const later = reads.ask(10);
  await tick();
  assert.equal(asked.length, 2);
  asked[1]?.answer('later');
  assert.equal(await later, 'later');
});
