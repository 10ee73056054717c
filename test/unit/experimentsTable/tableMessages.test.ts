import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultTableUiState, isTableUiState } from '../../../src/core/experimentsTable/tableUiState';
import { isTableWebviewMessage } from '../../../src/experiments/table/tableMessages';

const state = {
  ...defaultTableUiState,
  sort: [{ columnId: 'metrics:metrics.json:acc', descending: true }],
  columnWidths: { label: 200, 'params:params.yaml:lr': 90 },
  stateFilter: ['failed'],
  baselineRowId: 'abc',
};

void test('accepts the webview messages', () => {
  assert.ok(isTableWebviewMessage({ type: 'ready' }));
  for (const action of ['compare', 'plot', 'apply', 'remove', 'modifyRun', 'modifyQueue'])
    assert.ok(isTableWebviewMessage({ type: 'action', action, rowIds: ['a', 'b'] }), action);
  assert.ok(isTableWebviewMessage({ type: 'saveState', state }));
  assert.ok(isTableWebviewMessage({ type: 'exportCsv', csv: 'a,b\r\n' }));
});

void test('rejects anything else', () => {
  for (const value of [
    undefined,
    null,
    'ready',
    [],
    {},
    { type: 'snapshot' },
    { type: 'toString' },
    { type: 'action', action: 'run', rowIds: ['a'] },
    { type: 'action', action: 'apply', rowIds: [] },
    { type: 'action', action: 'apply', rowIds: [7] },
    { type: 'action', action: 'apply' },
    { type: 'saveState', state: { ...state, deltaMode: 'yes' } },
    { type: 'saveState', state: { ...state, columnWidths: { label: -5 } } },
    { type: 'saveState', state: { ...state, stateFilter: ['exploded'] } },
    { type: 'saveState' },
    { type: 'exportCsv', csv: 42 },
  ])
    assert.equal(isTableWebviewMessage(value), false, JSON.stringify(value));
});

void test('the default UI state is a UI state (what a first open stores)', () => {
  assert.ok(isTableUiState(defaultTableUiState));
  assert.equal(isTableUiState({ ...defaultTableUiState, sort: [{ columnId: 'x' }] }), false);
});
