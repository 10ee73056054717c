import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { POLL_SECTION, parseSlurmPoll, parseSshPoll } from '../../../src/core/execution/remoteRunState';

const fixture = (name: string): string =>
  readFileSync(join(resolve(__dirname, '..', '..', 'fixtures', 'slurm'), name), 'utf8');

function slurmPoll(scontrol: string, state = '', sacct?: string): string {
  return [
    POLL_SECTION.scontrol,
    scontrol.trimEnd(),
    ...(sacct === undefined ? [] : [POLL_SECTION.sacct, sacct.trimEnd()]),
    POLL_SECTION.state,
    state,
  ].join('\n');
}

void test('Slurm: the scheduler decides, but a running job that pushes its experiment is completing', () => {
  assert.equal(
    parseSlurmPoll(slurmPoll(fixture('scontrol-running.txt'), 'running run'), '1').state,
    'running',
  );
  assert.equal(
    parseSlurmPoll(slurmPoll(fixture('scontrol-running.txt'), 'running push'), '1').state,
    'completing',
  );
  assert.equal(
    parseSlurmPoll(slurmPoll(fixture('scontrol-running.txt'), 'running verify'), '1').state,
    'completing',
  );
  assert.equal(parseSlurmPoll(slurmPoll(fixture('scontrol-pending.txt')), '3').state, 'queued');
  const failed = parseSlurmPoll(slurmPoll(fixture('scontrol-failed.txt'), 'failed pull 1'), '4');
  assert.equal(failed.state, 'failed');
  assert.deepEqual(failed.progress, { phase: 'failed', step: 'pull', exitCode: 1 });
});

void test('Slurm: a job scontrol forgot is read from sacct, then from the state file', () => {
  const invalid = fixture('scontrol-invalid.txt');
  assert.equal(parseSlurmPoll(slurmPoll(invalid, '', fixture('sacct-c.txt')), '4').state, 'failed');
  assert.equal(parseSlurmPoll(slurmPoll(invalid, 'succeeded verify 0', ''), '1').state, 'succeeded');
  assert.equal(parseSlurmPoll(slurmPoll(invalid, 'cancelled run 143', ''), '1').state, 'cancelled');
  // Gone from the scheduler while the state file still says running: it was lost (node died, killed hard).
  assert.equal(parseSlurmPoll(slurmPoll(invalid, 'running run', ''), '1').state, 'failed');
});

void test('Slurm: a controller that does not answer is an error, never a finished run', () => {
  const down = slurmPoll('slurm_load_jobs error: Unable to contact slurm controller (connect failure)');
  assert.throws(() => parseSlurmPoll(down, '5'), /Slurm did not answer about job 5: .*Unable to contact/);
});

function sshPoll(alive: boolean, state = ''): string {
  return [POLL_SECTION.alive, alive ? '1' : '0', POLL_SECTION.state, state].join('\n');
}

void test('SSH: the state file and whether the process group lives', () => {
  assert.equal(parseSshPoll(sshPoll(true)).state, 'running', 'just started, no state file yet');
  assert.equal(parseSshPoll(sshPoll(true, 'running clone')).state, 'running');
  assert.equal(parseSshPoll(sshPoll(true, 'running push')).state, 'completing');
  assert.equal(parseSshPoll(sshPoll(true, 'succeeded verify 0')).state, 'succeeded');
  assert.equal(parseSshPoll(sshPoll(false, 'succeeded verify 0')).state, 'succeeded');
  assert.equal(parseSshPoll(sshPoll(false, 'failed run 1')).state, 'failed');
  assert.equal(parseSshPoll(sshPoll(false, 'cancelled run 143')).state, 'cancelled');
  assert.equal(parseSshPoll(sshPoll(false, 'running run')).state, 'failed', 'died without a word');
  assert.equal(parseSshPoll(sshPoll(false)).state, 'failed', 'never started');
  assert.deepEqual(parseSshPoll(sshPoll(false, 'failed verify 3')).progress, {
    phase: 'failed',
    step: 'verify',
    exitCode: 3,
  });
});
