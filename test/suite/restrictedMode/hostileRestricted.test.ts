import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { aliasBombDvcYaml } from '../../unit/hostileInputs/hostileDocuments';
import { extensionApi, findNode, waitFor, workspaceRoot } from '../suiteHelpers';

describe('hostile dvc.yaml in Restricted Mode', () => {
  it('an alias bomb in an untrusted folder is refused at its file; the demo pipeline still shows', async () => {
    const api = await extensionApi();
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'bomb');
    const uri = vscode.Uri.joinPath(dir, 'dvc.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(aliasBombDvcYaml(9, 9)));
    try {
      const diagnostics = await waitFor('the alias bomb diagnostic', () => {
        const found = vscode.languages.getDiagnostics(uri);
        return found.length > 0 ? found : undefined;
      });
      assert.match(diagnostics[0]?.message ?? '', /too many aliases/);
      assert.ok(findNode(api.pipelineTree.rootNodes(), 'train'), 'the demo pipeline still shows its stages');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  }).timeout(120_000);
});
