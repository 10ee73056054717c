import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import {
  parseSacctJob,
  parseSbatchJobId,
  parseScontrolJob,
  runStateOfSlurmJob,
} from '../../../src/core/execution/slurmJobState';

/** Outputs recorded from a real Slurm 22.05.8 (Debian 12), single node, no slurmdbd. */
const fixture = (name: string): string =>
  readFileSync(join(resolve(__dirname, '..', '..', 'fixtures', 'slurm'), name), 'utf8');

void test('sbatch --parsable: the job id, also with a cluster name; anything else is an error', () => {
  assert.equal(parseSbatchJobId(fixture('sbatch-parsable.txt')), '1');
  assert.equal(parseSbatchJobId('4242;gpu-cluster\n'), '4242');
  assert.throws(
    () => parseSbatchJobId('sbatch: error: invalid partition specified: x'),
    /did not print a job id/,
  );
});

void test('scontrol show job -o: each recorded state reads as the run state a person expects', () => {
  const cases: Array<[string, string, string]> = [
    ['scontrol-pending.txt', 'PENDING', 'queued'],
    ['scontrol-running.txt', 'RUNNING', 'running'],
    ['scontrol-completed.txt', 'COMPLETED', 'succeeded'],
    ['scontrol-failed.txt', 'FAILED', 'failed'],
    ['scontrol-cancelled-running.txt', 'CANCELLED', 'cancelled'],
    ['scontrol-cancelled-pending.txt', 'CANCELLED', 'cancelled'],
    // The cancelled job on its way out: not yet finished, and not "handing its experiment over" either.
    ['scontrol-completing.txt', 'COMPLETING', 'running'],
  ];
  for (const [file, slurmState, runState] of cases) {
    const job = parseScontrolJob(fixture(file));
    assert.ok(job, file);
    assert.equal(job.state, slurmState, file);
    assert.equal(runStateOfSlurmJob(job), runState, file);
  }
});

void test('scontrol: exit code, signal and reason are read; an unknown job is undefined', () => {
  assert.deepEqual(parseScontrolJob(fixture('scontrol-failed.txt')), {
    state: 'FAILED',
    exitCode: 3,
    signal: 0,
    reason: 'NonZeroExitCode',
  });
  assert.equal(parseScontrolJob(fixture('scontrol-pending.txt'))?.reason, 'Priority');
  assert.equal(parseScontrolJob(fixture('scontrol-running.txt'))?.reason, undefined);
  assert.equal(parseScontrolJob(fixture('scontrol-invalid.txt')), undefined);
});

void test('a clean COMPLETING is completing; other scheduler states map to queued, failed or running', () => {
  const job = (state: string, exitCode = 0, signal = 0): Parameters<typeof runStateOfSlurmJob>[0] => ({
    state,
    exitCode,
    signal,
    reason: undefined,
  });
  assert.equal(runStateOfSlurmJob(job('COMPLETING')), 'completing');
  assert.equal(runStateOfSlurmJob(job('REQUEUED')), 'queued');
  for (const state of ['TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY', 'PREEMPTED', 'BOOT_FAIL'])
    assert.equal(runStateOfSlurmJob(job(state, 0, 9)), 'failed', state);
  assert.equal(runStateOfSlurmJob(job('SUSPENDED')), 'running');
  assert.equal(runStateOfSlurmJob(job('SOMETHING_NEW')), 'running');
});

void test('sacct -P -n: the job line (not its steps), with "CANCELLED by 0" read as CANCELLED', () => {
  const text = fixture('sacct-c.txt');
  assert.equal(parseSacctJob(text, '1')?.state, 'COMPLETED');
  assert.deepEqual(parseSacctJob(text, '4'), { state: 'FAILED', exitCode: 3, signal: 0, reason: undefined });
  assert.equal(parseSacctJob('7|CANCELLED by 0|0:15\n7.batch|CANCELLED|0:15\n', '7')?.state, 'CANCELLED');
  assert.equal(parseSacctJob(text, '99'), undefined);
  assert.equal(parseSacctJob(fixture('sacct-disabled.txt'), '1'), undefined);
});
