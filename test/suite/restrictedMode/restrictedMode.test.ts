import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, extensionId, treeLabels, processLines, waitFor } from '../suiteHelpers';

describe('Restricted Mode', () => {
  it('runs in an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still shows the pipeline, read from files', async () => {
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(extensionId)?.isActive);
    const api = await extensionApi();
    const labels = await waitFor('the stages', () => {
      const names = treeLabels(api.pipelineTree.rootNodes());
      return names.includes('evaluate') ? names : undefined;
    });
    assert.deepEqual(labels.slice(0, 3), ['prepare', 'train', 'evaluate']);
    assert.equal(api.pipelineTree.isRestricted, true, 'the view shows the Restricted Mode banner');
  });

  it('runs no process: no DVC discovery, and commands that would run refuse', async () => {
    const api = await extensionApi();
    for (const command of [
      'dvcLens.initializeProject',
      'dvcLens.reproAll',
      'dvcLens.reproStage',
      'dvcLens.reproDownstream',
    ]) {
      await vscode.commands
        .executeCommand(command, { root: vscode.workspace.workspaceFolders?.[0]?.uri, stage: 'train' })
        .then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('dvcLens.refreshPipelines');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.deepEqual(processLines(api), [], 'no process was started');
    assert.equal(api.locator.executable, undefined);
    assert.equal(
      api.stageInsights.statusOf(String(vscode.workspace.workspaceFolders?.[0]?.uri), 'train'),
      undefined,
    );
  });
});
