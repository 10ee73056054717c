import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitMarkers, isDvcFile } from '../../../src/core/history/commitMarkers';
import { parseGitLogPage } from '../../../src/core/history/gitLogPage';
import { commitMetrics } from '../../../src/core/history/historyEntries';
import { blameParams } from '../../../src/core/history/paramBlame';
import type { ExperimentRow } from '../../../src/core/experiments/experimentModel';

const sha = (digit: string): string => digit.repeat(40);

function row(
  metrics: ExperimentRow['metrics'],
  params: ExperimentRow['params'] = {},
  fileErrors = {},
): ExperimentRow {
  return {
    kind: 'commit',
    id: sha('a'),
    rev: sha('a'),
    name: undefined,
    label: 'a',
    state: undefined,
    timestamp: undefined,
    params,
    metrics,
    deps: {},
    fileErrors,
    error: undefined,
    executor: undefined,
    baseline: undefined,
  };
}

void describe('history core', () => {
  void it('parses a git log page with files, root commits and odd subjects', () => {
    const text =
      `\x1e${sha('b')}\x1f${sha('a')}\x1fAda\x1f2026-11-29T10:00:00+00:00\x1fTune lr | faster: "yes"\n\nparams.yaml\nmetrics.json\n` +
      `\x1e${sha('a')}\x1f\x1fAda\x1f2026-11-28T10:00:00+00:00\x1fInit\n\ndvc.yaml\n`;
    const commits = parseGitLogPage(text);
    assert.equal(commits.length, 2);
    assert.equal(commits[0]?.subject, 'Tune lr | faster: "yes"');
    assert.deepEqual(commits[0]?.files, ['params.yaml', 'metrics.json']);
    assert.deepEqual(commits[1]?.parents, []);
  });

  void it('blames each key on the newest commit that changed its value', () => {
    const head = { a: '1', b: '2', c: '3' };
    const blame = blameParams(head, [
      { sha: sha('3'), before: { a: '0', b: '2', c: '3' }, after: head },
      { sha: sha('2'), before: { a: '0', b: '5' }, after: { a: '0', b: '2', c: '3' } },
      { sha: sha('1'), before: undefined, after: { a: '0', b: '5' } },
    ]);
    assert.deepEqual(blame.get('a'), { kind: 'commit', sha: sha('3'), previous: '0' });
    assert.deepEqual(blame.get('b'), { kind: 'commit', sha: sha('2'), previous: '5' });
    // c was added in commit 2 (absent before it).
    assert.deepEqual(blame.get('c'), { kind: 'commit', sha: sha('2'), previous: undefined });
    assert.deepEqual(blameParams({ z: '1' }, []).get('z'), { kind: 'beyond' });
  });

  void it('marks DVC changes from files and values', () => {
    assert.equal(isDvcFile('data/raw.csv.dvc'), true);
    assert.equal(isDvcFile('.dvc/config'), false);
    const same = row({ 'm.json': { acc: 1 } }, { 'params.yaml': { lr: 1 } });
    assert.deepEqual(
      commitMarkers({
        files: ['params.yaml', 'README.md'],
        paramsFiles: new Set(['params.yaml']),
        lockOutsChanged: false,
        row: same,
        parentRow: same,
      }),
      [],
      'params.yaml rewritten with the same values is no params change',
    );
    assert.deepEqual(
      commitMarkers({
        files: ['sub/dvc.yaml', 'params.yaml'],
        paramsFiles: new Set(['params.yaml']),
        lockOutsChanged: true,
        row: undefined,
        parentRow: undefined,
      }),
      ['params', 'data', 'pipeline'],
    );
  });

  void it('computes deltas with direction verdicts and says when metrics are unavailable', () => {
    const metrics = commitMetrics(
      row({ 'm.json': { loss: 0.2, name: 'x' } }),
      row({ 'm.json': { loss: 0.3 } }),
      {},
    );
    assert.equal(metrics.kind, 'available');
    const loss =
      metrics.kind === 'available' ? metrics.values.find((value) => value.key === 'loss') : undefined;
    assert.ok(loss && Math.abs((loss.delta ?? 0) + 0.1) < 1e-12);
    assert.equal(loss?.verdict, 'better');
    const missing = commitMetrics(row({}, {}, { 'm.json': 'No such file' }), undefined, {});
    assert.deepEqual(missing, {
      kind: 'unavailable',
      reason: 'Metrics not available (m.json: No such file)',
    });
    assert.equal(commitMetrics(undefined, undefined, {}).kind, 'unavailable');
  });
});

void describe('param key lines', () => {
  void it('maps each leaf key of YAML and JSON params to its line', async () => {
    const { paramKeyLines, isParamsFileName } = await import('../../../src/core/history/paramKeyLines');
    const yaml = 'prepare:\n  seed: 7\ntrain:\n  learning_rate: 0.5\n  layers: [64, 32]\n  extra: {}\n';
    assert.deepEqual(
      [...paramKeyLines(yaml, 'params.yaml')],
      [
        [1, 'prepare.seed'],
        [3, 'train.learning_rate'],
        [4, 'train.layers'],
        [5, 'train.extra'],
      ],
    );
    const json = '{\n  "train": {\n    "lr": 0.1\n  }\n}\n';
    assert.deepEqual([...paramKeyLines(json, 'params.json')], [[2, 'train.lr']]);
    assert.equal(paramKeyLines('a: [', 'params.yaml').size, 0);
    assert.equal(isParamsFileName('sub/params.yaml'), true);
    assert.equal(isParamsFileName('dvc.yaml'), false);
  });
});

void describe('param annotation text', () => {
  void it('reads value at HEAD, the uncommitted change and the blamed commit', async () => {
    const { paramAnnotationText, paramHoverLines } =
      await import('../../../src/core/history/paramAnnotationText');
    const commit = {
      sha: 'b'.repeat(40),
      subject: 'Tune lr',
      author: 'Ada',
      date: '2026-11-29T10:00:00+00:00',
    };
    const input = {
      key: 'train.lr',
      headValue: '0.1',
      workspaceValue: '0.2',
      blame: { kind: 'commit' as const, sha: commit.sha, previous: '0.5' },
      commit,
    };
    assert.equal(
      paramAnnotationText(input),
      'HEAD 0.1 → 0.2 (uncommitted) · was 0.5 before bbbbbbb Ada, 2026-11-29 "Tune lr"',
    );
    assert.ok(paramHoverLines(input).some((line) => line.includes(commit.sha)));
    assert.equal(paramAnnotationText({ ...input, headValue: undefined }), 'new: not committed yet');
    // The blamed commit added the key: it was added IN that commit, not before it (issue 13).
    assert.equal(
      paramAnnotationText({
        ...input,
        workspaceValue: '0.1',
        blame: { kind: 'commit', sha: commit.sha, previous: undefined },
      }),
      'HEAD 0.1 · added in bbbbbbb Ada, 2026-11-29 "Tune lr"',
    );
    assert.equal(
      paramAnnotationText({ ...input, workspaceValue: '0.1', blame: { kind: 'beyond' }, commit: undefined }),
      'HEAD 0.1 · unchanged in the commits searched',
    );
  });
});
