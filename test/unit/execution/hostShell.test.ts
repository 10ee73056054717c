import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CommandRunner, ProcessRequest } from '../../../src/cli/runner';
import { bashSnippet, LocalHostShell, SshHostShell } from '../../../src/execution/hostShell';

function recordingRunner(): { runner: CommandRunner; requests: ProcessRequest[] } {
  const requests: ProcessRequest[] = [];
  return {
    requests,
    runner: {
      run: (request) => {
        requests.push(request);
        return Promise.resolve({
          stdout: '',
          stderr: '',
          exitCode: 0,
          durationMs: 1,
          commandLine: request.file,
        });
      },
    },
  };
}

void test('over ssh a command is one quoted line for the remote shell, after -- and the host', async () => {
  const { runner, requests } = recordingRunner();
  const shell = new SshHostShell(runner, { host: 'login.hpc', user: 'ada' });
  await shell.run(bashSnippet('cat -- "$1"', [`/runs/it's $(id)`]), { input: 'script' });
  const [request] = requests;
  assert.equal(request?.file, 'ssh');
  assert.equal(request?.input, 'script');
  assert.deepEqual(request?.args.slice(-3), [
    '--',
    'login.hpc',
    `bash -c 'cat -- "$1"' dvc-lens '/runs/it'\\''s $(id)'`,
  ]);
  assert.ok(request?.args.includes('BatchMode=yes'));
  assert.equal(shell.where, 'ada@login.hpc');
});

void test('work folders: ~ is the login home (relative over ssh, expanded here); no path passes for an option', () => {
  const { runner } = recordingRunner();
  const remote = new SshHostShell(runner, { host: 'h' });
  assert.equal(remote.resolveFolder('~/runs'), 'runs');
  assert.equal(remote.resolveFolder('~'), '.');
  assert.equal(remote.resolveFolder('-runs'), './-runs');
  assert.equal(remote.resolveFolder('/scratch/runs'), '/scratch/runs');
  const local = new LocalHostShell(runner);
  assert.equal(local.resolveFolder('~/runs'), join(homedir(), 'runs'));
  assert.equal(local.resolveFolder('runs'), join(homedir(), 'runs'));
  assert.equal(local.resolveFolder('/scratch/runs'), '/scratch/runs');
});

void test('here: the program runs as given, with the target environment (a test cluster’s SLURM_CONF)', async () => {
  const { runner, requests } = recordingRunner();
  const shell = new LocalHostShell(runner, { SLURM_CONF: '/tmp/c/slurm.conf' });
  await shell.run(['scancel', '42']);
  assert.deepEqual([requests[0]?.file, requests[0]?.args], ['scancel', ['42']]);
  assert.deepEqual(requests[0]?.env, { SLURM_CONF: '/tmp/c/slurm.conf' });
  assert.deepEqual(shell.terminalCommand(['tail', '-F', '--', '/w/x.log']), {
    file: 'tail',
    args: ['-F', '--', '/w/x.log'],
    env: { SLURM_CONF: '/tmp/c/slurm.conf' },
  });
});
