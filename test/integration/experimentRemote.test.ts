/**
 * Experiments that leave the repository: `exp branch` makes a git branch holding the experiment's params,
 * `exp save` keeps the workspace as an experiment, `exp push` sends one to a second git remote (a bare
 * repository on disk) and a fresh clone's `exp pull` brings it back with its params, its outputs fetched
 * from the DVC remote both share.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { GitCli } from '../../src/cli/gitCli';
import { findExperiment } from '../../src/core/experiments/experimentModel';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { dvc, git, makeDemoRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

type TempDir = { dir: string; cleanup: () => Promise<void> };
let repo: TempDir;
let elsewhere: TempDir;
let service: ExperimentsService;
/** The model exp-lr3 trained, as its run left it in the workspace. */
let lr3Model = '';

async function experimentsOf(dir: string): Promise<ExperimentsService> {
  await git(dir, ['config', 'user.name', 'DVC Lens Test']);
  await git(dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
  const { cli, scheduler } = await recordingDvcCli(dir);
  return new ExperimentsService(cli, scheduler, new GitCli(dir));
}

async function setParam(dir: string, pattern: RegExp, text: string): Promise<void> {
  const file = join(dir, 'params.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace(pattern, text));
}

before(async () => {
  repo = await makeDemoRepo({ repro: true });
  elsewhere = await makeTempDir('dvc-lens-exp-remote-');
  service = await experimentsOf(repo.dir);
  // The second git remote and the DVC remote both live in another folder, as a team's server would.
  const bare = join(elsewhere.dir, 'team.git');
  await git(elsewhere.dir, ['init', '-q', '--bare', '-b', 'main', bare]);
  await git(repo.dir, ['remote', 'add', 'team', bare]);
  await dvc(repo.dir, ['remote', 'add', '-d', 'store', join(elsewhere.dir, 'dvc-store')]);
  await git(repo.dir, ['commit', '-q', '-am', 'DVC remote']);
  await dvc(repo.dir, ['push', '-q']);
  await git(repo.dir, ['push', '-q', 'team', 'main']);
});

after(async () => {
  await repo.cleanup();
  await elsewhere.cleanup();
});

void test('exp branch: a git branch whose params.yaml holds the experiment’s values', async () => {
  await service.run([{ file: 'params.yaml', key: 'train.learning_rate', value: '0.3' }], { name: 'exp-lr3' });
  lr3Model = await readFile(join(repo.dir, 'model', 'model.json'), 'utf8');
  await service.branch('exp-lr3', 'from-exp-lr3');
  const params = parse(await git(repo.dir, ['show', 'from-exp-lr3:params.yaml'])) as {
    train: { learning_rate: number };
  };
  assert.equal(params.train.learning_rate, 0.3);
  assert.match(await git(repo.dir, ['branch', '--list', 'from-exp-lr3']), /from-exp-lr3/);
});

void test('exp save: the workspace as it is becomes a listed experiment with its params', async () => {
  await setParam(repo.dir, /l2: [\d.e-]+/, 'l2: 0.005');
  await service.save('saved-l2');
  const saved = findExperiment(await service.show(), 'saved-l2');
  assert.ok(saved, 'saved-l2 is listed');
  assert.equal(saved.params['params.yaml']?.['train.l2'], 0.005);
});

void test('exp push to a bare git remote, then exp pull into a fresh clone: the experiment and its params arrive', async () => {
  await service.push('team', ['exp-lr3']);
  const refs = await git(join(elsewhere.dir, 'team.git'), [
    'for-each-ref',
    '--format=%(refname)',
    'refs/exps',
  ]);
  assert.match(refs, /\/exp-lr3$/m, 'the experiment ref is on the remote');

  const clone = join(elsewhere.dir, 'clone');
  await git(elsewhere.dir, ['clone', '-q', join(elsewhere.dir, 'team.git'), clone]);
  const other = await experimentsOf(clone);
  assert.equal(findExperiment(await other.show(), 'exp-lr3'), undefined, 'not there before the pull');
  await other.pull('origin', ['exp-lr3']);
  const pulled = findExperiment(await other.show(), 'exp-lr3');
  assert.ok(pulled, 'exp-lr3 is listed in the clone');
  assert.equal(pulled.params['params.yaml']?.['train.learning_rate'], 0.3);
  // Its outputs came along from the DVC remote: applying it in the clone restores the trained model.
  await other.apply('exp-lr3');
  assert.equal(await readFile(join(clone, 'model', 'model.json'), 'utf8'), lr3Model);
});
