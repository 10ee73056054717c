/**
 * The regression warning's baseline ref with real DVC and git: a tag on the reproduced demo, then a commit that
 * lowers accuracy. Reading the tag resolves it with git and asks DVC once per sha (again only when the ref
 * moves); the workspace's headline metric compared with that row is a regression; a ref that names nothing
 * comes back as `invalid` without throwing.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { headlineRegressions } from '../../src/core/metrics/headlineRegression';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { BaselineReader } from '../../src/metrics/baselineReader';
import { dvc, git, gitIdentityArgs, makeDemoRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli, type RecordingCli } from './cliFixtures';

let repo: { dir: string; cleanup: () => Promise<void> };
let recording: RecordingCli;
let reader: BaselineReader;
let experiments: ExperimentsService;

const expShows = (): string[] => recording.lines.filter((line) => /exp show/.test(line));

before(async () => {
  repo = await makeDemoRepo({ repro: true });
  await git(repo.dir, ['tag', 'v1']);
  // A worse model on top: fewer epochs and a tiny learning rate.
  const paramsPath = join(repo.dir, 'params.yaml');
  const params = await readFile(paramsPath, 'utf8');
  await writeFile(
    paramsPath,
    params.replace('learning_rate: 0.5', 'learning_rate: 0.01').replace('epochs: 40', 'epochs: 2'),
  );
  await dvc(repo.dir, ['repro', '-q']);
  await git(repo.dir, ['add', '-A']);
  await git(repo.dir, [...gitIdentityArgs, 'commit', '-q', '-m', 'Worse model']);
  recording = await recordingDvcCli(repo.dir);
  const gitCli = new GitCli(repo.dir);
  experiments = new ExperimentsService(recording.cli, recording.scheduler, gitCli);
  reader = new BaselineReader(gitCli, experiments);
});

after(async () => {
  recording.scheduler.dispose();
  await repo.cleanup();
});

void describe('baseline ref of the regression warning with real DVC', () => {
  void it('reads the tagged commit once per sha and finds the regression against it', async () => {
    const v1 = (await git(repo.dir, ['rev-parse', 'v1'])).trim();
    const first = await reader.read('v1');
    assert.equal(first.kind, 'row');
    if (first.kind !== 'row') return;
    assert.equal(first.sha, v1);
    const tagged = JSON.parse(await git(repo.dir, ['show', 'v1:metrics.json'])) as Record<string, number>;
    assert.equal(first.row?.metrics['metrics.json']?.accuracy, tagged.accuracy);
    assert.equal(expShows().length, 1);
    assert.ok(expShows()[0]?.includes(`--rev ${v1}`), expShows()[0]);
    await reader.read('v1');
    assert.equal(expShows().length, 1, 'the same sha is not read again');

    const model = await experiments.show({ commits: 1 });
    const now = model.workspace?.metrics['metrics.json']?.accuracy;
    assert.ok(typeof now === 'number' && typeof tagged.accuracy === 'number' && now < tagged.accuracy);
    const worse = headlineRegressions(model.workspace, first.row, {}, 'accuracy');
    assert.deepEqual(
      worse.map((value) => [value.key, value.head, value.value]),
      [['accuracy', tagged.accuracy, now]],
    );
    // HEAD's row from the store's model is reused: no DVC call for a ref the model already lists.
    const head = await reader.read('main', model.commits);
    assert.equal(head.kind === 'row' && head.row?.rev, model.commits[0]?.rev);
    assert.equal(expShows().length, 2, 'only the store-like read above ran');
  });

  void it('reads again when the ref moves to another commit', async () => {
    await git(repo.dir, ['tag', '-f', 'v1', 'HEAD']);
    const moved = await reader.read('v1');
    assert.equal(moved.kind === 'row' && moved.sha, (await git(repo.dir, ['rev-parse', 'HEAD'])).trim());
    assert.equal(expShows().length, 3);
  });

  void it('says an unknown ref is not a commit, without throwing', async () => {
    const read = await reader.read('no-such-branch');
    assert.equal(read.kind, 'invalid');
    assert.match(
      read.kind === 'invalid' ? read.message : '',
      /'no-such-branch' is not a branch, tag or commit/,
    );
    assert.equal((await reader.read('--upload-pack=evil')).kind, 'invalid');
  });
});
