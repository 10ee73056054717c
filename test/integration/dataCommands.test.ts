/**
 * The data commands against the real DVC and git, on a fresh copy of the demo: commit a modified file to the
 * cache, check out over a change (DVC refuses without --force), stop tracking (the data stays), detect a file
 * git already tracks, and commit exactly the metadata files.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { isProcessError } from '../../src/cli/processError';
import { DataActions } from '../../src/data/dataActions';
import { DataService } from '../../src/data/dataService';
import { git, makeDemoRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const identity = { GIT_AUTHOR_NAME: 'DVC Lens Test', GIT_AUTHOR_EMAIL: 'test@dvc-lens.invalid' };
const committer = { GIT_COMMITTER_NAME: 'DVC Lens Test', GIT_COMMITTER_EMAIL: 'test@dvc-lens.invalid' };

async function setUp() {
  const repo = await makeDemoRepo();
  const { cli, scheduler } = await recordingDvcCli(repo.dir);
  const gitCli = new GitCli(repo.dir, { env: { ...identity, ...committer } });
  return {
    repo,
    root: repo.dir,
    actions: new DataActions(cli, scheduler, gitCli),
    data: new DataService(cli, scheduler, gitCli),
  };
}

void test('commit to cache, check out over a change, commit exactly the metadata files', async () => {
  const { repo, root, actions, data } = await setUp();
  try {
    const raw = join(root, 'data', 'raw.csv');
    const original = await readFile(raw, 'utf8');
    await writeFile(raw, `${original}9,9,9\n`);
    const modified = (await data.status()).entries.find((entry) => entry.path === 'data/raw.csv');
    assert.equal(modified?.uncommitted, 'modified');

    // A change DVC has not recorded: a plain checkout refuses, --force overwrites.
    await assert.rejects(actions.checkout('data/raw.csv', false), (error: unknown) =>
      isProcessError(error, 'exit'),
    );
    await actions.checkout('data/raw.csv', true);
    assert.equal(await readFile(raw, 'utf8'), original);

    // Commit to cache records the new version in the .dvc file; git sees only the metadata change.
    await writeFile(raw, `${original}8,8,8\n`);
    const dvcBefore = await readFile(join(root, 'data', 'raw.csv.dvc'), 'utf8');
    await actions.commit('data/raw.csv');
    assert.notEqual(await readFile(join(root, 'data', 'raw.csv.dvc'), 'utf8'), dvcBefore);
    const recorded = (await data.status()).entries.find((entry) => entry.path === 'data/raw.csv');
    assert.equal(recorded?.committed, 'modified');
    assert.equal(recorded?.uncommitted, undefined);

    // An unrelated staged file and an unrelated edit stay out of the data commit.
    await writeFile(join(root, 'notes.txt'), 'not data\n');
    await git(root, ['add', 'notes.txt']);
    await writeFile(
      join(root, 'params.yaml'),
      `${await readFile(join(root, 'params.yaml'), 'utf8')}# edited\n`,
    );
    assert.deepEqual(await actions.pendingMetadataChanges(), ['data/raw.csv.dvc']);
    const commit = await actions.commitDataChanges('Update data: data/raw.csv.dvc');
    assert.deepEqual(commit?.files, ['data/raw.csv.dvc']);
    const committed = await git(root, ['show', '--name-only', '--format=%s', 'HEAD']);
    assert.deepEqual(
      committed.split('\n').filter((line) => line !== ''),
      ['Update data: data/raw.csv.dvc', 'data/raw.csv.dvc'],
    );
    const left = await git(root, ['status', '--porcelain']);
    assert.match(left, /^A {2}notes\.txt$/m, 'the unrelated staged file is still staged');
    assert.match(left, /^ M params\.yaml$/m);
    assert.equal(await actions.commitDataChanges('nothing'), undefined);
  } finally {
    await repo.cleanup();
  }
});

void test('stop tracking keeps the data and stages the removal; git-tracked files are detected', async () => {
  const { repo, root, actions, data } = await setUp();
  try {
    await writeFile(join(root, 'data', 'extra.csv'), 'a,b\n1,2\n');
    assert.deepEqual(await data.track(['data/extra.csv']), ['data/extra.csv.dvc', 'data/.gitignore']);
    await git(root, ['-c', 'user.name=T', '-c', 'user.email=t@x.invalid', 'commit', '-q', '-m', 'track']);

    const staged = await actions.untrack('data/extra.csv.dvc');
    assert.deepEqual(staged.sort(), ['data/.gitignore', 'data/extra.csv.dvc']);
    assert.equal(await readFile(join(root, 'data', 'extra.csv'), 'utf8'), 'a,b\n1,2\n', 'the data stays');
    const status = await git(root, ['status', '--porcelain']);
    assert.match(status, /^D {2}data\/extra\.csv\.dvc$/m);
    assert.match(status, /^M {2}data\/\.gitignore$/m);
    assert.match(status, /^\?\? data\/extra\.csv$/m);
    // A staged deletion is committed without a failing `git add` of the missing file.
    const commit = await actions.commitDataChanges('Stop tracking data/extra.csv');
    assert.deepEqual(commit?.files, ['data/.gitignore', 'data/extra.csv.dvc']);

    // A file git tracks: DVC would refuse; the action sees it, and git lets go of it on request.
    await writeFile(join(root, 'data', 'in-git.csv'), 'x\n');
    await git(root, ['add', 'data/in-git.csv']);
    assert.deepEqual(await actions.gitTrackedFiles(['data/in-git.csv', 'data/extra.csv']), [
      'data/in-git.csv',
    ]);
    assert.deepEqual(await actions.gitTrackedFiles(['src']), [
      'src/common.py',
      'src/evaluate.py',
      'src/params.py',
      'src/prepare.py',
      'src/train.py',
    ]);
    await assert.rejects(data.track(['data/in-git.csv']), (error: unknown) => isProcessError(error, 'exit'));
    await actions.stopGitTracking(['data/in-git.csv']);
    assert.deepEqual(await actions.gitTrackedFiles(['data/in-git.csv']), []);
    assert.deepEqual(await data.track(['data/in-git.csv']), ['data/in-git.csv.dvc', 'data/.gitignore']);
  } finally {
    await repo.cleanup();
  }
});
