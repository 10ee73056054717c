/**
 * The preflight before a remote run, with real git and DVC: a git remote (bare repository) and a DVC remote
 * (local folder). What is on both reads ready; a new commit and new data read as missing in one line; the
 * push (git push + dvc push) makes it ready.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { decidePreflight } from '../../src/core/execution/remotePreflight';
import {
  pushMissing,
  readPreflightFacts,
  type PreflightRepository,
} from '../../src/experiments/remote/remotePreflightCheck';
import { dvc, git, gitIdentityArgs } from '../helpers/dvcEnvironment';
import { makeRemoteExperimentRepo, type RemoteExperimentRepo } from '../helpers/remoteExperimentRepo';
import { recordingDvcCli } from './cliFixtures';

let repo: RemoteExperimentRepo | undefined;
let repository: PreflightRepository;

before(async () => {
  repo = await makeRemoteExperimentRepo();
  const { cli, scheduler } = await recordingDvcCli(repo.home);
  repository = { git: new GitCli(repo.home), dvc: cli, scheduler };
});

after(async () => {
  await repo?.cleanup();
});

void test('a baseline pushed with its data is ready', async () => {
  const facts = await readPreflightFacts(repository, 'origin');
  assert.equal(facts.baseline, repo?.baseline);
  assert.equal(facts.branch, 'main');
  assert.deepEqual(decidePreflight(facts), { kind: 'ready' });
});

void test('a new commit and new data are missing; Push and Submit pushes both; then it is ready', async () => {
  const home = repo?.home ?? '';
  await writeFile(join(home, 'data', 'input.txt'), 'a b c d e f g h i j\n');
  await dvc(home, ['add', '-q', 'data/input.txt']);
  await git(home, ['add', '-A']);
  await git(home, [...gitIdentityArgs, 'commit', '-q', '-m', 'more data']);
  const decision = decidePreflight(await readPreflightFacts(repository, 'origin'));
  assert.equal(decision.kind, 'push');
  if (decision.kind !== 'push') return;
  assert.match(
    decision.missing,
    /^The baseline commit [0-9a-f]{7} is not on git remote 'origin', and its data \(data\/input\.txt\) is not on the DVC remote\.$/,
  );
  assert.deepEqual(decision.gitPush, { remote: 'origin', branch: 'main' });
  assert.equal(decision.dataPush, true);
  const steps: string[] = [];
  await pushMissing(repository, decision, { report: (step) => steps.push(step) });
  assert.deepEqual(steps, ['git push origin main', 'dvc push']);
  assert.deepEqual(decidePreflight(await readPreflightFacts(repository, 'origin')), { kind: 'ready' });
});

void test('a git remote that is not there blocks, and nothing is fetched', async () => {
  const decision = decidePreflight(await readPreflightFacts(repository, 'upstream'));
  assert.equal(decision.kind, 'blocked');
});
