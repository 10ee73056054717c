import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, findNode, nodeLabel, waitFor, workspaceRoot } from '../suiteHelpers';

const encoder = new TextEncoder();

describe('pipeline DAG', () => {
  it('opens the DAG as a webview panel from its command', async () => {
    await extensionApi();
    await vscode.commands.executeCommand('dvcLens.showDag');
    const tab = await waitFor('the Pipeline DAG tab', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((found) => found.label === 'Pipeline DAG'),
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    assert.match(tab.input.viewType, /dvcLens\.dag$/);
    await vscode.window.tabGroups.close(tab);
  });

  it('selects a stage opened from the DAG in the Pipeline view', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.pipeline.focus');
    await waitFor('the stages', () => findNode(api.pipelineTree.rootNodes(), 'evaluate'));
    // The view may still be opening, or repaint with fresh statuses, when the first reveal lands; a person
    // would click the node again, and so does the test.
    const selected = await waitFor('evaluate selected', async () => {
      await api.pipelineTree.revealStage(workspaceRoot().toString(), 'evaluate');
      return api.pipelineTree.selection()[0];
    });
    assert.equal(nodeLabel(selected), 'evaluate');
  });

  it('reports an output produced by two stages at both stages', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'twice');
    const dvcYaml = vscode.Uri.joinPath(folder, 'dvc.yaml');
    const text =
      'stages:\n  a:\n    cmd: echo a > out.txt\n    outs:\n      - out.txt\n  b:\n    cmd: echo b > out.txt\n    outs:\n      - out.txt\n';
    await vscode.workspace.fs.writeFile(dvcYaml, encoder.encode(text));
    try {
      const diagnostics = await waitFor('two diagnostics about out.txt', () => {
        const found = vscode.languages
          .getDiagnostics(dvcYaml)
          .filter((diagnostic) => diagnostic.message.includes('out.txt'));
        return found.length >= 2 ? found : undefined;
      });
      const lines = diagnostics.map((diagnostic) => diagnostic.range.start.line).sort();
      assert.ok(lines.includes(4) && lines.includes(8), `at both outs: ${lines.join(',')}`);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
