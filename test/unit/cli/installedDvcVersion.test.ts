/** The file reading around pipInstallFiles, on fake venvs in a temp folder (no Python, no DVC runs). */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readInstalledDvcVersion, type InstalledDvcVersion } from '../../../src/cli/installedDvcVersion';

interface FakeVenv {
  readonly dvc: string;
  readonly sitePackages: string;
  readonly venv: string;
}

async function fakeVenv(root: string, version = '3.67.1'): Promise<FakeVenv> {
  const venv = join(root, 'venv');
  const sitePackages = join(venv, 'lib', 'python3.11', 'site-packages');
  await mkdir(join(venv, 'bin'), { recursive: true });
  await mkdir(join(sitePackages, 'dvc'), { recursive: true });
  await mkdir(join(sitePackages, `dvc-${version}.dist-info`));
  await writeFile(
    join(venv, 'pyvenv.cfg'),
    'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n',
  );
  const dvc = join(venv, 'bin', 'dvc');
  await writeFile(
    dvc,
    `#!${join(venv, 'bin', 'python3')}\nimport sys\nfrom dvc.cli import main\nsys.exit(main())\n`,
  );
  await writeFile(join(sitePackages, 'dvc', '_version.py'), `__version__ = version = '${version}'\n`);
  await writeFile(
    join(sitePackages, `dvc-${version}.dist-info`, 'METADATA'),
    `Name: dvc\nVersion: ${version}\n`,
  );
  return { dvc, sitePackages, venv };
}

async function withVenv(body: (venv: FakeVenv) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'dvc-lens-installed-'));
  try {
    await body(await fakeVenv(root));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function read(command: string, env: Record<string, string> = {}): Promise<InstalledDvcVersion> {
  return readInstalledDvcVersion({ command, prefixArgs: [], env, platform: 'linux' });
}

void test('a pip-installed DVC in an isolated venv: the version from its files', async () => {
  await withVenv(async ({ dvc, sitePackages }) => {
    const result = await read(dvc);
    assert.equal(result.kind, 'read');
    assert.equal(result.kind === 'read' && result.version, '3.67.1');
    assert.match(
      result.kind === 'read' ? result.evidence : '',
      new RegExp(`${sitePackages}.*dvc-3\\.67\\.1\\.dist-info`),
    );
  });
});

void test('an upgrade in place is seen at once (nothing is cached)', async () => {
  await withVenv(async ({ dvc, sitePackages }) => {
    await read(dvc);
    await rm(join(sitePackages, 'dvc-3.67.1.dist-info'), { recursive: true });
    await mkdir(join(sitePackages, 'dvc-3.68.0.dist-info'));
    await writeFile(join(sitePackages, 'dvc-3.68.0.dist-info', 'METADATA'), 'Name: dvc\nVersion: 3.68.0\n');
    await writeFile(join(sitePackages, 'dvc', '_version.py'), "__version__ = version = '3.68.0'\n");
    const result = await read(dvc);
    assert.equal(result.kind === 'read' && result.version, '3.68.0');
  });
});

void test('unsure, so DVC is asked, whenever the files could mislead', async () => {
  const cases: [string, (venv: FakeVenv) => Promise<void>, Record<string, string>?][] = [
    ['PYTHONPATH set', () => Promise.resolve(), { PYTHONPATH: '/elsewhere' }],
    [
      'system site-packages',
      async ({ venv }) =>
        writeFile(join(venv, 'pyvenv.cfg'), 'include-system-site-packages = true\nversion = 3.11.7\n'),
    ],
    ['not a venv', async ({ venv }) => rm(join(venv, 'pyvenv.cfg'))],
    ['two dist-info folders', async ({ sitePackages }) => mkdir(join(sitePackages, 'dvc-3.60.0.dist-info'))],
    [
      '_version.py disagrees',
      async ({ sitePackages }) =>
        writeFile(join(sitePackages, 'dvc', '_version.py'), "__version__ = version = '3.66.0'\n"),
    ],
    [
      'editable install',
      async ({ sitePackages }) =>
        writeFile(
          join(sitePackages, 'dvc-3.67.1.dist-info', 'direct_url.json'),
          '{"url":"file:///s","dir_info":{"editable":true}}',
        ),
    ],
    ['dvc.py next to the script', async ({ venv }) => writeFile(join(venv, 'bin', 'dvc.py'), '')],
    ['not a console script', async ({ dvc }) => writeFile(dvc, '#!/bin/sh\necho 3.67.1\n')],
    ['missing _version.py', async ({ sitePackages }) => rm(join(sitePackages, 'dvc', '_version.py'))],
  ];
  for (const [name, change, env] of cases) {
    await withVenv(async (venv) => {
      await change(venv);
      assert.equal((await read(venv.dvc, env)).kind, 'unsure', name);
    });
  }
});

void test('python -m dvc and Windows are never read from files', async () => {
  await withVenv(async ({ dvc, venv }) => {
    const python = join(venv, 'bin', 'python3');
    assert.equal(
      (
        await readInstalledDvcVersion({
          command: python,
          prefixArgs: ['-m', 'dvc'],
          env: {},
          platform: 'linux',
        })
      ).kind,
      'unsure',
    );
    assert.equal(
      (await readInstalledDvcVersion({ command: dvc, prefixArgs: [], env: {}, platform: 'win32' })).kind,
      'unsure',
    );
  });
});
