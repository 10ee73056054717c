import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProcessError, isCancellation, isProcessError } from '../../../src/cli/processError';

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
