/**
 * DVC discovery against the pinned DVC placed where users keep it: the setting, a workspace venv,
 * `python -m dvc` and PATH; plus a too-old DVC and a machine with none.
 */
import assert from 'node:assert/strict';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { discoverDvc, type DvcDiscoveryOptions } from '../../src/cli/dvcDiscovery';
import { readInstalledDvcVersion } from '../../src/cli/installedDvcVersion';
import { ProcessRunner, type CommandRunner } from '../../src/cli/runner';
import { makeTempDir, pinnedDvcPath } from '../helpers/dvcEnvironment';

async function withFolder(body: (folder: string) => Promise<void>): Promise<void> {
  const temp = await makeTempDir('dvc-lens-discovery-');
  try {
    await body(temp.dir);
  } finally {
    await temp.cleanup();
  }
}

/** Options with an empty PATH folder, so the machine's own dvc (if any) cannot leak in. */
async function options(
  folder: string,
  extra: Partial<DvcDiscoveryOptions> = {},
): Promise<DvcDiscoveryOptions> {
  const emptyBin = join(folder, 'empty-bin');
  await mkdir(emptyBin, { recursive: true });
  return { workspaceFolders: [folder], runner: new ProcessRunner(), env: { PATH: emptyBin }, ...extra };
}

async function fakeDvc(file: string, version: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `#!/bin/sh\necho ${version}\n`);
  await chmod(file, 0o755);
}

void test('the dvcLens.dvcPath setting comes first', async () => {
  await withFolder(async (folder) => {
    const pinned = await pinnedDvcPath();
    const result = await discoverDvc(await options(folder, { dvcPath: pinned }));
    assert.deepEqual(result.chosen, {
      command: pinned,
      prefixArgs: [],
      source: 'setting',
      version: '3.67.1',
    });
    assert.equal(result.candidates.length, 1, 'nothing after the winner is tried');
    assert.deepEqual(result.candidates[0]?.outcome, { kind: 'found', version: '3.67.1' });
  });
});

void test('a dvc in the workspace .venv', async () => {
  await withFolder(async (folder) => {
    await mkdir(join(folder, '.venv', 'bin'), { recursive: true });
    await symlink(await pinnedDvcPath(), join(folder, '.venv', 'bin', 'dvc'));
    const result = await discoverDvc(await options(folder));
    assert.equal(result.chosen?.source, 'workspaceVenv');
    assert.equal(result.chosen?.command, join(folder, '.venv', 'bin', 'dvc'));
    assert.equal(result.chosen?.version, '3.67.1');
    assert.deepEqual(
      result.candidates.map((candidate) => [candidate.source, candidate.outcome.kind]),
      [
        ['setting', 'notConfigured'],
        ['workspaceVenv', 'found'],
      ],
    );
  });
});

void test('python -m dvc with the dvcLens.pythonPath interpreter', async () => {
  await withFolder(async (folder) => {
    const python = join(dirname(await pinnedDvcPath()), 'python');
    const result = await discoverDvc(await options(folder, { pythonPath: python }));
    assert.deepEqual(result.chosen, {
      command: python,
      prefixArgs: ['-m', 'dvc'],
      source: 'pythonModule',
      version: '3.67.1',
    });
    assert.deepEqual(
      result.candidates.map((candidate) => candidate.outcome.kind),
      ['notConfigured', 'notFound', 'notFound', 'found'],
    );
  });
});

void test('dvc on PATH, searched folder by folder', async () => {
  await withFolder(async (folder) => {
    const pinned = await pinnedDvcPath();
    const base = await options(folder);
    const result = await discoverDvc({
      ...base,
      env: { PATH: `${join(folder, 'empty-bin')}:${join(folder, 'missing')}:${dirname(pinned)}` },
    });
    assert.deepEqual(result.chosen, { command: pinned, prefixArgs: [], source: 'path', version: '3.67.1' });
  });
});

void test('a setting given as a bare name is looked up on PATH, a relative one in the first folder', async () => {
  await withFolder(async (folder) => {
    const pinned = await pinnedDvcPath();
    const byName = await discoverDvc({
      ...(await options(folder, { dvcPath: 'dvc' })),
      env: { PATH: dirname(pinned) },
    });
    assert.equal(byName.chosen?.source, 'setting');
    assert.equal(byName.chosen?.command, pinned);
    await mkdir(join(folder, 'tools'));
    await symlink(pinned, join(folder, 'tools', 'dvc'));
    const relative = await discoverDvc(await options(folder, { dvcPath: 'tools/dvc' }));
    assert.equal(relative.chosen?.command, join(folder, 'tools', 'dvc'));
  });
});

