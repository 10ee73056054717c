import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatCell,
  formatDelta,
  formatNumber,
  formatRelative,
  fullValue,
} from '../../../src/core/experimentsTable/numberFormat';
import { deltaClass, deltaOf } from '../../../src/core/experimentsTable/tableDelta';
import { cellText } from '../../../webview/experiments/cellText';
import type { TableColumn } from '../../../src/core/protocols/experimentsTableProtocol';

void test('numbers read short: integers whole, five significant digits, extremes in e-notation', () => {
  assert.equal(formatNumber(42), '42');
  assert.equal(formatNumber(0.912345678), '0.91235');
  assert.equal(formatNumber(0.5), '0.5');
  assert.equal(formatNumber(1234.56789), '1234.6');
  assert.equal(formatNumber(0.0000123), '1.23e-5');
  assert.equal(formatNumber(12345678901.5), '1.235e+10');
  assert.equal(formatNumber(Number.NaN), 'NaN');
  assert.equal(formatNumber(Number.NEGATIVE_INFINITY), '-∞');
  assert.equal(formatCell(undefined), '-');
  assert.equal(formatCell(true), 'true');
  assert.equal(fullValue(0.912345678), '0.912345678');
});

void test('deltas to the baseline: absolute, relative, and good or bad by the metric direction', () => {
  assert.deepEqual(deltaOf(0.9, 0.8, 'higher'), {
    absolute: 0.09999999999999998,
    relative: 0.12499999999999997,
    trend: 'better',
  });
  assert.equal(deltaOf(0.9, 0.8, 'lower')?.trend, 'worse');
  assert.equal(deltaOf(0.5, 0.5, 'lower')?.trend, 'same');
  assert.equal(deltaOf(2, 1, undefined)?.trend, 'changed');
  assert.equal(deltaOf(3, 0, 'higher')?.relative, undefined, 'no relative change from 0');
  assert.equal(deltaOf(Number.NaN, 1, 'higher'), undefined);
  assert.equal(deltaOf('a', 1, 'higher'), undefined);
  assert.equal(deltaClass(deltaOf(1, 2, 'lower')), 'delta-better');
  assert.equal(formatDelta(0.1), '+0.1');
  assert.equal(formatDelta(-3), '-3');
  assert.equal(formatDelta(0), '±0');
  assert.equal(formatRelative(0.125), '+12.5%');
  assert.equal(formatRelative(-2.5), '-250%');
});

void test('a cell in delta mode shows the signed difference, coloured, with both values on hover', () => {
  const loss: TableColumn = {
    id: 'm:loss',
    group: 'metrics:m.json',
    kind: 'metrics',
    label: 'loss',
    path: 'loss',
    type: 'number',
    direction: 'lower',
  };
  const delta = cellText(loss, 0.2, 0.25, { deltaMode: true, hasBaseline: true });
  assert.equal(delta.text, '-0.05');
  assert.match(delta.className, /delta-better/);
  assert.match(delta.title, /loss = 0\.2\nvs baseline 0\.25: -0\.05 \(-20%\)/);
  const value = cellText(loss, 0.2, 0.25, { deltaMode: false, hasBaseline: true });
  assert.equal(value.text, '0.2');
  assert.match(value.className, /delta-better/);
  assert.equal(cellText(loss, undefined, 0.25, { deltaMode: true, hasBaseline: true }).text, '-');
});
