import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricAnnotationText, metricValueOf } from '../../../src/core/history/metricAnnotationText';
import { workspaceVsRow } from '../../../src/core/metrics/workspaceVsHead';
import type { ExperimentRow } from '../../../src/core/experiments/experimentModel';

const row = (metrics: Record<string, number | string>): ExperimentRow =>
  ({ metrics: { 'metrics.json': metrics }, params: {}, fileErrors: {} }) as unknown as ExperimentRow;

void describe('metric annotations', () => {
  const directions = { 'metrics.json:loss': 'lower' };
  const files = workspaceVsRow(
    row({ accuracy: 0.93, loss: 0.3, steps: 12, name: 'b', fresh: 1 }),
    row({ accuracy: 0.91, loss: 0.2, steps: 12, name: 'a' }),
    'main',
    directions,
  ).files;
  const text = (key: string): string => {
    const value = metricValueOf(files, 'metrics.json', key);
    assert.ok(value, key);
    return metricAnnotationText(value);
  };

  void it('says the value at HEAD, the change and its verdict by direction', () => {
    assert.equal(text('accuracy'), 'HEAD 0.91 → 0.93 ▲+0.02 (+2.2%), better');
    assert.equal(text('loss'), 'HEAD 0.2 → 0.3 ▲+0.1 (+50%), worse');
    assert.equal(metricValueOf(files, 'metrics.json', 'loss')?.trend, 'worse');
  });

  void it('an unchanged value shows HEAD only; text changes and new keys say so', () => {
    assert.equal(text('steps'), 'HEAD 12');
    assert.equal(text('name'), 'HEAD a → b (uncommitted)');
    assert.equal(text('fresh'), 'new: not at HEAD');
  });

  void it("a HEAD whose metrics file is not in the local cache is unknown, not 'new'", () => {
    const unknownHead = workspaceVsRow(row({ accuracy: 0.93 }), row({}), 'main', directions).files;
    const value = metricValueOf(unknownHead, 'metrics.json', 'accuracy');
    assert.ok(value);
    assert.equal(metricAnnotationText(value, true), 'HEAD: data not in the local cache (Pull brings it in)');
    assert.equal(metricAnnotationText(value), 'new: not at HEAD');
  });

  void it('finds nothing for other files or params', () => {
    assert.equal(metricValueOf(files, 'other.json', 'accuracy'), undefined);
    assert.equal(metricValueOf(files, 'metrics.json', 'nope'), undefined);
  });
});
