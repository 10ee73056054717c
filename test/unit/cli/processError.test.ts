import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProcessError, isCancellation, isProcessError } from '../../../src/cli/processError';
import { isDvcLockError } from '../../../src/cli/dvcCli';

const base = {
  commandLine: 'dvc add x',
  cwd: '/r',
  exitCode: 1,
  signal: undefined,
  stdout: '',
  durationMs: 10,
};

void test("the message of a failed exit names the command and DVC's ERROR line", () => {
  const error = new ProcessError({
    ...base,
    reason: 'exit',
    stderr: 'Traceback...\nERROR: failed to add x: no such file\nhint',
  });
  assert.equal(error.message, 'dvc add x failed with exit code 1: ERROR: failed to add x: no such file');
  assert.ok(isProcessError(error, 'exit'));
  assert.ok(!isCancellation(error));
});

void test('cancellation is recognisable', () => {
  const error = new ProcessError({ ...base, reason: 'cancelled', exitCode: undefined, stderr: '' });
  assert.ok(isCancellation(error));
  assert.equal(error.message, 'dvc add x was cancelled');
});

void test('DVC lock errors: the repository lock and a busy rwlock', () => {
  const lock = new ProcessError({
    ...base,
    reason: 'exit',
    stderr:
      'ERROR: Unable to acquire lock. Most likely another DVC process is running or was terminated abruptly.',
  });
  const busy = new ProcessError({
    ...base,
    reason: 'exit',
    stderr: "ERROR: '/r/out.txt' is busy, it is being blocked by:\n  (PID 9728): dvc repro",
  });
  assert.ok(isDvcLockError(lock));
  assert.ok(isDvcLockError(busy));
  assert.ok(!isDvcLockError(new ProcessError({ ...base, reason: 'exit', stderr: 'ERROR: other' })));
  assert.ok(!isDvcLockError(new Error('Unable to acquire lock')));
});
