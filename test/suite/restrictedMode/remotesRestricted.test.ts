import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, processLines, waitFor } from '../suiteHelpers';

describe('Remotes in Restricted Mode', () => {
  it('shows a node saying remotes are disabled, and the remote commands run nothing', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.remotes.focus');
    const node = await waitFor('the disabled node', () =>
      api.remotes.tree.rootNodes().find((candidate) => candidate.kind === 'message'),
    );
    assert.equal(api.remotes.tree.getTreeItem(node).label, 'Remotes are disabled in Restricted Mode');
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const attempts: Array<[string, unknown]> = [
      ['dvcLens.addRemote', { root, name: 'x', url: '/tmp/x', default: true }],
      ['dvcLens.push', { root }],
      ['dvcLens.pull', { root }],
      ['dvcLens.fetch', { root }],
      ['dvcLens.gc', { root, scope: 'workspace', confirmed: true }],
      ['dvcLens.importFromUrl', { root, url: 'http://127.0.0.1:9/x', out: 'x', mode: 'import' }],
    ];
    for (const [command, argument] of attempts)
      await vscode.commands.executeCommand(command, argument).then(undefined, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(processLines(api), [], 'no process was started');
  });
});
