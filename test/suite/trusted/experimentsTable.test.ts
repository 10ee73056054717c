import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultTableUiState } from '../../../src/core/experimentsTable/tableUiState';
import { decodeColumn } from '../../../src/core/experimentsTable/tableValues';
import type { TableUiState } from '../../../src/core/protocols/experimentsTableProtocol';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

describe('experiments table', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens as a locked-down webview with the demo experiments data, once per repository', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root: workspaceRoot() });
    const panel = await waitFor('the table panel', () => api.experiments.table.panels()[0]);
    assert.match(panel.panel.viewType, /dvcLens\.experimentsTable$/);

    const snapshot = await waitFor(
      'exp show data in the table',
      () => {
        const current = panel.source.snapshot();
        return current?.rows.some((row) => row.kind === 'commit') ? current : undefined;
      },
      60_000,
    );
    assert.equal(snapshot.rows[0]?.id, 'workspace');
    const epochs = snapshot.columns.findIndex((column) => column.id === 'params:params.yaml:train.epochs');
    assert.ok(epochs >= 0, snapshot.columns.map((column) => column.id).join(', '));
    // Earlier suite files run experiments with other epochs: any number read from DVC will do.
    assert.equal(typeof decodeColumn(snapshot.values[epochs], snapshot.rows.length)[0], 'number');
    assert.ok(snapshot.columns.some((column) => column.group === 'metrics:metrics.json'));

    const html = panel.panel.webview.html;
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);

    // The same command again brings the open table forward instead of opening a second one.
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root: workspaceRoot() });
    assert.equal(api.experiments.table.panels().length, 1);
  }).timeout(90_000);
});

describe('experiments table UI state', () => {
  after(async () => {
    // The workspace is shared with later suite files: they find the table as it was.
    const api = await extensionApi();
    api.experiments.table.panels()[0]?.receive({ type: 'saveState', state: defaultTableUiState });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('persists per workspace across a reload of the panel', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const root = workspaceRoot();
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root });
    const first = await waitFor('the table panel', () => api.experiments.table.panels()[0]);
    const state: TableUiState = {
      ...defaultTableUiState,
      sort: [{ columnId: 'metrics:metrics.json:accuracy', descending: true }],
      filterText: 'accuracy>0.5',
      baselineRowId: 'workspace',
      deltaMode: true,
      pinnedColumns: ['params:params.yaml:train.epochs'],
      hiddenColumns: ['params:params.yaml:train.seed'],
      columnOrder: ['metrics:metrics.json:accuracy', 'params:params.yaml:train.epochs'],
      columnWidths: { label: 260, 'params:params.yaml:train.epochs': 90 },
    };
    // What the page posts after the person sorted, filtered, pinned a baseline and arranged columns.
    first.receive({ type: 'saveState', state });
    await waitFor('the host to keep the state', () => first.uiState?.filterText === state.filterText);

    first.panel.dispose();
    await waitFor('the panel to close', () => api.experiments.table.panels().length === 0);
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root });
    const second = await waitFor('a new table panel', () => {
      const panel = api.experiments.table.panels()[0];
      return panel && panel !== first ? panel : undefined;
    });
    assert.deepEqual(second.uiState, state);
    // The new page starts from the saved state: it is embedded (as JSON) in the HTML it loads.
    assert.ok(
      second.panel.webview.html.includes(JSON.stringify(state).replace(/</g, '\\u003c')),
      'the page embeds the saved UI state',
    );

    // A malformed state from the page is refused at the boundary and the saved one stays.
    second.receive({ type: 'saveState', state: { ...state, deltaMode: 'yes' } });
    assert.deepEqual(second.uiState, state);
  }).timeout(90_000);
});
