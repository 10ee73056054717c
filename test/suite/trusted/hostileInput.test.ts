import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { withAliasBomb } from '../aliasBomb';
import { extensionApi, findNode, waitFor } from '../suiteHelpers';

describe('hostile dvc.yaml', () => {
  it('an alias bomb is an error at its file (Problems and an error node); the other pipeline keeps its stages', async () => {
    const api = await extensionApi();
    // Parsed in the worker and refused by its budget.
    let bomb: vscode.Uri | undefined;
    await withAliasBomb(async (uri, diagnostics) => {
      bomb = uri;
      assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostics[0]?.message ?? '', /too many aliases/);
      const file = await waitFor('the bomb pipeline node', () =>
        findNode(api.pipelineTree.rootNodes(), 'bomb/dvc.yaml'),
      );
      assert.ok(file.children.some((child) => child.kind === 'model' && child.node.kind === 'problem'));
      assert.ok(findNode(api.pipelineTree.rootNodes(), 'train'), 'the demo pipeline still shows its stages');
    });
    await waitFor(
      'the diagnostic to clear',
      () => bomb !== undefined && vscode.languages.getDiagnostics(bomb).length === 0,
    );
  }).timeout(120_000);
});
