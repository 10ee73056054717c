import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, extensionId, processLines, waitFor } from '../suiteHelpers';

describe('Restricted Mode: experiments', () => {
  it('shows a note in the Experiments view and runs no experiment command', async () => {
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(extensionId)?.isActive);
    const api = await extensionApi();
    const [note, ...rest] = api.experiments.tree.getChildren();
    assert.equal(note?.kind, 'note');
    assert.match(note?.kind === 'note' ? note.message : '', /Restricted Mode/);
    assert.deepEqual(rest, []);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    for (const command of [
      'dvcLens.runExperiment',
      'dvcLens.queueExperiment',
      'dvcLens.startExperimentWorkers',
      'dvcLens.removeExperiment',
      'dvcLens.refreshExperiments',
    ])
      await vscode.commands
        .executeCommand(command, {
          root,
          params: { 'train.epochs': '2' },
          name: 'x',
          jobs: 1,
          confirmed: true,
        })
        .then(undefined, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(processLines(api), [], 'no process was started');
  });

  it('shows the Restricted Mode note in the Metrics views, no status-bar warning, and inserts no summary', async () => {
    const api = await extensionApi();
    for (const tree of [api.metrics.tree, api.metrics.scmTree]) {
      const [note, ...rest] = tree.getChildren();
      assert.equal(note?.kind, 'note');
      assert.match(note?.kind === 'note' ? note.message : '', /Restricted Mode/);
      assert.deepEqual(rest, []);
    }
    assert.deepEqual(api.metrics.statusBar.current, []);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    await vscode.commands
      .executeCommand('dvcLens.insertMetricsSummary', { root })
      .then(undefined, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(processLines(api), [], 'no process was started');
  });
});
