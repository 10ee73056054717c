/**
 * Values that look like options, with the real DVC 3.67.1 and git: each one reaches DVC or git as a value (after
 * `--` or glued as `--opt=value`) or is refused with a reason, and none of them costs the person data. Every
 * case here once went wrong: a password `-Xy9secret` lost in a rename, `-u` taken for `--unset`, a remote named
 * `-u` unsetting the default, `stage add --help` reporting success, paths starting with `-` failing.
 */
import assert from 'node:assert/strict';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { FlagLikeValueError } from '../../src/cli/safeArguments';
import { DataActions } from '../../src/data/dataActions';
import { DataService } from '../../src/data/dataService';
import { RemotesService } from '../../src/data/remotesService';
import { InvalidStageDraftError, StageEditor } from '../../src/pipeline/stageEditing/stageEditor';
import { dvc, git, gitIdentityArgs, makeDvcRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const identity = {
  GIT_AUTHOR_NAME: 'DVC Lens Test',
  GIT_AUTHOR_EMAIL: 'test@dvc-lens.invalid',
  GIT_COMMITTER_NAME: 'DVC Lens Test',
  GIT_COMMITTER_EMAIL: 'test@dvc-lens.invalid',
};

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

async function localConfig(root: string): Promise<string> {
  return readFile(join(root, '.dvc', 'config.local'), 'utf8').catch(() => '');
}

/** `remote.<name>.<option>` as DVC itself reads it from `.dvc/config.local`. */
async function localOption(root: string, remote: string, option: string): Promise<string | undefined> {
  const line = (await dvc(root, ['config', '--list', '--local']))
    .split(/\r?\n/)
    .find((entry) => entry.startsWith(`remote.${remote}.${option}=`));
  return line?.slice(`remote.${remote}.${option}=`.length);
}

void test('a password -Xy9secret survives a rename, -u is set literally, a failed rename loses nothing', async () => {
  const repo = await makeDvcRepo();
  try {
    const root = repo.dir;
    const { cli, scheduler } = await recordingDvcCli(root);
    const remotes = new RemotesService(cli, scheduler);
    await remotes.add('web', 'https://example.invalid/store', { default: true });
    await remotes.add('other', 'https://example.invalid/other');
    await remotes.modify('web', 'user', 'bob');
    await remotes.modify('web', 'password', '-Xy9secret');
    assert.equal(await localOption(root, 'web', 'password'), '-Xy9secret');

    await remotes.rename('web', 'site');
    assert.equal(
      await localOption(root, 'site', 'password'),
      '-Xy9secret',
      'in config.local of the new name',
    );
    assert.equal(await localOption(root, 'web', 'password'), undefined, 'gone from the old name');
    assert.doesNotMatch(await localConfig(root), /remote "web"/);
    assert.doesNotMatch(await readFile(join(root, '.dvc', 'config'), 'utf8'), /Xy9secret/);
    assert.deepEqual((await remotes.list()).map((remote) => [remote.name, remote.isDefault]).sort(), [
      ['other', false],
      ['site', true],
    ]);

    // DVC refuses a rename onto a name in use: the credentials stay where they were, nothing else changes.
    const before = await localConfig(root);
    await assert.rejects(remotes.rename('site', 'other'), /already exists/);
    assert.equal(await localConfig(root), before);
    assert.equal(await localOption(root, 'site', 'password'), '-Xy9secret');

    // `-u` is DVC's short `--unset`: as a value it must be stored, not unset the password.
    await remotes.modify('site', 'password', '-u');
    assert.equal(await localOption(root, 'site', 'password'), '-u');
    assert.match(await localConfig(root), /password = -u/);
  } finally {
    await repo.cleanup();
  }
});

void test('a remote named -u in the committed config becomes the default, and can be renamed and removed', async () => {
  const repo = await makeDvcRepo();
  try {
    const root = repo.dir;
    await dvc(root, ['remote', 'add', '--default', '--', 'store', 'https://example.invalid/store']);
    await dvc(root, ['remote', 'add', '--', '-u', 'https://example.invalid/u']);
    await git(root, ['add', '.dvc/config']);
    await git(root, [...gitIdentityArgs, 'commit', '-q', '-m', 'remotes']);
    const { cli, scheduler } = await recordingDvcCli(root);
    const remotes = new RemotesService(cli, scheduler);

    await remotes.setDefault('-u');
    assert.equal(await remotes.defaultRemote(), '-u');
    assert.match(await readFile(join(root, '.dvc', 'config'), 'utf8'), /remote = -u/);

    await remotes.modify('-u', 'password', '-p');
    await remotes.rename('-u', 'dash');
    assert.equal(await remotes.defaultRemote(), 'dash');
    assert.equal(await localOption(root, 'dash', 'password'), '-p');
    await remotes.remove('dash');
    assert.deepEqual(
      (await remotes.list()).map((remote) => remote.name),
      ['store'],
    );
    assert.doesNotMatch(await localConfig(root), /-p/);
  } finally {
    await repo.cleanup();
  }
});

void test('stage add: a command --help is refused before DVC runs; paths starting with - are written as given', async () => {
  const repo = await makeDvcRepo();
  try {
    const root = repo.dir;
    await writeFile(join(root, '-in.csv'), 'a\n');
    const { cli, scheduler, lines } = await recordingDvcCli(root);
    const editor = new StageEditor(cli, scheduler);
    const draft = {
      name: 'copy',
      command: '--help',
      deps: ['-in.csv'],
      outs: ['-out.csv'],
      params: [],
      metrics: [],
      plots: [],
    };
    await assert.rejects(
      editor.add(draft, []),
      (error: unknown) =>
        error instanceof InvalidStageDraftError && /cannot start with '-'/.test(error.message),
    );
    await assert.rejects(cli.stageAdd({ name: 'copy', command: '--help' }), FlagLikeValueError);
    assert.ok(!lines.some((line) => line.includes('stage add')), 'DVC never ran');
    assert.equal(await exists(join(root, 'dvc.yaml')), false, 'no false success: nothing was written');

    await editor.add({ ...draft, command: 'cp -- -in.csv -out.csv' }, []);
    const yaml = await readFile(join(root, 'dvc.yaml'), 'utf8');
    assert.match(yaml, /cmd: cp -- -in\.csv -out\.csv\n/);
    assert.match(yaml, /deps:\n\s+- -in\.csv\n/);
    assert.match(yaml, /outs:\n\s+- -out\.csv\n/);
    assert.deepEqual(await cli.stageList(), ['copy']);
  } finally {
    await repo.cleanup();
  }
});

void test('a data path -data.csv tracks, pushes, checks out, commits and untracks; git takes -messages', async () => {
  const repo = await makeDvcRepo();
  const store = await makeTempDir('dvc-lens-remote-');
  try {
    const root = repo.dir;
    await writeFile(join(root, '-data.csv'), 'x,y\n1,2\n');
    const { cli, scheduler } = await recordingDvcCli(root);
    const gitCli = new GitCli(root, { env: identity });
    const data = new DataService(cli, scheduler, gitCli);
    const actions = new DataActions(cli, scheduler, gitCli);
    const remotes = new RemotesService(cli, scheduler);
    await remotes.add('-store', store.dir);

    assert.deepEqual((await data.track(['-data.csv'])).sort(), ['-data.csv.dvc', '.gitignore']);
    assert.match(await readFile(join(root, '-data.csv.dvc'), 'utf8'), /path: -data\.csv/);
    const commit = await actions.commitDataChanges('-m is the message, not an option');
    assert.deepEqual(commit?.files, ['-data.csv.dvc', '.gitignore']);
    assert.equal((await git(root, ['log', '-1', '--format=%s'])).trim(), '-m is the message, not an option');

    assert.equal((await data.push({ targets: ['-data.csv'], remote: '-store' })).pushed, 1);
    await writeFile(join(root, '-data.csv'), 'x,y\n1,2\n3,4\n');
    await actions.checkout('-data.csv', true);
    assert.equal(await readFile(join(root, '-data.csv'), 'utf8'), 'x,y\n1,2\n');
    await writeFile(join(root, '-data.csv'), 'x,y\n5,6\n');
    await actions.commit('-data.csv');
    const committed = (await data.status()).entries.find((entry) => entry.path === '-data.csv');
    assert.equal(committed?.uncommitted, undefined, 'DVC recorded the new version');
    assert.equal(committed?.committed, 'modified');

    const staged = await actions.untrack('-data.csv.dvc');
    assert.deepEqual(staged.sort(), ['-data.csv.dvc', '.gitignore']);
    assert.equal(await exists(join(root, '-data.csv.dvc')), false);
    assert.equal(await readFile(join(root, '-data.csv'), 'utf8'), 'x,y\n5,6\n', 'the data stays');
    assert.match(await git(root, ['status', '--porcelain']), /^D {2}-data\.csv\.dvc$/m);

    await gitCli.setIdentity('-Dash Person', '-dash@dvc-lens.invalid', 'repository');
    assert.deepEqual(await gitCli.identity(), { name: '-Dash Person', email: '-dash@dvc-lens.invalid' });
  } finally {
    await repo.cleanup();
    await store.cleanup();
  }
});
