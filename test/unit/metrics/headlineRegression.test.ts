import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExperimentRow } from '../../../src/core/experiments/experimentModel';
import { headlineRegressions, isHeadBaseline } from '../../../src/core/metrics/headlineRegression';

function row(label: string, metrics: Record<string, number>): ExperimentRow {
  return {
    kind: label === 'workspace' ? 'workspace' : 'commit',
    id: label,
    rev: label,
    name: undefined,
    label,
    state: undefined,
    timestamp: undefined,
    params: {},
    metrics: { 'metrics.json': metrics },
    deps: {},
    fileErrors: {},
    error: undefined,
    executor: undefined,
    baseline: undefined,
  };
}

void describe('the regression warning against a baseline ref', () => {
  const workspace = row('workspace', { accuracy: 0.9, loss: 0.5 });

  void it('warns when the headline metric is worse than at the baseline, by direction', () => {
    const main = row('main', { accuracy: 0.95, loss: 0.6 });
    const worse = headlineRegressions(workspace, main, {}, '');
    assert.deepEqual(
      worse.map((value) => [value.file, value.key, value.head, value.value]),
      [['metrics.json', 'accuracy', 0.95, 0.9]],
    );
    // loss improved against main, and only the headline counts: naming loss as headline warns of nothing.
    assert.deepEqual(headlineRegressions(workspace, main, {}, 'loss'), []);
    // The direction setting turns the verdict around.
    assert.deepEqual(headlineRegressions(workspace, main, { accuracy: 'lower' }, ''), []);
    assert.equal(headlineRegressions(workspace, main, { loss: 'higher' }, 'loss')[0]?.key, 'loss');
  });

  void it('says nothing without a baseline row, or when the baseline is no better', () => {
    assert.deepEqual(headlineRegressions(workspace, undefined, {}, ''), []);
    assert.deepEqual(headlineRegressions(workspace, row('v1', { accuracy: 0.8 }), {}, ''), []);
    assert.deepEqual(headlineRegressions(undefined, row('v1', { accuracy: 1 }), {}, ''), []);
  });

  void it('HEAD (or nothing) means the experiments store already has the baseline', () => {
    for (const ref of ['', 'HEAD', ' HEAD ', '@']) assert.equal(isHeadBaseline(ref), true, ref);
    for (const ref of ['main', 'HEAD~1', 'v1.0']) assert.equal(isHeadBaseline(ref), false, ref);
  });
});
