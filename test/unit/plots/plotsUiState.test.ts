import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlotsWebviewMessage } from '../../../src/plots/dashboard/plotsMessages';
import { applyUiChange, EMPTY_UI_STATE, isPlotsUiState } from '../../../src/core/protocols/plotsUiState';

void describe('plots UI state', () => {
  void it('keeps smoothing and zoom per plot, and drops them when turned off or reset', () => {
    let state = applyUiChange(EMPTY_UI_STATE, { kind: 'smoothing', id: 'loss', weight: 0.6 });
    state = applyUiChange(state, { kind: 'smoothing', id: 'acc', weight: 5 });
    assert.deepEqual(state.smoothing, { loss: 0.6, acc: 0.99 });
    state = applyUiChange(state, { kind: 'smoothing', id: 'loss', weight: 0 });
    assert.deepEqual(state.smoothing, { acc: 0.99 });
    state = applyUiChange(state, { kind: 'zoom', id: 'loss', domain: { x: [1, 2] } });
    assert.deepEqual(state.zoom, { loss: { x: [1, 2] } });
    state = applyUiChange(state, { kind: 'zoom', id: 'loss' });
    assert.deepEqual(state.zoom, {});
    assert.ok(isPlotsUiState(state));
  });

  void it('has one full-screen plot at most, and a page size', () => {
    let state = applyUiChange(EMPTY_UI_STATE, { kind: 'fullScreen', id: 'loss' });
    state = applyUiChange(state, { kind: 'fullScreen', id: 'acc' });
    assert.equal(state.fullScreen, 'acc');
    state = applyUiChange(state, { kind: 'fullScreen' });
    assert.equal('fullScreen' in state, false);
    state = applyUiChange(state, { kind: 'size', size: 'large' });
    assert.equal(state.size, 'large');
    state = applyUiChange(state, { kind: 'logScale', id: 'loss', on: true });
    assert.deepEqual(state.logScale, ['loss']);
  });

  void it('accepts states saved before these options existed and refuses broken ones', () => {
    assert.ok(isPlotsUiState({ collapsed: ['images'], logScale: [] }));
    assert.ok(!isPlotsUiState({ collapsed: [], logScale: [], size: 'huge' }));
    assert.ok(!isPlotsUiState({ collapsed: [], logScale: [], smoothing: { loss: 2 } }));
    assert.ok(!isPlotsUiState({ collapsed: [], logScale: [], zoom: { loss: { x: [1] } } }));
    assert.ok(!isPlotsUiState({ collapsed: [], logScale: [], fullScreen: 3 }));
    assert.ok(
      isPlotsWebviewMessage({ type: 'saveState', state: { collapsed: [], logScale: [], size: 'small' } }),
    );
  });

  void it('checks the render report’s counters at the host boundary', () => {
    const report = {
      id: 'loss',
      status: 'rendered',
      logScale: false,
      drawnRevisions: ['workspace'],
      loadedImages: [],
      renders: 2,
      points: 10,
      smoothing: 0.5,
      zoomed: false,
      fullScreen: true,
      size: 'small',
    };
    assert.ok(isPlotsWebviewMessage({ type: 'rendered', reports: [report] }));
    assert.ok(isPlotsWebviewMessage({ type: 'rendered', reports: [{ ...report, steps: [0, 1], step: 1 }] }));
    assert.ok(!isPlotsWebviewMessage({ type: 'rendered', reports: [{ ...report, renders: '2' }] }));
    assert.ok(!isPlotsWebviewMessage({ type: 'rendered', reports: [{ ...report, size: 'xl' }] }));
  });
});
