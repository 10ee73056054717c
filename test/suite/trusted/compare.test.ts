import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { ComparePanel } from '../../../src/experiments/compare/comparePanel';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

/** The demo's first two commits: the project without results, then the reproduced pipeline. */
async function firstCommits(): Promise<[string, string]> {
  const { stdout } = await promisify(execFile)('git', ['log', '--reverse', '--format=%H'], {
    cwd: workspaceRoot().fsPath,
  });
  const [first, second] = stdout.split('\n').filter((line) => line.length > 0);
  assert.ok(first && second, stdout);
  return [first, second];
}

async function newPanel(before: number): Promise<ComparePanel> {
  const api = await extensionApi();
  const panel = await waitFor('the compare panel', () => api.experiments.compare.panels()[before], 30_000);
  await panel.whenLoaded();
  return panel;
}

describe('compare view', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('compares two commits from the palette command, and a changed file opens in the diff editor', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const [first, second] = await firstCommits();
    const before = api.experiments.compare.panels().length;
    await vscode.commands.executeCommand('dvcLens.compareRevisions', {
      root: workspaceRoot(),
      a: first,
      b: second,
    });
    const panel = await newPanel(before);
    assert.match(panel.panel.viewType, /dvcLens\.compare$/);
    const state = panel.state;
    assert.equal(state.kind, 'ready', JSON.stringify(state));
    if (state.kind !== 'ready') return;
    const { model } = state;
    assert.equal(model.a.label, first.slice(0, 7));
    // The first commit has no metrics yet: every metric is new on side B, none is a param change.
    const accuracy = model.metrics.find((row) => row.key === 'accuracy');
    assert.ok(accuracy && accuracy.changed && accuracy.a === undefined && accuracy.b !== undefined);
    assert.ok(model.params.length > 0 && model.params.every((row) => !row.changed));
    assert.ok(model.data.some((change) => change.path === 'model/model.json'));
    assert.ok(model.files.some((file) => file.path === 'metrics.json' && file.change === 'added'));

    const html = panel.panel.webview.html;
    assert.match(html, /codicon\.css/);
    assert.doesNotMatch(/Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '', /unsafe-/);

    assert.ok(await panel.openFile('dvc.lock'));
    const diff = await waitFor('a diff editor tab', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .map((tab) => tab.input)
        .find(
          (input): input is vscode.TabInputTextDiff =>
            input instanceof vscode.TabInputTextDiff && input.modified.path.endsWith('/dvc.lock'),
        ),
    );
    assert.equal(diff.modified.scheme, 'dvclens-rev');
    const document = await vscode.workspace.openTextDocument(diff.modified);
    assert.match(document.getText(), /stages:/);
    assert.equal(await panel.openFile('../outside.txt'), false, 'only files the model lists open');
  }).timeout(120_000);

  it('compares a commit with the workspace from the Experiments view command', async () => {
    const api = await extensionApi();
    const [, second] = await firstCommits();
    const before = api.experiments.compare.panels().length;
    await vscode.commands.executeCommand('dvcLens.compareWithWorkspace', {
      root: workspaceRoot(),
      name: second,
    });
    const panel = await newPanel(before);
    const state = panel.state;
    assert.equal(state.kind, 'ready', JSON.stringify(state));
    if (state.kind === 'ready') {
      assert.equal(state.model.b.label, 'workspace');
      assert.ok(state.model.params.some((row) => row.key === 'train.epochs'));
    }
  }).timeout(120_000);
});