void test('a DVC 2 is reported too old and the search goes on', async () => {
  await withFolder(async (folder) => {
    const old = join(folder, 'old', 'dvc');
    await fakeDvc(old, '2.0.0');
    const pinned = await pinnedDvcPath();
    const result = await discoverDvc({
      ...(await options(folder, { dvcPath: old })),
      env: { PATH: dirname(pinned) },
    });
    assert.deepEqual(result.candidates[0]?.outcome, { kind: 'tooOld', version: '2.0.0', minimum: '3.0.0' });
    assert.equal(result.chosen?.source, 'path');
  });
});

void test('nothing usable: no choice, and every candidate listed with the reason', async () => {
  await withFolder(async (folder) => {
    const broken = join(folder, 'broken', 'dvc');
    await fakeDvc(broken, 'no version here');
    const python = join(folder, 'no-python');
    const result = await discoverDvc(await options(folder, { dvcPath: broken, pythonPath: python }));
    assert.equal(result.chosen, undefined);
    assert.deepEqual(
      result.candidates.map((candidate) => [candidate.source, candidate.outcome.kind]),
      [
        ['setting', 'failed'],
        ['workspaceVenv', 'notFound'],
        ['workspaceVenv', 'notFound'],
        ['pythonModule', 'notFound'],
        ['path', 'notFound'],
      ],
    );
    assert.deepEqual(
      result.candidates.map((candidate) => candidate.description),
      [
        'setting dvcLens.dvcPath (' + broken + ')',
        `venv in ${join(folder, '.venv')}`,
        `venv in ${join(folder, 'venv')}`,
        `python -m dvc with ${python}`,
        'PATH',
      ],
    );
  });
});

void test('an interpreter without DVC is "not found", not a failure', async () => {
  await withFolder(async (folder) => {
    // A python that has no dvc module: a fresh venv is slow to make, so fake one that answers like python.
    const python = join(folder, 'bin', 'python');
    await mkdir(dirname(python));
    await writeFile(python, '#!/bin/sh\necho "/usr/bin/python: No module named dvc" >&2\nexit 1\n');
    await chmod(python, 0o755);
    const result = await discoverDvc(await options(folder, { pythonPath: python }));
    assert.deepEqual(result.candidates[3]?.outcome, {
      kind: 'notFound',
      message: `DVC is not installed for ${python}`,
    });
  });
});

void test('exhaustive discovery checks every candidate but keeps the first as the choice', async () => {
  await withFolder(async (folder) => {
    const pinned = await pinnedDvcPath();
    await mkdir(join(folder, 'venv', 'bin'), { recursive: true });
    await symlink(pinned, join(folder, 'venv', 'bin', 'dvc'));
    const result = await discoverDvc({
      ...(await options(folder, { dvcPath: pinned, exhaustive: true })),
      env: { PATH: dirname(pinned) },
    });
    assert.equal(result.chosen?.source, 'setting');
    assert.deepEqual(
      result.candidates.map((candidate) => candidate.outcome.kind),
      ['found', 'notFound', 'found', 'notConfigured', 'found'],
    );
  });
});

void test('the pinned pip-installed DVC: its version read from files equals what dvc --version prints', async () => {
  const pinned = await pinnedDvcPath();
  const fromFiles = await readInstalledDvcVersion({
    command: pinned,
    prefixArgs: [],
    env: { PATH: dirname(pinned) },
    platform: process.platform,
  });
  const { stdout } = await new ProcessRunner().run({
    file: pinned,
    args: ['--version'],
    cwd: dirname(pinned),
  });
  assert.equal(fromFiles.kind, 'read', JSON.stringify(fromFiles));
  assert.equal(fromFiles.kind === 'read' && fromFiles.version, stdout.trim());
});

void test('discovery of a pip-installed DVC starts no process and says where the version came from', async () => {
  await withFolder(async (folder) => {
    const pinned = await pinnedDvcPath();
    const started: string[] = [];
    const real = new ProcessRunner();
    const counting: CommandRunner = {
      run: (request, options) => {
        started.push([request.file, ...request.args].join(' '));
        return real.run(request, options);
      },
    };
    const result = await discoverDvc(await options(folder, { dvcPath: pinned, runner: counting }));
    assert.equal(result.chosen?.version, '3.67.1');
    assert.deepEqual(started, [], 'no dvc --version process');
    assert.match(
      result.candidates[0]?.versionFrom ?? '',
      /^files .*dvc\/_version\.py and dvc-3\.67\.1\.dist-info, no process$/,
    );
    // PYTHONPATH could put another DVC first: then DVC itself is asked, and the log says why.
    const withPythonPath = await discoverDvc({
      ...(await options(folder, { dvcPath: pinned, runner: counting })),
      env: { PATH: '', PYTHONPATH: folder },
    });
    assert.equal(withPythonPath.chosen?.version, '3.67.1');
    assert.deepEqual(started, [`${pinned} --version`]);
    assert.match(
      withPythonPath.candidates[0]?.versionFrom ?? '',
      /^dvc --version \(files not read: PYTHONPATH is set\)$/,
    );
  });
});
