import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { ProcessError, isCancellation } from '../../../src/cli/processError';
import { RepositoryScheduler, type LaneState } from '../../../src/cli/repositoryScheduler';
import type { CommandRunner, ProcessRequest, ProcessResult, RunOptions } from '../../../src/cli/runner';

/** A runner whose processes end when the test says so, and die (cancelled) when their signal fires. */
class FakeRunner implements CommandRunner {
  readonly calls: Array<{
    request: ProcessRequest;
    options: RunOptions;
    finish: (stdout?: string) => void;
    fail: (stderr: string) => void;
  }> = [];

  run(request: ProcessRequest, options: RunOptions = {}): Promise<ProcessResult> {
    return new Promise<ProcessResult>((resolve, reject) => {
      const details = {
        commandLine: [request.file, ...request.args].join(' '),
        cwd: request.cwd,
        signal: undefined,
        stdout: '',
        durationMs: 1,
      };
      const abort = (): void =>
        reject(new ProcessError({ ...details, reason: 'cancelled', exitCode: undefined, stderr: '' }));
      if (options.signal?.aborted) return abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      this.calls.push({
        request,
        options,
        finish: (stdout = `${request.args.join(' ')} done`) =>
          resolve({ stdout, stderr: '', exitCode: 0, durationMs: 1, commandLine: details.commandLine }),
        fail: (stderr) => reject(new ProcessError({ ...details, reason: 'exit', exitCode: 1, stderr })),
      });
    });
  }

  call(index: number): FakeRunner['calls'][number] {
    const call = this.calls[index];
    assert.ok(call, `process ${index} was started`);
    return call;
  }
}

const request = (...args: string[]): { file: string; args: string[] } => ({ file: 'dvc', args });
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const rejectsCancelled = (promise: Promise<unknown>): Promise<void> =>
  assert.rejects(promise, (error) => isCancellation(error));

void test('identical reads in flight share one process and one answer', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const reads = [
    scheduler.read(request('status', '--json')),
    scheduler.read(request('status', '--json')),
    scheduler.read(request('status', '--json')),
  ];
  await settle();
  assert.equal(runner.calls.length, 1);
  assert.equal(runner.call(0).request.cwd, '/repo');
  runner.call(0).finish('{}');
  for (const result of await Promise.all(reads)) assert.equal(result.stdout, '{}');
  // Finished reads are not cached: the next read asks DVC again.
  const again = scheduler.read(request('status', '--json'));
  await settle();
  assert.equal(runner.calls.length, 2);
  runner.call(1).finish();
  await again;
});

void test('reads with different arguments or folders run separately', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const a = scheduler.read(request('exp', 'show', '--json'));
  const b = scheduler.read(request('exp', 'show', '--json', '-n', '5'));
  const c = scheduler.read({ ...request('exp', 'show', '--json'), cwd: '/repo/sub' });
  await settle();
  assert.equal(runner.calls.length, 3);
  for (const call of runner.calls) call.finish();
  await Promise.all([a, b, c]);
});

void test('a newer read of the same slot cancels the older one; the same read joins it', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const older = scheduler.read(request('exp', 'show', '--json', '-n', '1'), { slot: 'experiments' });
  const joined = scheduler.read(request('exp', 'show', '--json', '-n', '1'), { slot: 'experiments' });
  await settle();
  assert.equal(runner.calls.length, 1);
  const newer = scheduler.read(request('exp', 'show', '--json', '-n', '2'), { slot: 'experiments' });
  await rejectsCancelled(older);
  await rejectsCancelled(joined);
  assert.equal(runner.call(0).options.signal?.aborted, true, 'the older process is killed');
  runner.call(1).finish('newest');
  assert.equal((await newer).stdout, 'newest');
  // Another slot is unaffected.
  const other = scheduler.read(request('exp', 'show', '--json', '-n', '3'), { slot: 'other' });
  const stillOther = scheduler.read(request('exp', 'show', '--json', '-n', '4'), { slot: 'experiments' });
  await settle();
  assert.equal(runner.call(2).options.signal?.aborted, false);
  runner.call(2).finish();
  runner.call(3).finish();
  await Promise.all([other, stillOther]);
});

