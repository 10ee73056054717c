/**
 * Installing DVC into a workspace .venv. The real `pip install dvc` downloads ~100 packages (a minute or
 * more), so the full install runs only with DVC_LENS_TEST_PIP_INSTALL=1; cancelling a real pip and the
 * reuse of an existing venv always run.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { discoverDvc } from '../../src/cli/dvcDiscovery';
import { isCancellation } from '../../src/cli/processError';
import { ProcessRunner, type CommandRunner, type ProcessRequest } from '../../src/cli/runner';
import { installDvc } from '../../src/setup/installDvc';
import { makeTempDir, pinnedDvcPath } from '../helpers/dvcEnvironment';
import { waitFor } from './cliFixtures';

const run = promisify(execFile);

/** pids of running processes whose command line mentions `text`. */
async function processesMentioning(text: string): Promise<string[]> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,stat=,args=']);
  return stdout
    .split('\n')
    .filter((line) => line.includes(text) && !/^\s*\d+\s+Z/.test(line))
    .map((line) => line.trim());
}

void test('cancelling the install kills pip and everything it started', async () => {
  const temp = await makeTempDir('dvc-lens-install-');
  try {
    const python = join(dirname(await pinnedDvcPath()), 'python');
    const output: string[] = [];
    const controller = new AbortController();
    const install = installDvc({
      folder: temp.dir,
      python,
      runner: new ProcessRunner({ killGraceMs: 2000 }),
      signal: controller.signal,
      onOutput: (line) => output.push(line),
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const venv = join(temp.dir, '.venv');
    await waitFor(
      async () => ((await processesMentioning(`${venv}/bin/python -m pip`)).length > 0 ? true : undefined),
      'pip to start',
      60_000,
    );
    controller.abort();
    const error = await install;
    assert.ok(isCancellation(error), String(error));
    assert.deepEqual(await processesMentioning(venv), [], 'nothing of the install keeps running');
    assert.ok(
      output.some((line) => line.startsWith('Installing dvc into')),
      output.join('\n'),
    );
  } finally {
    await temp.cleanup();
  }
});

void test('an existing .venv is reused, never recreated', async () => {
  const temp = await makeTempDir('dvc-lens-install-');
  try {
    const bin = join(temp.dir, '.venv', 'bin');
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'python'), '');
    const calls: ProcessRequest[] = [];
    const fakePip: CommandRunner = {
      run: async (request) => {
        calls.push(request);
        await writeFile(join(bin, 'dvc'), '#!/bin/sh\necho 3.67.1\n');
        await chmod(join(bin, 'dvc'), 0o755);
        return { stdout: '', stderr: '', exitCode: 0, durationMs: 1, commandLine: request.file };
      },
    };
    const dvcPath = await installDvc({
      folder: temp.dir,
      python: 'python3',
      runner: fakePip,
      requirement: 'dvc==3.67.1',
    });
    assert.equal(dvcPath, join(bin, 'dvc'));
    assert.deepEqual(
      calls.map((call) => [call.file, ...call.args]),
      [
        [
          join(bin, 'python'),
          '-m',
          'pip',
          'install',
          '--disable-pip-version-check',
          '--progress-bar',
          'off',
          'dvc==3.67.1',
        ],
      ],
    );
  } finally {
    await temp.cleanup();
  }
});

void test('pip finishing without a dvc executable is an error, not a path that does not exist', async () => {
  const temp = await makeTempDir('dvc-lens-install-');
  try {
    await mkdir(join(temp.dir, '.venv', 'bin'), { recursive: true });
    await writeFile(join(temp.dir, '.venv', 'bin', 'python'), '');
    const quietPip: CommandRunner = {
      run: (request) =>
        Promise.resolve({ stdout: '', stderr: '', exitCode: 0, durationMs: 1, commandLine: request.file }),
    };
    await assert.rejects(
      installDvc({ folder: temp.dir, python: 'python3', runner: quietPip, requirement: 'requests' }),
      /does not exist/,
    );
  } finally {
    await temp.cleanup();
  }
});

void test(
  'a real install into a fresh .venv, found by discovery afterwards',
  {
    skip: process.env.DVC_LENS_TEST_PIP_INSTALL !== '1' && 'set DVC_LENS_TEST_PIP_INSTALL=1 (downloads DVC)',
  },
  async () => {
    const temp = await makeTempDir('dvc-lens-install-');
    try {
      const runner = new ProcessRunner();
      const dvcPath = await installDvc({
        folder: temp.dir,
        python: 'python3',
        runner,
        requirement: 'dvc==3.67.1',
      });
      await access(dvcPath);
      const found = await discoverDvc({ workspaceFolders: [temp.dir], runner, env: { PATH: '' } });
      assert.equal(found.chosen?.source, 'workspaceVenv');
      assert.equal(found.chosen?.version, '3.67.1');
    } finally {
      await temp.cleanup();
    }
  },
);
