import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { decodeColumn } from '../../../src/core/experimentsTable/tableValues';
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
