/**
 * Running stages with ReproService against the pinned DVC in demo copies: the right stages run, states and
 * history say what happened, a cancel leaves no process behind, and two runs queue in the repository's lane.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { isProcessError } from '../../src/cli/processError';
import type { StageRunState } from '../../src/core/status/stageStatus';
import { StageRunHistory } from '../../src/pipeline/run/stageRunHistory';
import { addStage, dvc } from '../helpers/dvcEnvironment';
import { runningOf, treeOfAtLeast, waitFor } from './cliFixtures';
import { demoService, ran, withDemo } from './reproFixture';

async function setEpochs(dir: string, epochs: number): Promise<void> {
  const file = join(dir, 'params.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/epochs: \d+/, `epochs: ${epochs}`));
}

void test('-s train runs only train; --downstream from train runs train and evaluate', () =>
  withDemo(async (dir, storage) => {
    const service = await demoService(dir, storage);
    await setEpochs(dir, 12);
    const single = await service.run({ targets: ['train'], mode: 'single' });
    assert.equal(single.outcome, 'succeeded');
    assert.deepEqual(ran(single.events), ['train']);
    assert.deepEqual(
      single.records.map((record) => [record.stage, record.outcome, record.exitCode]),
      [['train', 'succeeded', 0]],
    );
    assert.equal(service.history.lastRun('train')?.outcome, 'succeeded');
    assert.equal(service.history.lastRun('evaluate'), undefined);

    await setEpochs(dir, 13);
    const downstream = await service.run({ targets: ['train'], mode: 'downstream' });
    assert.deepEqual(ran(downstream.events), ['train', 'evaluate']);
    assert.equal(service.history.runs('train').length, 2);
    assert.match(await readFile(downstream.logFile, 'utf8'), /Running stage 'evaluate'/);
  }));

void test('cancelling a long stage rejects as cancelled, kills the tree, records cancelled; dvc works after', () =>
  withDemo(async (dir, storage) => {
    await addStage(
      dir,
      'slow',
      ['-o', 'slow.txt'],
      `sh -c 'sleep 60 & sleep 61 & wait' && echo done > slow.txt`,
    );
    const service = await demoService(dir, storage);
    const controller = new AbortController();
    const states: [string, StageRunState | undefined][] = [];
    let pid = 0;
    const run = service
      .run(
        { targets: ['slow'], mode: 'single' },
        {
          signal: controller.signal,
          expectedStages: ['slow'],
          listener: {
            onStageState: (stage, state) => states.push([stage, state]),
            onSpawn: (spawned) => (pid = spawned),
          },
        },
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    await waitFor(
      () => Promise.resolve(states.some(([, state]) => state === 'running') ? true : undefined),
      'slow runs',
    );
    // DVC's python → the stage's shell → sh → two sleeps.
    const tree = await treeOfAtLeast(() => pid, 5);
    controller.abort();
    const error = await run;

    assert.ok(isProcessError(error, 'cancelled'), String(error));
    assert.deepEqual(await runningOf(tree), [], 'no process of the repro tree survives');
    assert.deepEqual(states.at(-1), ['slow', undefined]);
    const record = service.history.lastRun('slow');
    assert.equal(record?.outcome, 'cancelled');
    assert.equal(record?.exitCode, undefined);
    assert.match(await dvc(dir, ['status']), /slow/);
  }));

void test('a failing stage: outcome failed, exit code, duration and its output in the log file', () =>
  withDemo(async (dir, storage) => {
    await addStage(dir, 'broken', ['-d', 'metrics.json'], 'echo about to fail && exit 3');
    const service = await demoService(dir, storage);
    const result = await service.run({ targets: ['broken'], mode: 'withUpstream' });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.failedStage, 'broken');
    assert.equal(result.exitCode, 255);
    const record = service.history.lastRun('broken');
    assert.equal(record?.outcome, 'failed');
    assert.equal(record?.exitCode, 3);
    assert.ok(record !== undefined && record.durationMs > 0 && Number.isFinite(Date.parse(record.startedAt)));
    assert.equal(record?.logFile, result.logFile);
    const log = await readFile(record.logFile, 'utf8');
    assert.match(log, /about to fail/);
    assert.match(log, /ERROR: failed to reproduce 'broken'/);

    const reloaded = StageRunHistory.forRoot(storage, dir);
    await reloaded.load();
    assert.deepEqual(reloaded.lastRun('broken'), record);
  }));

void test('a run started while another runs: the second waits in the lane (queued), then both succeed', () =>
  withDemo(async (dir, storage) => {
    const service = await demoService(dir, storage);
    // A first run of a few seconds, so the second one certainly arrives while it runs.
    await setEpochs(dir, 400);
    const secondStates: (StageRunState | undefined)[] = [];
    const secondPositions: number[] = [];
    // The second run starts once the first one's DVC process runs, so it must wait in the lane behind it
    // (both runs do asynchronous set-up first, so starting them in the same tick does not fix the order).
    let firstStarted!: () => void;
    const firstRunning = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = service.run(
      { targets: ['train'], mode: 'single', force: true },
      { expectedStages: ['train'], listener: { onSpawn: () => firstStarted() } },
    );
    await firstRunning;
    const second = service.run(
      { targets: ['evaluate'], mode: 'single', force: true },
      {
        expectedStages: ['evaluate'],
        listener: {
          onStageState: (_stage, state) => secondStates.push(state),
          onQueuePosition: (ahead) => secondPositions.push(ahead),
        },
      },
    );
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.outcome, 'succeeded');
    assert.equal(b.outcome, 'succeeded');
    assert.deepEqual(secondStates, ['queued', 'running', 'succeeded']);
    assert.equal(secondPositions[0], 1, 'the second run waited behind the first');
    assert.equal(secondPositions.at(-1), 0);
    const train = a.records[0]!;
    const evaluate = b.records[0]!;
    assert.ok(Date.parse(evaluate.startedAt) >= Date.parse(train.startedAt) + train.durationMs - 5);
  }));
