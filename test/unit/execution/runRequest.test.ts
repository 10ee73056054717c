/** The request every compute target receives, the names read from DVC's output, and run states from exp show. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { experimentNamesInOutput, experimentRunRequest } from '../../../src/core/execution/runRequest';
import { experimentRunState, isFinishedRunState } from '../../../src/core/execution/runState';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { expShowFixture } from '../experiments/expShowFixtures';

const rate = { file: 'params.yaml', key: 'train.lr', value: '0.1, 0.2' };
const epochs = { file: 'params.yaml', key: 'train.epochs', value: '20' };

void test('queueing turns comma-separated values into sweeps and keeps single values fixed', () => {
  assert.deepEqual(experimentRunRequest('queue', [rate, epochs], 'grid'), {
    mode: 'queue',
    name: 'grid',
    overrides: [epochs],
    sweeps: [{ file: 'params.yaml', key: 'train.lr', values: ['0.1', '0.2'] }],
  });
});

void test('running now passes every value as typed, and an empty name lets DVC choose', () => {
  assert.deepEqual(experimentRunRequest('now', [rate, epochs], ''), {
    mode: 'now',
    name: undefined,
    overrides: [rate, epochs],
    sweeps: [],
  });
});

void test("DVC's queue and run lines name the experiments; other lines name none", () => {
  assert.deepEqual(experimentNamesInOutput("Queued experiment 'lr-small' for future execution."), [
    'lr-small',
  ]);
  assert.deepEqual(experimentNamesInOutput('Ran experiment(s): rate-05, rate-20'), ['rate-05', 'rate-20']);
  assert.deepEqual(
    experimentNamesInOutput("Queueing with overrides '{'params.yaml': ['train.lr=0.1']}'."),
    [],
  );
  assert.deepEqual(experimentNamesInOutput('epoch 3: accuracy 0.91'), []);
});

void test('run states from recorded exp show answers: queued, running, then finished', () => {
  const queued = parseExpShow(expShowFixture('queued.json'));
  const running = parseExpShow(expShowFixture('running.json'));
  const finished = parseExpShow(expShowFixture('finished.json'));
  assert.equal(experimentRunState(queued, 'slow'), 'queued');
  assert.equal(experimentRunState(running, 'slow'), 'running');
  assert.equal(experimentRunState(running, 'fails'), 'failed');
  assert.equal(experimentRunState(finished, 'slow'), 'succeeded');
  // The short rev DVC prints for an unnamed queued run keeps finding it after the run (its task id).
  assert.equal(experimentRunState(finished, 'aca1832'), 'succeeded');
  // Gone from the answer: taken out of the queue.
  assert.equal(experimentRunState(finished, 'never-queued'), 'cancelled');
});

void test('only the three ends are finished states', () => {
  assert.deepEqual(
    (['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const).filter(isFinishedRunState),
    ['succeeded', 'failed', 'cancelled'],
  );
});
