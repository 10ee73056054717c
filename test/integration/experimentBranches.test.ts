/**
 * Other branches and the first commit, with real git and DVC: the chosen branch's commits and experiments
 * come back sorted under that branch; a repository without commits reports it, DVC Lens's first commit holds
 * DVC's files only, and `dvc exp show` then lists the commit.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { needsFirstCommit } from '../../src/core/experiments/firstCommit';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { createFirstCommit, firstCommitCandidates } from '../../src/experiments/firstCommitGit';
import { planOtherBranches } from '../../src/experiments/otherBranchesPlan';
import { addStage, dvc, git, makeDvcRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const TRAIN = `import json
lr = float(open("params.yaml").read().split(":")[1])
json.dump({"score": lr * 2}, open("metrics.json", "w"))
`;

async function serviceFor(dir: string): Promise<{ service: ExperimentsService; gitCli: GitCli }> {
  const { cli, scheduler } = await recordingDvcCli(dir);
  const gitCli = new GitCli(dir);
  return { service: new ExperimentsService(cli, scheduler, gitCli), gitCli };
}

async function identify(dir: string): Promise<void> {
  await git(dir, ['config', 'user.name', 'DVC Lens Test']);
  await git(dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
}

/** params.yaml (lr 0.1), train.py and a `train` stage that depends on them and writes metrics.json. */
async function addTrainStage(dir: string): Promise<void> {
  await writeFile(join(dir, 'params.yaml'), 'lr: 0.1\n');
  await writeFile(join(dir, 'train.py'), TRAIN);
  await addStage(dir, 'train', ['-p', 'lr', '-d', 'train.py', '-M', 'metrics.json'], 'python3 train.py');
}

void test('a chosen other branch: its commits and experiments are listed under it, HEAD’s stay apart', async () => {
  const repo = await makeDvcRepo();
  cleanups.push(repo.cleanup);
  const dir = repo.dir;
  await identify(dir);
  await addTrainStage(dir);
  await dvc(dir, ['repro', '-q']);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'pipeline']);
  await git(dir, ['checkout', '-q', '-b', 'feat']);
  await writeFile(join(dir, 'params.yaml'), 'lr: 0.3\n');
  await dvc(dir, ['repro', '-q']);
  await git(dir, ['commit', '-q', '-am', 'feat: lr 0.3']);
  await dvc(dir, ['exp', 'run', '-q', '-S', 'lr=0.5', '-n', 'feat-exp']);
  const featTip = (await git(dir, ['rev-parse', 'HEAD'])).trim();
  await git(dir, ['reset', '-q', '--hard']);
  await git(dir, ['checkout', '-q', 'main']);
  await dvc(dir, ['exp', 'run', '-q', '-S', 'lr=0.7', '-n', 'main-exp']);
  await git(dir, ['reset', '-q', '--hard']);
  const mainTip = (await git(dir, ['rev-parse', 'HEAD'])).trim();

  const { service, gitCli } = await serviceFor(dir);
  assert.equal(await planOtherBranches(gitCli, ['main'], 5), undefined, 'the checked-out branch is HEAD’s');
  assert.equal(await planOtherBranches(gitCli, ['gone'], 5), undefined, 'a deleted branch is skipped');
  const plan = await planOtherBranches(gitCli, ['feat', 'gone'], 5);
  assert.ok(plan);
  assert.deepEqual(plan.branches, ['feat']);
  const model = await service.show(plan.query);
  const groups = plan.group(model);

  assert.equal(groups.head[0]?.rev, mainTip);
  assert.deepEqual(
    groups.head[0]?.experiments.map((row) => row.name),
    ['main-exp'],
  );
  assert.ok(groups.head.every((commit) => commit.rev !== featTip));
  const [feat] = groups.branches;
  assert.equal(feat?.branch, 'feat');
  // main's commits are shown once, under HEAD: the branch lists only its own.
  assert.deepEqual(
    feat?.commits.map((commit) => commit.rev),
    [featTip],
  );
  assert.equal(feat?.commits[0]?.params['params.yaml']?.lr, 0.3);
  const experiment = feat?.commits[0]?.experiments[0];
  assert.equal(experiment?.name, 'feat-exp');
  assert.equal(experiment?.params['params.yaml']?.lr, 0.5);
  assert.equal(experiment?.metrics['metrics.json']?.score, 1);
});

void test('no commit yet: reported, the first commit holds DVC’s files only, then exp show lists it', async () => {
  const temp = await makeTempDir();
  cleanups.push(temp.cleanup);
  const dir = temp.dir;
  await git(dir, ['init', '-q', '-b', 'main']);
  await identify(dir);
  await dvc(dir, ['init', '-q']);
  await writeFile(join(dir, 'secret.env'), 'TOKEN=1\n');
  await addTrainStage(dir);

  const { service, gitCli } = await serviceFor(dir);
  assert.equal(needsFirstCommit(await service.show()), true);

  const files = await firstCommitCandidates(gitCli);
  assert.deepEqual(files, ['.dvc/.gitignore', '.dvc/config', '.dvcignore', 'dvc.yaml', 'params.yaml']);
  const sha = await createFirstCommit(gitCli, files);

  const tracked = (await git(dir, ['ls-files']))
    .split('\n')
    .filter((line) => line.length > 0)
    .sort();
  assert.deepEqual(tracked, files);
  assert.match(await git(dir, ['status', '--porcelain']), /\?\? secret\.env/);

  const model = await service.show();
  assert.equal(needsFirstCommit(model), false);
  assert.equal(model.commits[0]?.rev, sha);
  assert.equal(model.commits[0]?.params['params.yaml']?.lr, 0.1);
});
