/**
 * The compare view's model with the real DVC and git on a copy of the demo: two experiments compared through
 * CompareService have exactly the changed params and metrics (and differences) that `dvc exp diff --json`
 * reports; workspace-first comparisons are the revision-first ones turned round; a changed source file is
 * listed and its content at each revision is readable.
 */
import assert from 'node:assert/strict';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { parseCliJson } from '../../src/core/cliJson';
import { visibleRows } from '../../src/core/compare/compareModel';
import { expDiffFromRows } from '../../src/core/compare/expDiffFromRows';
import { allRows, type ExperimentRow } from '../../src/core/experiments/experimentModel';
import { parseExpDiff } from '../../src/core/experiments/parseExpDiff';
import { parseExpShow } from '../../src/core/experiments/parseExpShow';
import { CompareService, WORKSPACE_REF } from '../../src/experiments/compare/compareService';
import { dvc, git, makeDemoRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

let repo: { dir: string; cleanup: () => Promise<void> };
let service: CompareService;
let gitCli: GitCli;

before(async () => {
  repo = await makeDemoRepo({ repro: true });
  await git(repo.dir, ['config', 'user.name', 'DVC Lens Test']);
  await git(repo.dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
  await dvc(repo.dir, ['exp', 'run', '-S', 'train.learning_rate=0.05', '-n', 'slow']);
  // A source change in the second experiment: the compare view lists it as a changed file.
  await appendFile(join(repo.dir, 'src', 'train.py'), '\n# tuned\n');
  await dvc(repo.dir, ['exp', 'run', '-S', 'train.learning_rate=0.8', '-S', 'train.epochs=10', '-n', 'fast']);
  const { cli } = await recordingDvcCli(repo.dir);
  gitCli = new GitCli(repo.dir);
  service = new CompareService(cli, gitCli);
});

after(async () => {
  await repo.cleanup();
});

void test('two experiments: the changed params and metrics are exactly what dvc exp diff --json reports', async () => {
  const a = await service.resolve('slow');
  const b = await service.resolve('fast');
  assert.match(a.label, /^slow \([0-9a-f]{7}\)$/);
  const model = await service.compare(a, b, {});
  const expected = parseExpDiff(parseCliJson(await dvc(repo.dir, ['exp', 'diff', 'slow', 'fast', '--json'])));
  const shown = [...visibleRows(model.params, true), ...visibleRows(model.metrics, true)];
  assert.deepEqual(
    shown.map((row) => `${row.kind}:${row.file}:${row.key}`).sort(),
    expected.map((entry) => `${entry.kind}:${entry.file}:${entry.key}`).sort(),
  );
  for (const entry of expected) {
    const row = shown.find((candidate) => candidate.key === entry.key && candidate.kind === entry.kind);
    assert.equal(row?.a, String(entry.old), entry.key);
    assert.equal(row?.b, String(entry.new), entry.key);
    if (entry.diff !== undefined) assert.ok(Math.abs((row?.absolute ?? NaN) - entry.diff) < 1e-9, entry.key);
  }
  assert.ok(
    model.params.some((row) => !row.changed && row.key === 'prepare.seed'),
    'unchanged rows too',
  );
  assert.deepEqual(model.data, [{ change: 'modified', path: 'model/model.json' }]);
  assert.ok(model.files.some((file) => file.path === 'src/train.py' && file.change === 'modified'));
  assert.ok(model.files.some((file) => file.path === 'params.yaml'));
  const before = await gitCli.fileAt(a.sha ?? '', 'src/train.py');
  const afterChange = await gitCli.fileAt(b.sha ?? '', 'src/train.py');
  assert.ok(afterChange?.endsWith('# tuned\n') && !before?.includes('# tuned'));
});

void test('the revision picker lists branches and recent commits from git', async () => {
  const refs = await gitCli.branchesAndTags();
  const head = (await git(repo.dir, ['rev-parse', 'HEAD'])).trim();
  assert.ok(
    refs.some((ref) => ref.kind === 'branch' && ref.sha === head),
    JSON.stringify(refs),
  );
  const commits = await gitCli.recentCommits(5);
  assert.deepEqual(
    commits.map((commit) => commit.subject),
    ['Reproduce the pipeline', 'Demo project: pipeline and raw data'],
  );
  assert.equal(commits[0]?.sha, head);
});

void test('workspace first is the revision-vs-workspace comparison turned round', async () => {
  // `dvc exp run` left fast's results in the workspace: against slow, the same params differ.
  const slow = await service.resolve('slow');
  const workspace = await service.resolve(WORKSPACE_REF);
  const forward = await service.compare(slow, workspace, {});
  const backward = await service.compare(workspace, slow, {});
  const rate = (rows: typeof forward.params) => rows.find((row) => row.key === 'train.learning_rate');
  assert.deepEqual([rate(forward.params)?.a, rate(forward.params)?.b], ['0.05', '0.8']);
  assert.deepEqual([rate(backward.params)?.a, rate(backward.params)?.b], ['0.8', '0.05']);
  assert.ok(Math.abs((rate(backward.params)?.absolute ?? NaN) + 0.75) < 1e-9);
  await assert.rejects(service.compare(workspace, workspace, {}), /two different revisions/);
  await assert.rejects(service.resolve('no-such-thing'), /neither a git revision nor an experiment/);
});

void test('two commits the views already read: exp diff from their rows equals dvc exp diff --all --json, no DVC', async () => {
  // Params of other types too: a list of strings, a boolean (DVC's diff counts it as a number) and a string.
  await dvc(repo.dir, [
    'exp',
    'run',
    '-S',
    '+train.tags=[a,b]',
    '-S',
    '+train.flag=true',
    '-S',
    '+train.name=x',
    '-n',
    'typed',
  ]);
  await dvc(repo.dir, [
    'exp',
    'run',
    '-S',
    'train.tags=[a,c]',
    '-S',
    'train.flag=false',
    '-S',
    'train.name=y',
    '-n',
    'typed2',
  ]);
  const model = parseExpShow(
    parseCliJson(await dvc(repo.dir, ['exp', 'show', '--json', '--rev', 'HEAD', '--num', '51'])),
  );
  const rows = allRows(model).filter((row) => row.kind !== 'workspace');
  const row = (name: string): ExperimentRow => {
    const found = rows.find((candidate) => candidate.name === name || candidate.rev === name);
    assert.ok(found, name);
    return found;
  };
  const head = (await git(repo.dir, ['rev-parse', 'HEAD'])).trim();
  const first = (await git(repo.dir, ['rev-parse', 'HEAD~1'])).trim();
  const pairs: [string, string, boolean][] = [
    ['slow', 'fast', true],
    ['typed', 'typed2', true],
    [head, 'typed', true],
    ['fast', 'typed', true],
    [first, head, false],
  ];
  for (const [a, b, mustBeExact] of pairs) {
    const fromRows = expDiffFromRows(row(a), row(b));
    const byDvc = parseExpDiff(
      parseCliJson(await dvc(repo.dir, ['exp', 'diff', '--all', '--json', '--', row(a).rev, row(b).rev])),
    );
    if (mustBeExact) assert.ok(fromRows, `${a} vs ${b} is built from the rows`);
    if (fromRows) assert.deepEqual(fromRows, byDvc, `${a} vs ${b}`);
  }
  const typedDiff = expDiffFromRows(row('typed'), row('typed2')) ?? [];
  assert.deepEqual(
    typedDiff.filter((entry) => ['train.tags', 'train.flag', 'train.name'].includes(entry.key)),
    [
      { kind: 'param', file: 'params.yaml', key: 'train.flag', old: true, new: false, diff: -1 },
      { kind: 'param', file: 'params.yaml', key: 'train.name', old: 'x', new: 'y', diff: undefined },
      {
        kind: 'param',
        file: 'params.yaml',
        key: 'train.tags',
        old: "['a', 'b']",
        new: "['a', 'c']",
        diff: undefined,
      },
    ],
  );

  // The service given those rows: the same model, and no `dvc exp diff` process.
  const { cli, lines } = await recordingDvcCli(repo.dir);
  const fromRowsService = new CompareService(cli, gitCli, undefined, (sha) =>
    rows.find((candidate) => candidate.rev === sha),
  );
  const [a, b] = [await fromRowsService.resolve('typed'), await fromRowsService.resolve('typed2')];
  const viaRows = await fromRowsService.compare(a, b, {});
  assert.ok(!lines.some((line) => line.includes('exp diff')), lines.join('\n'));
  assert.ok(
    lines.some((line) => line.includes('dvc diff')),
    'the data diff still asks DVC',
  );
  assert.deepEqual(viaRows, await service.compare(a, b, {}));
});
