import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metricDirection } from '../../../src/core/experiments/metricDirection';
import { withMetricDirections } from '../../../src/core/experimentsTable/metricDirections';
import type { TableColumn } from '../../../src/core/protocols/experimentsTableProtocol';

void test('the setting decides, file-qualified keys first; otherwise common names guess', () => {
  const setting = { loss: 'higher', 'eval/metrics.json:loss': 'lower', custom: 'lower', bad: 'sideways' };
  assert.equal(metricDirection('metrics.json', 'loss', setting), 'higher');
  assert.equal(metricDirection('eval/metrics.json', 'loss', setting), 'lower');
  assert.equal(metricDirection('m.json', 'custom', setting), 'lower');
  assert.equal(metricDirection('m.json', 'bad', setting), undefined);
  assert.equal(metricDirection('m.json', 'train.val_loss', {}), 'lower');
  assert.equal(metricDirection('m.json', 'test.accuracy', {}), 'higher');
  assert.equal(metricDirection('m.json', 'epochs', {}), undefined);
});

void test('only metric columns get a direction', () => {
  const columns: TableColumn[] = [
    { id: 'p', group: 'params:params.yaml', kind: 'params', label: 'loss', path: 'loss', type: 'number' },
    { id: 'm', group: 'metrics:metrics.json', kind: 'metrics', label: 'loss', path: 'loss', type: 'number' },
  ];
  const [param, metric] = withMetricDirections(columns, {});
  assert.equal(param?.direction, undefined);
  assert.equal(metric?.direction, 'lower');
});
