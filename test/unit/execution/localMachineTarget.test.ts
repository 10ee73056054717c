/**
 * This machine as a compute target is plumbing onto the repository's ExperimentsService: each request becomes
 * the same service call the commands made before the seam (the real DVC path: test/integration/experiments).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutputListener } from '../../../src/cli/dvcCli';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import {
  experimentRunRequest,
  LocalMachineTarget,
  type RepositoryExperimentsAccess,
  type SubmitContext,
} from '../../../src/execution';
import { EXPERIMENTS_READ_SLOT } from '../../../src/experiments/experimentsService';
import { expShowFixture } from '../experiments/expShowFixtures';

interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** A service that records its calls, prints `lines` on the write it is asked for and answers `show` from a fixture. */
function fakeExperiments(
  options: { lines?: readonly string[]; fixture?: string; gridCount?: number; fail?: Error } = {},
): { experiments: RepositoryExperimentsAccess; calls: Call[] } {
  const calls: Call[] = [];
  const result = { stdout: '', stderr: '', exitCode: 0, durationMs: 1, commandLine: 'dvc' };
  const write = (
    method: string,
    args: readonly unknown[],
    onOutput: OutputListener | undefined,
  ): Promise<typeof result> => {
    calls.push({ method, args });
    for (const line of options.lines ?? []) onOutput?.(line, 'stdout');
    return options.fail ? Promise.reject(options.fail) : Promise.resolve(result);
  };
  const experiments: RepositoryExperimentsAccess = {
    root: '/repo',
    run: (overrides, runOptions = {}) => write('run', [overrides, runOptions], runOptions.onOutput),
    queue: (overrides, runOptions = {}) => write('queue', [overrides, runOptions], runOptions.onOutput),
    queueGrid: async (sweeps, fixed = [], runOptions = {}) => {
      await write('queueGrid', [sweeps, fixed, runOptions], runOptions.onOutput);
      return options.gridCount ?? 0;
    },
    show: (query, showOptions) => {
      calls.push({ method: 'show', args: [query, showOptions] });
      return Promise.resolve(parseExpShow(expShowFixture(options.fixture ?? 'queued.json')));
    },
    kill: (names) => write('kill', [names], undefined),
    remove: (names) => write('remove', [names], undefined),
    logs: (name) => {
      calls.push({ method: 'logs', args: [name] });
      return Promise.resolve(`log of ${name}`);
    },
    followLogsCommand: (name) => ({ file: 'dvc', args: ['queue', 'logs', '--follow', name], env: {} }),
    pull: () => Promise.reject(new Error('a local run has nothing to pull')),
    remoteRunSource: () => Promise.reject(new Error('a local run has no remote source')),
  };
  return { experiments, calls };
}

const lr = { file: 'params.yaml', key: 'train.learning_rate', value: '0.05' };
const signal = new AbortController().signal;

function contextOf(experiments: RepositoryExperimentsAccess, seen: string[] = []): SubmitContext {
  return { experiments, signal, onOutput: (line) => seen.push(line) };
}

void test('run now is dvc exp run with the overrides, name, signal and output; the run has succeeded', async () => {
  const { experiments, calls } = fakeExperiments({ lines: ['training…', '', 'Ran experiment(s): rate-05'] });
  const seen: string[] = [];
  const submission = await new LocalMachineTarget().submit(
    experimentRunRequest('now', [lr], 'rate-05'),
    contextOf(experiments, seen),
  );
  assert.deepEqual(
    calls.map((call) => call.method),
    ['run'],
  );
  const [overrides, runOptions] = calls[0]?.args ?? [];
  assert.deepEqual(overrides, [lr]);
  assert.equal((runOptions as { name?: string }).name, 'rate-05');
  assert.equal((runOptions as { signal?: AbortSignal }).signal, signal);
  assert.deepEqual(seen, ['training…', '', 'Ran experiment(s): rate-05'], "DVC's output reaches the caller");
  const [run] = submission.runs;
  assert.equal(submission.runs.length, 1);
  assert.equal(run?.experiment, 'rate-05');
  assert.equal(await run?.state(), 'succeeded');
  assert.match((await run?.log.read()) ?? '', /training…/);
  await run?.cancel();
  await run?.collect();
  assert.equal(calls.length, 1, 'a finished local run needs no further call');
});

void test('run now without a name learns the name DVC chose from its output', async () => {
  const { experiments, calls } = fakeExperiments({ lines: ['Ran experiment(s): tuned-hows'] });
  const submission = await new LocalMachineTarget().submit(
    experimentRunRequest('now', [lr], ''),
    contextOf(experiments),
  );
  assert.equal((calls[0]?.args[1] as { name?: string }).name, undefined);
  assert.equal(submission.runs[0]?.experiment, 'tuned-hows');
});