void test('a caller that gives up stops waiting; the process dies only when nobody waits any more', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const first = new AbortController();
  const second = new AbortController();
  const a = scheduler.read(request('data', 'status', '--json'), { signal: first.signal });
  const b = scheduler.read(request('data', 'status', '--json'), { signal: second.signal });
  const c = scheduler.read(request('data', 'status', '--json'));
  await settle();
  first.abort();
  await rejectsCancelled(a);
  assert.equal(runner.call(0).options.signal?.aborted, false);
  runner.call(0).finish('ok');
  assert.equal((await b).stdout, 'ok');
  assert.equal((await c).stdout, 'ok');

  const lonely = new AbortController();
  const d = scheduler.read(request('data', 'status', '--json'), { signal: lonely.signal });
  await settle();
  lonely.abort();
  await rejectsCancelled(d);
  assert.equal(runner.call(1).options.signal?.aborted, true, 'nobody waits: killed');
  // A new identical read after the abandonment starts a fresh process instead of joining the dying one.
  const e = scheduler.read(request('data', 'status', '--json'));
  await settle();
  assert.equal(runner.calls.length, 3);
  runner.call(2).finish();
  await e;
});

void test('an already aborted signal fails at once without starting anything', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  await rejectsCancelled(scheduler.read(request('status'), { signal: AbortSignal.abort() }));
  await rejectsCancelled(scheduler.write(request('add', 'x'), { signal: AbortSignal.abort() }));
  assert.equal(runner.calls.length, 0);
});

void test('writes run one at a time, first in first out, and the queue is observable', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const states: LaneState[] = [];
  const subscription = scheduler.onDidChangeQueue((state) => states.push(state));
  const writes = ['a', 'b', 'c'].map((name) =>
    scheduler.write(request('add', name), { label: `Track ${name}` }),
  );
  await settle();
  assert.equal(runner.calls.length, 1);
  assert.deepEqual(scheduler.queueState.running?.label, 'Track a');
  assert.deepEqual(
    scheduler.queueState.queued.map((command) => command.label),
    ['Track b', 'Track c'],
  );
  assert.equal(scheduler.queueState.queued[0]?.kind, 'write');
  assert.equal(scheduler.queueState.queued[0]?.commandLine, 'dvc add b');
  runner.call(0).fail('ERROR: boom');
  await assert.rejects(writes[0]!, /boom/);
  await settle();
  assert.equal(runner.calls.length, 2, 'a failed write does not stall the lane');
  assert.deepEqual(runner.call(1).request.args, ['add', 'b']);
  runner.call(1).finish();
  await settle();
  runner.call(2).finish();
  await Promise.all(writes.slice(1));
  assert.equal(scheduler.queueState.running, undefined);
  assert.equal(scheduler.queueState.queued.length, 0);
  assert.ok(states.some((state) => state.queued.length === 2));
  assert.equal(states.at(-1)?.running, undefined);
  subscription.dispose();
});

void test('a write cancelled while it waits never starts; a running write gets the signal', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const running = new AbortController();
  const queued = new AbortController();
  const first = scheduler.write(request('repro'), { signal: running.signal });
  const second = scheduler.write(request('push'), { signal: queued.signal });
  const third = scheduler.write(request('add', 'z'));
  await settle();
  queued.abort();
  await rejectsCancelled(second);
  assert.deepEqual(
    scheduler.queueState.queued.map((command) => command.commandLine),
    ['dvc add z'],
  );
  running.abort();
  await rejectsCancelled(first);
  await settle();
  assert.equal(runner.calls.length, 2);
  assert.deepEqual(runner.call(1).request.args, ['add', 'z'], 'push never started');
  runner.call(1).finish();
  await third;
});

void test('reads that take the repository lock wait for writes; other reads do not', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const write = scheduler.write(request('repro'));
  const lockingRead = scheduler.read(request('status', '--json'), { takesRepositoryLock: true });
  const freeRead = scheduler.read(request('stage', 'list', '--all'));
  await settle();
  assert.deepEqual(
    runner.calls.map((call) => call.request.args[0]),
    ['repro', 'stage'],
  );
  assert.equal(scheduler.queueState.queued[0]?.kind, 'lockingRead');
  runner.call(1).finish();
  await freeRead;
  runner.call(0).finish();
  await write;
  await settle();
  assert.deepEqual(runner.call(2).request.args, ['status', '--json']);
  // A write arriving now waits for the locking read.
  const laterWrite = scheduler.write(request('add', 'x'));
  await settle();
  assert.equal(runner.calls.length, 3);
  runner.call(2).finish();
  await lockingRead;
  await settle();
  runner.call(3).finish();
  await laterWrite;
});

