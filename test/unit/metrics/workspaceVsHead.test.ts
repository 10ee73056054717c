import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  CommitRow,
  ExperimentRow,
  ExperimentsModel,
  ValuesByFile,
} from '../../../src/core/experiments/experimentModel';
import { changedOnly, workspaceVsHead } from '../../../src/core/metrics/workspaceVsHead';
import { valueDescription } from '../../../src/core/metrics/valueDescription';

function row(kind: ExperimentRow['kind'], params: ValuesByFile, metrics: ValuesByFile): ExperimentRow {
  return {
    kind,
    id: kind,
    rev: kind === 'workspace' ? 'workspace' : 'a'.repeat(40),
    name: kind === 'commit' ? 'main' : undefined,
    label: kind === 'commit' ? 'main' : 'workspace',
    state: undefined,
    timestamp: undefined,
    params,
    metrics,
    deps: {},
    fileErrors: {},
    error: undefined,
    executor: undefined,
    baseline: undefined,
  };
}

function model(workspace: ExperimentRow, head?: ExperimentRow): ExperimentsModel {
  const commits: CommitRow[] = head ? [{ ...head, kind: 'commit', experiments: [] }] : [];
  return { workspace, commits };
}

const head = row(
  'commit',
  { 'params.yaml': { 'train.lr': 0.5, 'train.epochs': 40, 'model.kind': 'linear' } },
  { 'metrics.json': { accuracy: 0.96, loss: 0.2, note: 'ok' } },
);

void describe('workspace metrics and params against HEAD', () => {
  void it('gives each metric its change, judged by direction (accuracy higher, loss lower)', () => {
    const workspace = row(
      'workspace',
      { 'params.yaml': { 'train.lr': 0.1, 'train.epochs': 40, 'model.kind': 'tree' } },
      { 'metrics.json': { accuracy: 0.98, loss: 0.25, note: 'ok' } },
    );
    const result = workspaceVsHead(model(workspace, head));
    assert.equal(result?.headLabel, 'main');
    assert.deepEqual(
      result?.files.map((file) => `${file.kind}:${file.file}`),
      ['metrics:metrics.json', 'params:params.yaml'],
    );
    const metrics = result?.files[0]?.values ?? [];
    const accuracy = metrics.find((value) => value.key === 'accuracy');
    assert.equal(accuracy?.trend, 'better');
    assert.ok(Math.abs((accuracy?.absolute ?? 0) - 0.02) < 1e-12);
    assert.ok(Math.abs((accuracy?.relative ?? 0) - 0.02 / 0.96) < 1e-12);
    assert.equal(metrics.find((value) => value.key === 'loss')?.trend, 'worse');
    assert.equal(metrics.find((value) => value.key === 'note')?.trend, 'same');
    const params = result?.files[1]?.values ?? [];
    // Params have no direction: a numeric change is `changed`, with its delta; text changes too, without one.
    const lr = params.find((value) => value.key === 'train.lr');
    assert.equal(lr?.trend, 'changed');
    assert.ok(Math.abs((lr?.absolute ?? 0) + 0.4) < 1e-12);
    const kind = params.find((value) => value.key === 'model.kind');
    assert.deepEqual([kind?.trend, kind?.absolute, kind?.head], ['changed', undefined, 'linear']);
  });

  void it('follows the metricDirections setting over the name guess', () => {
    const workspace = row('workspace', {}, { 'metrics.json': { accuracy: 0.9, loss: 0.1, note: 'ok' } });
    const result = workspaceVsHead(model(workspace, head), {
      accuracy: 'lower',
      'metrics.json:loss': 'higher',
    });
    const values = result?.files[0]?.values ?? [];
    assert.equal(values.find((value) => value.key === 'accuracy')?.trend, 'better');
    assert.equal(values.find((value) => value.key === 'loss')?.trend, 'worse');
  });

  void it('marks keys new in the workspace and keys it no longer has; changed-only drops the rest', () => {
    const workspace = row(
      'workspace',
      { 'params.yaml': { 'train.lr': 0.5, 'train.epochs': 40, 'train.seed': 3 } },
      { 'metrics.json': { accuracy: 0.96, loss: 0.2, note: 'ok' } },
    );
    const result = workspaceVsHead(model(workspace, head));
    assert.ok(result);
    const only = changedOnly(result);
    assert.deepEqual(
      only.files.map((file) => [file.file, file.values.map((value) => value.key)]),
      [['params.yaml', ['train.seed', 'model.kind']]],
    );
    const [seed, kind] = only.files[0]?.values ?? [];
    assert.ok(seed && kind);
    assert.deepEqual([seed?.value, seed?.head], [3, undefined]);
    assert.deepEqual([kind?.value, kind?.head], [undefined, 'linear']);
    assert.equal(valueDescription(seed), '3  (new)');
    assert.equal(valueDescription(kind), 'removed (HEAD: linear)');
  });

  void it('without a commit: the workspace values, none changed; without a workspace row: nothing', () => {
    const workspace = row('workspace', { 'params.yaml': { 'train.lr': 0.5 } }, {});
    const result = workspaceVsHead(model(workspace));
    assert.equal(result?.headLabel, undefined);
    assert.deepEqual(
      result?.files[0]?.values.map((value) => [value.key, value.head, value.trend]),
      [['train.lr', undefined, 'same']],
    );
    const lr = result?.files[0]?.values[0];
    assert.ok(lr);
    assert.equal(valueDescription(lr), '0.5');
    assert.equal(workspaceVsHead({ workspace: undefined, commits: [] }), undefined);
  });
});
