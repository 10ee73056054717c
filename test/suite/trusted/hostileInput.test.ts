import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { aliasBombDvcYaml } from '../../unit/hostileInputs/hostileDocuments';
import { extensionApi, findNode, waitFor, workspaceRoot } from '../suiteHelpers';

describe('hostile dvc.yaml', () => {
  it('an alias bomb is an error at its file (Problems and an error node); the other pipeline keeps its stages', async () => {
    const api = await extensionApi();
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'bomb');
    const uri = vscode.Uri.joinPath(dir, 'dvc.yaml');
    // Nine levels of nine aliases: expanded, 387 million values. Parsed in the worker, refused by its budget.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(aliasBombDvcYaml(9, 9)));
    try {
      const diagnostics = await waitFor('the alias bomb diagnostic', () => {
        const found = vscode.languages.getDiagnostics(uri);
        return found.length > 0 ? found : undefined;
      });
      assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostics[0]?.message ?? '', /too many aliases/);
      const file = await waitFor('the bomb pipeline node', () =>
        findNode(api.pipelineTree.rootNodes(), 'bomb/dvc.yaml'),
      );
      assert.ok(file.children.some((child) => child.kind === 'model' && child.node.kind === 'problem'));
      assert.ok(findNode(api.pipelineTree.rootNodes(), 'train'), 'the demo pipeline still shows its stages');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
    await waitFor('the diagnostic to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
  }).timeout(120_000);
});
