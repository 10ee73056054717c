/**
 * DVC in the Python environments people use, with real venvs and a real poetry: a conda environment (listed in
 * ~/.conda/environments.txt), pyenv versions (~/.pyenv/versions/*) and a poetry environment of the workspace
 * (poetry from the package index, scripts/ensure-poetry.sh) are found by the probes, tried in their order,
 * and the one with DVC is chosen; the notes say where nothing was. The environments' `dvc` is the pinned DVC
 * linked in (installing DVC into each would take minutes).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { discoverDvc } from '../../src/cli/dvcDiscovery';
import { ProcessRunner } from '../../src/cli/runner';
import { probeToolEnvironments } from '../../src/setup/toolEnvironmentProbes';
import { makeTempDir, pinnedDvcPath } from '../helpers/dvcEnvironment';

const run = promisify(execFile);
const repoRoot = join(__dirname, '..', '..');

async function venv(folder: string, withDvc: boolean): Promise<string> {
  await mkdir(dirname(folder), { recursive: true });
  await run('python3', ['-m', 'venv', '--without-pip', folder]);
  if (withDvc) await symlink(await pinnedDvcPath(), join(folder, 'bin', 'dvc'));
  return folder;
}

async function withTemp(body: (dir: string) => Promise<void>): Promise<void> {
  const temp = await makeTempDir('dvc-lens-pyenvs-');
  try {
    await body(temp.dir);
  } finally {
    await temp.cleanup();
  }
}

void test('conda and pyenv environments: tried in order, the first with DVC chosen, every place noted', () =>
  withTemp(async (dir) => {
    const home = join(dir, 'home');
    const workspace = join(dir, 'workspace');
    const emptyBin = join(dir, 'empty-bin');
    await mkdir(workspace, { recursive: true });
    await mkdir(emptyBin, { recursive: true });
    const condaWithout = await venv(join(dir, 'conda', 'envs', 'plain'), false);
    const condaWith = await venv(join(dir, 'conda', 'envs', 'ml'), true);
    const pyenvWith = await venv(join(home, '.pyenv', 'versions', '3.12.1'), true);
    await mkdir(join(home, '.conda'), { recursive: true });
    await writeFile(join(home, '.conda', 'environments.txt'), `${condaWithout}\n${condaWith}\n`);

    const notes: string[] = [];
    const runner = new ProcessRunner();
    const environments = await probeToolEnvironments({
      runner,
      folders: [workspace],
      env: { PATH: emptyBin },
      home,
      note: (line) => notes.push(line),
    });
    const discovery = await discoverDvc({
      workspaceFolders: [workspace],
      runner,
      env: { PATH: emptyBin },
      pythonEnvironments: () => Promise.resolve(environments),
      exhaustive: true,
    });
    const tried = discovery.candidates.filter((candidate) => candidate.source === 'pythonEnvironment');
    assert.deepEqual(
      tried.map((candidate) => [candidate.description.replace(dir, '<tmp>'), candidate.outcome.kind]),
      [
        ['conda environment <tmp>/conda/envs/plain: python -m dvc', 'notFound'],
        ['conda environment <tmp>/conda/envs/ml', 'found'],
        ['pyenv version <tmp>/home/.pyenv/versions/3.12.1', 'found'],
      ],
    );
    assert.equal(discovery.chosen?.command, join(condaWith, 'bin', 'dvc'));
    assert.equal(discovery.chosen?.source, 'pythonEnvironment');
    assert.ok(
      notes.some((line) => line.startsWith('conda env list:')),
      notes.join(' | '),
    );
    assert.ok(notes.includes(`poetry: no pyproject.toml in ${workspace}`), notes.join(' | '));
    assert.ok(notes.includes(`pipenv: no Pipfile in ${workspace}`), notes.join(' | '));
    assert.ok(pyenvWith.length > 0);
  }));

void test('a real poetry environment of the workspace is found with `poetry env info -p` and its DVC chosen', () =>
  withTemp(async (dir) => {
    const { stdout } = await run('bash', [join(repoRoot, 'scripts', 'ensure-poetry.sh')], {
      maxBuffer: 1 << 24,
    });
    const poetry = stdout.trim();
    const workspace = join(dir, 'project');
    const emptyBin = join(dir, 'empty-bin');
    await mkdir(workspace, { recursive: true });
    await mkdir(emptyBin, { recursive: true });
    await writeFile(
      join(workspace, 'pyproject.toml'),
      '[project]\nname = "demo"\nversion = "0.1.0"\nrequires-python = ">=3.8"\n\n[tool.poetry]\npackage-mode = false\n',
    );
    // The environment and poetry's cache stay inside the test's folder (a local poetry.toml says where).
    const inProject = { cwd: workspace, env: { ...process.env, POETRY_NO_INTERACTION: '1' } };
    await run(poetry, ['config', '--local', 'virtualenvs.path', join(dir, 'envs')], inProject);
    await run(poetry, ['config', '--local', 'cache-dir', join(dir, 'poetry-cache')], inProject);
    await run(poetry, ['install', '--no-root'], inProject);
    const [created] = await readdir(join(dir, 'envs'));
    assert.ok(created, 'poetry made an environment');
    const environment = join(dir, 'envs', created);
    await symlink(await pinnedDvcPath(), join(environment, 'bin', 'dvc'));

    const notes: string[] = [];
    const runner = new ProcessRunner();
    // Only poetry's folder and python3's on PATH, as a person who installed poetry has them.
    const path = `${dirname(poetry)}:${dirname((await run('bash', ['-c', 'command -v python3'])).stdout.trim())}`;
    const environments = await probeToolEnvironments({
      runner,
      folders: [workspace],
      env: { PATH: path },
      home: join(dir, 'home'),
      note: (line) => notes.push(line),
    });
    assert.deepEqual(
      environments.filter((found) => found.origin === 'poetry').map((found) => found.path),
      [environment],
      notes.join(' | '),
    );
    const discovery = await discoverDvc({
      workspaceFolders: [workspace],
      runner,
      env: { PATH: emptyBin },
      pythonEnvironments: () => Promise.resolve(environments),
    });
    assert.equal(discovery.chosen?.command, join(environment, 'bin', 'dvc'));
    assert.match(discovery.candidates.at(-1)?.description ?? '', /^poetry environment of the workspace /);
  }));