void test('a queued locking read superseded by a newer one never starts', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const write = scheduler.write(request('repro'));
  const older = scheduler.read(request('status', 'a'), { takesRepositoryLock: true, slot: 'status' });
  const newer = scheduler.read(request('status', 'b'), { takesRepositoryLock: true, slot: 'status' });
  await rejectsCancelled(older);
  runner.call(0).finish();
  await write;
  await settle();
  assert.equal(runner.calls.length, 2);
  assert.deepEqual(runner.call(1).request.args, ['status', 'b']);
  runner.call(1).finish();
  await newer;
});

void test('dispose cancels what runs and what waits, and refuses new calls', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const write = scheduler.write(request('repro'));
  const queued = scheduler.write(request('push'));
  const read = scheduler.read(request('exp', 'show'));
  await settle();
  scheduler.dispose();
  await Promise.all([rejectsCancelled(write), rejectsCancelled(queued), rejectsCancelled(read)]);
  await rejectsCancelled(scheduler.read(request('exp', 'show')));
  assert.equal(runner.calls.length, 2, 'push never started');
});

void test('a running locking read superseded by a newer one is not killed: it ends, then the newer runs', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const older = scheduler.read(request('status', 'a'), { takesRepositoryLock: true, slot: 'status' });
  const olderRejected = rejectsCancelled(older);
  await settle();
  assert.equal(runner.calls.length, 1, 'the older status runs');
  const newer = scheduler.read(request('status', 'b'), { takesRepositoryLock: true, slot: 'status' });
  await settle();
  // Killing `dvc status` mid-run can truncate .dvc/tmp/rwlock: it keeps running, and nobody waits for it.
  assert.equal(runner.call(0).options.signal?.aborted, false);
  assert.equal(runner.calls.length, 1, 'the newer waits in the lane');
  runner.call(0).finish();
  await settle();
  assert.deepEqual(runner.call(1).request.args, ['status', 'b']);
  runner.call(1).finish();
  assert.equal((await newer).stdout, 'status b done');
  await olderRejected;
});

void test("a write or read that ended leaves no listener on the caller's signal; dispose still cancels", async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  const caller = new AbortController();
  const write = scheduler.write(request('push'), { signal: caller.signal });
  const read = scheduler.read(request('data', 'status'), { signal: caller.signal });
  await settle();
  runner.call(0).finish();
  runner.call(1).finish();
  await Promise.all([write, read]);
  assert.equal(getEventListeners(caller.signal, 'abort').length, 0);

  // The link to the scheduler's end is still there while a call runs.
  const running = scheduler.read(request('exp', 'show'), { signal: caller.signal });
  await settle();
  scheduler.dispose();
  await rejectsCancelled(running);
  assert.equal(runner.call(2).options.signal?.aborted, true, 'the process was told to stop');
  assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
});

void test('whenWritesIdle waits for the writes running and queued (not for a locking read), at most its limit', async () => {
  const runner = new FakeRunner();
  const scheduler = new RepositoryScheduler('/repo', runner);
  assert.equal(scheduler.lastWriteEndedAt, undefined);
  let idle = false;
  await scheduler.whenWritesIdle(10_000);
  const status = scheduler.read(request('status', '--json'), { takesRepositoryLock: true });
  await settle();
  await scheduler.whenWritesIdle(10_000); // a lock-taking read is no write: nothing to wait for
  const run = scheduler.write(request('exp', 'run'));
  void scheduler.whenWritesIdle(10_000).then(() => (idle = true));
  runner.call(0).finish('{}');
  await status;
  await settle();
  assert.equal(idle, false, 'the queued write still comes');
  const before = Date.now();
  runner.call(1).finish();
  await run;
  await settle();
  assert.equal(idle, true, 'idle once the write ended');
  assert.ok((scheduler.lastWriteEndedAt ?? 0) >= before);
  const long = scheduler.write(request('push'));
  await settle();
  const started = Date.now();
  await scheduler.whenWritesIdle(30);
  assert.ok(Date.now() - started < 5_000, 'the limit ends the wait');
  runner.call(2).finish();
  await long;
});
