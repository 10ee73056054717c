import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrangePlots, movePlot, stepPlot } from '../../../src/core/plots/plotSelection';
import { applyUiChange, EMPTY_UI_STATE, isPlotsUiState } from '../../../src/core/protocols/plotsUiState';

const plots = ['roc', 'loss', 'confusion', 'images'].map((id) => ({ id }));
const ids = (list: readonly { id: string }[]): string[] => list.map((plot) => plot.id);

void test('without choices the plots come in DVC order, all shown', () => {
  const { shown, hidden } = arrangePlots(plots);
  assert.deepEqual(ids(shown), ['roc', 'loss', 'confusion', 'images']);
  assert.deepEqual(hidden, []);
});

void test('the saved order comes first; plots it does not name follow in DVC order; hidden ones are left out', () => {
  const { shown, hidden } = arrangePlots(plots, ['confusion', 'gone', 'roc'], ['images']);
  assert.deepEqual(ids(shown), ['confusion', 'roc', 'loss']);
  assert.deepEqual(ids(hidden), ['images']);
});

void test('moving a plot puts it at the index among the others, clamped, and keeps ids not shown after', () => {
  const shown = ['roc', 'loss', 'confusion'];
  assert.deepEqual(movePlot(shown, 'confusion', 0), ['confusion', 'roc', 'loss']);
  assert.deepEqual(movePlot(shown, 'roc', 99), ['loss', 'confusion', 'roc']);
  assert.deepEqual(movePlot(shown, 'roc', -3), ['roc', 'loss', 'confusion']);
  assert.deepEqual(movePlot(shown, 'loss', 0, ['gone', 'loss']), ['loss', 'roc', 'confusion', 'gone']);
  assert.deepEqual(movePlot(shown, 'unknown', 0, ['a']), ['a'], 'a plot not shown changes nothing');
});

void test('Alt+Up/Down: one place, and nothing past either end', () => {
  const shown = ['roc', 'loss', 'confusion'];
  assert.deepEqual(stepPlot(shown, 'loss', -1), ['loss', 'roc', 'confusion']);
  assert.deepEqual(stepPlot(shown, 'loss', 1), ['roc', 'confusion', 'loss']);
  assert.deepEqual(stepPlot(shown, 'roc', -1), ['roc', 'loss', 'confusion']);
  assert.deepEqual(stepPlot(shown, 'confusion', 1), ['roc', 'loss', 'confusion']);
});

void test('hidden plots and the order are UI state changes, saved and checked at the boundary', () => {
  let state = applyUiChange(EMPTY_UI_STATE, { kind: 'hiddenPlots', hidden: ['roc', 'roc', 'loss'] });
  state = applyUiChange(state, { kind: 'plotOrder', order: ['loss', 'roc'] });
  assert.deepEqual(state.hidden, ['roc', 'loss']);
  assert.deepEqual(state.order, ['loss', 'roc']);
  assert.ok(isPlotsUiState(state));
  assert.ok(isPlotsUiState({ collapsed: [], logScale: [] }), 'states saved before plot selection stay valid');
  assert.equal(isPlotsUiState({ ...state, hidden: [1] }), false);
  assert.equal(isPlotsUiState({ ...state, order: 'roc' }), false);
});
