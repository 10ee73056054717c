/**
 * Data through a local-folder remote with the real DVC and git: DataService tracks a file and a folder, status
 * says what the remote lacks, push fills it, and after the cache and workspace copies are deleted, pull brings
 * back the same bytes. RemotesService round-trips a remote and keeps a secret out of the committed config.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { DataService } from '../../src/data/dataService';
import { RemotesService } from '../../src/data/remotesService';
import { git, gitIdentityArgs, makeDvcRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

const FILES = ['data.csv', 'images/a.txt', 'images/b/c.txt'];

void test('track, push, lose everything local, pull back identical bytes; remotes round trip', async () => {
  const repo = await makeDvcRepo();
  const remote = await makeTempDir('dvc-lens-remote-');
  try {
    const root = repo.dir;
    await mkdir(join(root, 'images', 'b'), { recursive: true });
    await writeFile(join(root, 'data.csv'), 'x,y\n1,2\n3,4\n');
    await writeFile(join(root, 'images', 'a.txt'), 'alpha\n');
    await writeFile(join(root, 'images', 'b', 'c.txt'), 'gamma '.repeat(1000));
    const originals = new Map<string, string>();
    for (const file of FILES) originals.set(file, await sha256(join(root, file)));

    const { cli, scheduler } = await recordingDvcCli(root);
    const data = new DataService(cli, scheduler, new GitCli(root));
    const remotes = new RemotesService(cli, scheduler);

    const staged = await data.track(['data.csv', 'images']);
    assert.deepEqual(staged.sort(), ['.gitignore', 'data.csv.dvc', 'images.dvc']);
    const gitStatus = await git(root, ['status', '--porcelain']);
    assert.match(gitStatus, /^A {2}data\.csv\.dvc$/m);
    assert.match(gitStatus, /^A {2}images\.dvc$/m);

    await remotes.add('store', remote.dir, { default: true });
    assert.deepEqual(await remotes.list(), [{ name: 'store', url: remote.dir, isDefault: true }]);

    const before = await data.status({ notInRemote: true });
    const missing = before.entries.filter((entry) => entry.notInRemote).map((entry) => entry.path);
    assert.deepEqual(missing, ['data.csv', 'images', 'images/a.txt', 'images/b/c.txt']);
    // Recorded by DVC, staged but not committed in git: DVC calls that "committed" (to DVC), and new.
    assert.ok(before.entries.every((entry) => entry.committed === 'new' && !entry.unchanged));
    await git(root, [...gitIdentityArgs, 'commit', '-q', '-m', 'track data']);
    assert.ok((await data.status()).entries.every((entry) => entry.unchanged));

    const lines: string[] = [];
    const pushed = await data.push({ onOutput: (line) => lines.push(line) });
    assert.equal(pushed.pushed, 4, 'two files, the folder listing and data.csv');
    assert.ok(lines.some((line) => /4 files pushed/.test(line)));
    assert.equal((await data.push()).upToDate, true);
    const after = await data.status({ notInRemote: true });
    assert.deepEqual(
      after.entries.filter((entry) => entry.notInRemote),
      [],
    );

    await rm(join(root, '.dvc', 'cache'), { recursive: true, force: true });
    await rm(join(root, 'data.csv'));
    await rm(join(root, 'images'), { recursive: true });
    const gone = await data.status();
    assert.ok(gone.entries.every((entry) => entry.notInCache && entry.uncommitted === 'deleted'));

    const pulled = await data.pull();
    assert.equal(pulled.fetched, 4);
    assert.equal(pulled.failed, 0);
    for (const file of FILES) assert.equal(await sha256(join(root, file)), originals.get(file), file);
    assert.ok((await data.status()).entries.every((entry) => entry.unchanged && !entry.notInCache));

    // Remotes: a secret goes to config.local even when the caller does not ask for --local.
    await remotes.add('web', 'https://example.invalid/store');
    await remotes.modify('web', 'user', 'bob');
    await remotes.modify('web', 'password', 's3cret-value');
    const config = await readFile(join(root, '.dvc', 'config'), 'utf8');
    const local = await readFile(join(root, '.dvc', 'config.local'), 'utf8');
    assert.match(config, /user = bob/);
    assert.doesNotMatch(config, /s3cret-value/);
    assert.match(local, /password = s3cret-value/);

    await remotes.rename('web', 'site');
    await remotes.setDefault('site');
    const renamed = await remotes.list();
    assert.deepEqual(
      renamed.map((entry) => [entry.name, entry.isDefault]),
      [
        ['store', false],
        ['site', true],
      ],
    );
    assert.match(await readFile(join(root, '.dvc', 'config.local'), 'utf8'), /remote "site"/);

    await remotes.remove('site');
    await remotes.setDefault(undefined);
    assert.equal(await remotes.defaultRemote(), undefined);
    assert.deepEqual(await remotes.list(), [{ name: 'store', url: remote.dir, isDefault: false }]);
    assert.doesNotMatch(await readFile(join(root, '.dvc', 'config.local'), 'utf8'), /s3cret-value/);
  } finally {
    await repo.cleanup();
    await remote.cleanup();
  }
});
