/**
 * The model registry with real gto (pinned with DVC by scripts/ensure-dvc.sh) and git: Declare Artifact's
 * insertion, a registry history written with git (dated in the past), then register, assign, unassign,
 * deregister and deprecate through GtoCli, read back from the tags
 * by GTO's rules (git for-each-ref, and .git's files as Restricted Mode does), and compared with
 * `gto show --json` on the same repository: three artifacts (one in a sub-folder), several versions, stages,
 * a deregistered version and a deprecated artifact.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { GitCli } from '../../src/cli/gitCli';
import { GtoCli, gtoRefusalReason } from '../../src/cli/gtoCli';
import { isProcessError } from '../../src/cli/processError';
import { RepositoryScheduler } from '../../src/cli/repositoryScheduler';
import { ProcessRunner } from '../../src/cli/runner';
import { applyInsertion } from '../../src/core/pipeline/addTopLevelPlot';
import { declareArtifact, readDeclaredArtifacts } from '../../src/core/registry/declaredArtifacts';
import { buildRegistryState, gtoShowSummary } from '../../src/core/registry/registryState';
import type { RegistryState, RegistryTag } from '../../src/core/registry/registryTypes';
import { readRegistryTagFiles } from '../../src/registry/tagFiles';
import { git, gitIdentityArgs, makeDvcRepo, pinnedDvcPath } from '../helpers/dvcEnvironment';

const run = promisify(execFile);

let repo: { dir: string; cleanup: () => Promise<void> };
let gto: GtoCli;
let gitCli: GitCli;
const shas: string[] = [];

/** GTO dates tags to the second and breaks ties by its own order: one tag per second keeps the test exact. */
const nextSecond = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1100));

async function commit(message: string): Promise<string> {
  await git(repo.dir, ['add', '-A']);
  await git(repo.dir, [...gitIdentityArgs, 'commit', '-q', '--allow-empty', '-m', message]);
  const sha = (await git(repo.dir, ['rev-parse', 'HEAD'])).trim();
  shas.push(sha);
  return sha;
}

async function declared(): Promise<ReturnType<typeof readDeclaredArtifacts>> {
  const root = readDeclaredArtifacts(await readFile(join(repo.dir, 'dvc.yaml'), 'utf8'), 'dvc.yaml', '');
  const sub = readDeclaredArtifacts(
    await readFile(join(repo.dir, 'sub', 'dvc.yaml'), 'utf8'),
    'sub/dvc.yaml',
    'sub',
  );
  return [...root, ...sub];
}

/** What the Models view computes when trusted: tags from git for-each-ref, HEAD, the declarations. */
async function stateFromGit(): Promise<RegistryState> {
  const tags: RegistryTag[] = (await gitCli.tagRecords())
    .filter((record) => record.annotated)
    .map((record) => ({
      name: record.name,
      commit: record.commit,
      author: record.tagger,
      ...(record.taggedAt !== undefined ? { taggedAt: record.taggedAt } : {}),
      ...(record.committedAt !== undefined ? { committedAt: record.committedAt } : {}),
    }));
  const head = await gitCli.headCommit();
  return buildRegistryState({ tags, declared: await declared(), ...(head ? { head } : {}) });
}

async function tagged<T>(action: () => Promise<T>): Promise<T> {
  const result = await action();
  await nextSecond();
  return result;
}

