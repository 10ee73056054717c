import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverDvc } from '../../../src/cli/dvcDiscovery';
import { ProcessError, isCancellation } from '../../../src/cli/processError';
import type { CommandRunner } from '../../../src/cli/runner';

const neverRuns: CommandRunner = {
  run: () => Promise.reject(new Error('nothing should run when no candidate exists')),
};

void test('Windows layouts: venv Scripts\\dvc.exe, and no process starts for missing files', async () => {
  const result = await discoverDvc({
    workspaceFolders: ['C:\\work\\project'],
    runner: neverRuns,
    env: { PATH: 'C:\\no\\such\\folder' },
    platform: 'win32',
  });
  assert.equal(result.chosen, undefined);
  assert.deepEqual(
    result.candidates.map((candidate) => candidate.command),
    [
      '',
      'C:\\work\\project\\.venv\\Scripts\\dvc.exe',
      'C:\\work\\project\\venv\\Scripts\\dvc.exe',
      '',
      'dvc',
    ],
  );
});

void test('a cancelled discovery rejects instead of reporting every candidate as failed', async () => {
  const runner: CommandRunner = {
    run: (request) =>
      Promise.reject(
        new ProcessError({
          reason: 'cancelled',
          commandLine: request.file,
          cwd: request.cwd,
          exitCode: undefined,
          signal: undefined,
          stdout: '',
          stderr: '',
          durationMs: 0,
        }),
      ),
  };
  // process.execPath is an existing executable, so the setting candidate gets as far as running it.
  await assert.rejects(
    discoverDvc({ dvcPath: process.execPath, workspaceFolders: [], runner, env: { PATH: '' } }),
    isCancellation,
  );
});
