/**
 * Remotes read from DVC's config files against DVC's own `dvc remote list` / `dvc remote default`, on real
 * repositories configured by the pinned DVC at every level: system and global (temporary folders through
 * DVC_SYSTEM_CONFIG_DIR and XDG_CONFIG_HOME/HOME), `.dvc/config` and `.dvc/config.local`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { parseRemoteList, type DvcRemote } from '../../src/core/data/remoteList';
import { RemotesService } from '../../src/data/remotesService';
import { readConfiguredRemotes, type DvcConfigPlace } from '../../src/data/dvcConfigFiles';
import { makeDvcRepo, makeTempDir, pinnedDvcPath, testEnv } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const run = promisify(execFile);

interface Machine {
  readonly env: Record<string, string>;
  readonly place: DvcConfigPlace;
  readonly home: string;
  readonly cleanup: () => Promise<void>;
}

/** A home, an XDG config folder and a system folder of their own, so the machine's config cannot leak in. */
async function isolatedMachine(): Promise<Machine> {
  const temp = await makeTempDir('dvc-lens-config-home-');
  const home = join(temp.dir, 'home');
  const env: Record<string, string> = {
    ...(testEnv as Record<string, string>),
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    DVC_SYSTEM_CONFIG_DIR: join(temp.dir, 'system'),
  };
  delete env.DVC_GLOBAL_CONFIG_DIR;
  delete env.XDG_CONFIG_DIRS;
  await mkdir(home, { recursive: true });
  return { env, home, place: { env, platform: process.platform, home }, cleanup: temp.cleanup };
}

async function dvcIn(machine: Machine, cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(await pinnedDvcPath(), [...args], { cwd, env: machine.env });
  return stdout;
}

/** What DVC itself says: `dvc remote list`, and `dvc remote default` (exit 1 when none is set). */
async function remotesByDvc(
  machine: Machine,
  root: string,
): Promise<{ remotes: DvcRemote[]; defaultName?: string }> {
  const listed = await dvcIn(machine, root, ['remote', 'list']);
  const defaultName = await dvcIn(machine, root, ['remote', 'default']).then(
    (text) => text.trim(),
    (error: { stdout?: string }) => {
      assert.match(error.stdout ?? '', /No default remote set/);
      return undefined;
    },
  );
  return { remotes: parseRemoteList(listed, defaultName), ...(defaultName ? { defaultName } : {}) };
}

async function remotesByFiles(
  machine: Machine,
  root: string,
): Promise<{ remotes: DvcRemote[]; defaultName?: string; processes: string[] }> {
  const { cli, scheduler, lines } = await recordingDvcCli(root);
  const service = new RemotesService(cli, scheduler, machine.place, (line) => assert.fail(line));
  const remotes = await service.list();
  const defaultName = await service.defaultRemote();
  return { remotes, ...(defaultName ? { defaultName } : {}), processes: lines };
}

async function assertParity(machine: Machine, root: string, expectedNames: readonly string[]): Promise<void> {
  const byDvc = await remotesByDvc(machine, root);
  const { processes, ...byFiles } = await remotesByFiles(machine, root);
  assert.deepEqual(byFiles, byDvc);
  assert.deepEqual(
    byFiles.remotes.map((remote) => remote.name),
    expectedNames,
  );
  assert.deepEqual(processes, [], 'no DVC process for reading remotes');
}

void test('remote list and default from the config files equal DVC’s at every level', async () => {
  const machine = await isolatedMachine();
  const repo = await makeDvcRepo();
  try {
    const root = repo.dir;
    // Nothing configured: no remotes, no default (where `dvc remote default` fails).
    await assertParity(machine, root, []);

    await dvcIn(machine, root, ['remote', 'add', 'store', '../storage']);
    await dvcIn(machine, root, ['remote', 'add', '-d', 'bucket', 's3://bucket/path']);
    await dvcIn(machine, root, ['remote', 'modify', '--local', 'bucket', 'access_key_id', 'AKIAEXAMPLE']);
    await dvcIn(machine, root, ['remote', 'add', '--local', 'MixedCase', join(machine.home, 'x', '..', 'y')]);
    await dvcIn(machine, root, ['remote', 'add', '--global', 'everywhere', '~/global-store']);
    await dvcIn(machine, root, ['remote', 'add', '--system', 'site', 'relative/site-store']);
    await dvcIn(machine, root, ['remote', 'default', '--global', 'everywhere']);
    await assertParity(machine, root, ['site', 'everywhere', 'store', 'bucket', 'mixedcase']);
    assert.equal((await remotesByDvc(machine, root)).defaultName, 'bucket', 'the repo shadows global');

    // The local default shadows the repo's; a global remote overridden in the repo keeps its place.
    await dvcIn(machine, root, ['remote', 'default', '--local', 'store']);
    await dvcIn(machine, root, ['remote', 'add', '--force', 'everywhere', 'https://example.invalid/store']);
    await assertParity(machine, root, ['site', 'everywhere', 'store', 'bucket', 'mixedcase']);
    assert.equal((await remotesByDvc(machine, root)).defaultName, 'store');

    // Written by hand the way people do: a bare section name with quotes, a comment after the value.
    await appendFile(
      join(root, '.dvc', 'config'),
      '[remote "Handmade"]\n  url = s3://hand/made  # by hand\n',
    );
    await assertParity(machine, root, ['site', 'everywhere', 'store', 'bucket', 'handmade', 'mixedcase']);

    // Unset at every level again.
    await dvcIn(machine, root, ['remote', 'default', '--local', '--unset']);
    await dvcIn(machine, root, ['remote', 'default', '--unset']);
    await dvcIn(machine, root, ['remote', 'default', '--global', '--unset']);
    await assertParity(machine, root, ['site', 'everywhere', 'store', 'bucket', 'handmade', 'mixedcase']);
  } finally {
    await repo.cleanup();
    await machine.cleanup();
  }
});

void test('a config file the reader is unsure of: the service asks DVC and gets DVC’s answer', async () => {
  const machine = await isolatedMachine();
  const repo = await makeDvcRepo();
  try {
    const root = repo.dir;
    await dvcIn(machine, root, ['remote', 'add', '-d', 'store', '/srv/store']);
    // A list value configobj accepts (and DVC ignores for this option), which this reader does not parse.
    await writeFile(join(root, '.dvc', 'config.local'), '[\'remote "store"\']\n    ssl_verify = a, b\n');
    const files = await readConfiguredRemotes(root, machine.place);
    assert.ok('unsure' in files, 'the reader is unsure');
    const byDvc = await remotesByDvc(machine, root);
    const { cli, scheduler, lines } = await recordingDvcCli(root);
    const notes: string[] = [];
    const service = new RemotesService(cli, scheduler, { ...machine.place, env: machine.env }, (line) =>
      notes.push(line),
    );
    // The service's DVC runs with this process's environment: give it the same temporary machine.
    const saved = { ...process.env };
    Object.assign(process.env, machine.env);
    try {
      assert.deepEqual(await service.list(), byDvc.remotes);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
    assert.ok(
      lines.some((line) => line.includes('remote list')),
      'DVC was asked',
    );
    assert.match(notes[0] ?? '', /config\.local: line 2/);
  } finally {
    await repo.cleanup();
    await machine.cleanup();
  }
});