void test('a failed run rejects the submission with DVC’s error', async () => {
  const { experiments } = fakeExperiments({ fail: new Error('Experiment run failed') });
  await assert.rejects(
    new LocalMachineTarget().submit(experimentRunRequest('now', [lr]), contextOf(experiments)),
    /Experiment run failed/,
  );
});

void test('queue is dvc exp run --queue with the overrides and name: one queued run', async () => {
  const { experiments, calls } = fakeExperiments({
    lines: ["Queued experiment 'slow' for future execution."],
  });
  const submission = await new LocalMachineTarget().submit(
    experimentRunRequest('queue', [lr], 'slow'),
    contextOf(experiments),
  );
  assert.deepEqual(
    calls.map((call) => call.method),
    ['queue'],
  );
  assert.deepEqual(calls[0]?.args[0], [lr]);
  assert.equal((calls[0]?.args[1] as { name?: string }).name, 'slow');
  assert.deepEqual(
    submission.runs.map((run) => run.id),
    ['slow'],
  );
});

void test('a grid is one queueGrid call; one run per queued experiment, named as DVC printed them', async () => {
  const { experiments, calls } = fakeExperiments({
    gridCount: 2,
    lines: [
      "Queued experiment 'grid-1' for future execution.",
      "Queued experiment 'grid-2' for future execution.",
    ],
  });
  const epochs = { file: 'params.yaml', key: 'train.epochs', value: '20' };
  const submission = await new LocalMachineTarget().submit(
    experimentRunRequest('queue', [{ ...lr, value: '0.1, 0.2' }, epochs], 'grid'),
    contextOf(experiments),
  );
  assert.deepEqual(
    calls.map((call) => call.method),
    ['queueGrid'],
  );
  const [sweeps, fixed, runOptions] = calls[0]?.args ?? [];
  assert.deepEqual(sweeps, [{ file: 'params.yaml', key: 'train.learning_rate', values: ['0.1', '0.2'] }]);
  assert.deepEqual(fixed, [epochs]);
  assert.equal((runOptions as { name?: string }).name, 'grid');
  assert.deepEqual(
    submission.runs.map((run) => run.experiment),
    ['grid-1', 'grid-2'],
  );
});

void test('a queued run: its state comes from exp show over every commit, in a slot of its own', async () => {
  const { experiments, calls } = fakeExperiments({
    lines: ["Queued experiment 'slow' for future execution."],
    fixture: 'running.json',
  });
  const [run] = (
    await new LocalMachineTarget().submit(experimentRunRequest('queue', [lr], 'slow'), contextOf(experiments))
  ).runs;
  assert.equal(await run?.state(), 'running');
  const [query, showOptions] = calls.at(-1)?.args ?? [];
  assert.deepEqual(query, { allCommits: true });
  assert.notEqual((showOptions as { slot?: string }).slot, EXPERIMENTS_READ_SLOT);
});

void test('cancel kills a running queued run and removes one still waiting; a finished one is left', async () => {
  const cancelIn = async (fixture: string, name: string): Promise<string[]> => {
    const { experiments, calls } = fakeExperiments({
      lines: [`Queued experiment '${name}' for future execution.`],
      fixture,
    });
    const [run] = (
      await new LocalMachineTarget().submit(experimentRunRequest('queue', [lr], name), contextOf(experiments))
    ).runs;
    await run?.cancel();
    return calls.slice(1).map((call) => `${call.method} ${JSON.stringify(call.args[0])}`);
  };
  assert.deepEqual(await cancelIn('running.json', 'slow'), ['show {"allCommits":true}', 'kill ["slow"]']);
  assert.deepEqual(await cancelIn('queued.json', 'slow'), ['show {"allCommits":true}', 'remove ["slow"]']);
  assert.deepEqual(await cancelIn('finished.json', 'slow'), ['show {"allCommits":true}']);
});

void test("a queued run's log is dvc queue logs, read or followed", async () => {
  const { experiments } = fakeExperiments({ lines: ["Queued experiment 'slow' for future execution."] });
  const [run] = (
    await new LocalMachineTarget().submit(experimentRunRequest('queue', [lr], 'slow'), contextOf(experiments))
  ).runs;
  assert.equal(await run?.log.read(), 'log of slow');
  assert.deepEqual(run?.log.followCommand()?.args, ['queue', 'logs', '--follow', 'slow']);
});
