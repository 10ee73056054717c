import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricsCommitSummary, regressions, shortChange } from '../../../src/core/metrics/metricsSummary';
import type { WorkspaceValue, WorkspaceVsHead } from '../../../src/core/metrics/workspaceVsHead';

function value(
  key: string,
  head: number | string,
  now: number | string,
  trend: WorkspaceValue['trend'],
): WorkspaceValue {
  const numeric = typeof head === 'number' && typeof now === 'number';
  return {
    key,
    value: now,
    head,
    absolute: numeric ? now - head : undefined,
    relative: numeric && head !== 0 ? (now - head) / Math.abs(head) : undefined,
    trend,
  };
}

const comparison: WorkspaceVsHead = {
  headLabel: 'main',
  files: [
    {
      kind: 'metrics',
      file: 'metrics.json',
      error: undefined,
      values: [
        value('accuracy', 0.96, 0.94, 'worse'),
        value('loss', 0.3, 0.2, 'better'),
        value('f1', 0.9, 0.9, 'same'),
      ],
    },
    {
      kind: 'params',
      file: 'params.yaml',
      error: undefined,
      values: [value('train.epochs', 40, 50, 'changed'), value('model.kind', 'linear', 'tree', 'changed')],
    },
  ],
};

void describe('metrics summaries against HEAD', () => {
  void it('lists the metrics that got worse, with a short change for the status bar', () => {
    const worse = regressions(comparison);
    assert.deepEqual(
      worse.map((entry) => [entry.file, entry.key]),
      [['metrics.json', 'accuracy']],
    );
    assert.equal(shortChange(worse[0]!), 'accuracy ↓ -0.02');
  });

  void it('writes a commit-message block: metrics then params, old → new, change and verdict', () => {
    assert.equal(
      metricsCommitSummary(comparison),
      [
        'Metrics vs main:',
        '- metrics.json accuracy: 0.96 → 0.94 (-0.02, -2.08%) (worse)',
        '- metrics.json loss: 0.3 → 0.2 (-0.1, -33.3%) (better)',
        '',
        'Params vs main:',
        '- params.yaml train.epochs: 40 → 50 (+10, +25%)',
        '- params.yaml model.kind: linear → tree',
      ].join('\n'),
    );
  });

  void it('says nothing when nothing differs', () => {
    const same: WorkspaceVsHead = {
      headLabel: 'main',
      files: [
        { kind: 'metrics', file: 'metrics.json', error: undefined, values: [value('f1', 1, 1, 'same')] },
      ],
    };
    assert.equal(metricsCommitSummary(same), undefined);
    assert.deepEqual(regressions(same), []);
  });
});