void describe('model registry with real gto and git', () => {
  before(async () => {
    repo = await makeDvcRepo();
    await git(repo.dir, ['config', 'user.name', 'Registry Tester']);
    await git(repo.dir, ['config', 'user.email', 'registry@dvc-lens.invalid']);
    const runner = new ProcessRunner({ log: { append: () => undefined } });
    const scheduler = new RepositoryScheduler(repo.dir, runner);
    gto = new GtoCli(join(dirname(await pinnedDvcPath()), 'gto'), scheduler);
    gitCli = new GitCli(repo.dir);
    const pipeline = '# training\nstages:\n  train:\n    cmd: python train.py  # keep me\n';
    let text = pipeline;
    for (const declaration of [
      { name: 'clf', path: 'models/clf.pkl', type: 'model', desc: 'Text classifier', labels: ['nlp'] },
      { name: 'old', path: 'models/old.pkl', type: 'model' },
    ]) {
      const result = declareArtifact(text, declaration);
      assert.ok(result.ok);
      text = applyInsertion(text, result.insertion);
    }
    assert.ok(text.startsWith(pipeline), 'the insertion keeps the file as written');
    await writeFile(join(repo.dir, 'dvc.yaml'), text);
    await mkdir(join(repo.dir, 'sub'));
    await writeFile(
      join(repo.dir, 'sub', 'dvc.yaml'),
      'artifacts:\n  seg:\n    path: seg.pt\n    type: model\n',
    );
    await commit('declare artifacts');
    await commit('second model');
    await commit('third model');

    // Most of the history as GTO would have written it, dated in the past (one minute apart) with plain git:
    // real gto then acts on top of it (and is the judge in the parity test).
    const [a = '', b = '', c = ''] = shas;
    const history: Array<[string, string]> = [
      ['clf@v0.0.1', a],
      ['clf@v0.1.0', b],
      ['clf@v0.1.1', c],
      ['clf#prod#1', a],
      ['clf#staging#2', b],
      ['sub=seg@v1.0.0', b],
      ['sub=seg#dev#1', b],
      ['sub=seg#qa#2', b],
      ['old@v0.0.1', a],
    ];
    for (const [index, [name, commit]] of history.entries())
      await run('git', ['tag', '-a', '-m', `fixture ${name}`, name, commit], {
        cwd: repo.dir,
        env: { ...process.env, GIT_COMMITTER_DATE: `2026-01-01T00:${String(index).padStart(2, '0')}:00Z` },
      });
    await tagged(() => gto.assign('clf', 'v0.1.0', 'prod'));
    await tagged(() => gto.deregister('clf', 'v0.1.1'));
    await tagged(() => gto.unassign('sub:seg', 'v1.0.0', 'qa'));
    await tagged(() => gto.register('sub:seg', c, 'v1.1.0'));
    await tagged(() => gto.deprecate('old'));
  });

  after(async () => {
    await repo?.cleanup();
  });

  void it('reads back what the actions made', async () => {
    const state = await stateFromGit();
    const clf = state.artifacts.find((artifact) => artifact.name === 'clf');
    assert.ok(clf);
    assert.equal(clf.latest, 'v0.1.0');
    assert.deepEqual(clf.stages, { prod: 'v0.1.0', staging: 'v0.1.0' });
    assert.equal(clf.declaration?.desc, 'Text classifier');
    assert.deepEqual(
      clf.versions.map((version) => [version.version, version.active, version.commit]),
      [
        ['v0.1.1', false, shas[2]],
        ['v0.1.0', true, shas[1]],
        ['v0.0.1', true, shas[0]],
      ],
    );
    assert.equal(clf.versions[1]?.author, 'Registry Tester');
    const seg = state.artifacts.find((artifact) => artifact.name === 'sub:seg');
    assert.deepEqual(seg?.stages, { dev: 'v1.0.0' });
    assert.equal(seg?.latest, 'v1.1.0');
    assert.equal(state.artifacts.find((artifact) => artifact.name === 'old')?.deprecated, true);
    assert.ok(state.tagsByCommit.get(shas[1] ?? '')?.includes('clf#prod#3'));
  });

  void it('matches gto show --json', async () => {
    const expected = await gto.showJson();
    assert.deepEqual(gtoShowSummary(await stateFromGit()), expected);
  });

  void it("refuses an existing version with GTO's reason in one line", async () => {
    const error = await gto.register('clf', shas[0] ?? '', 'v0.0.1').then(
      () => undefined,
      (failure: unknown) => failure,
    );
    assert.ok(isProcessError(error));
    const reason = gtoRefusalReason(error.stderr);
    assert.ok(!reason.includes('\n'));
    assert.match(reason, /already/);
  });

  void it('reads the same registry from .git files alone (Restricted Mode), loose and packed refs', async () => {
    const fromGit = await stateFromGit();
    const summarize = (state: RegistryState) =>
      state.artifacts.map((artifact) => [
        artifact.name,
        artifact.latest,
        artifact.stages,
        artifact.deprecated,
      ]);
    const loose = buildRegistryState({
      tags: await readRegistryTagFiles(repo.dir),
      declared: await declared(),
    });
    assert.deepEqual(summarize(loose), summarize(fromGit));
    await git(repo.dir, ['pack-refs', '--all']);
    const packed = buildRegistryState({
      tags: await readRegistryTagFiles(repo.dir),
      declared: await declared(),
    });
    assert.deepEqual(summarize(packed), summarize(fromGit));
  });
});
