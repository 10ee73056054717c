import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, findNode, waitFor, workspaceRoot } from '../suiteHelpers';

const stageName = 'suite_added_stage';

describe('adding and removing stages', () => {
  let original: Uint8Array | undefined;
  const dvcYaml = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'dvc.yaml');

  before(async () => {
    original = await vscode.workspace.fs.readFile(dvcYaml());
  });

  // DVC rewrites dvc.yaml through its YAML round trip: put the demo's own bytes back for the next suites.
  after(async () => {
    if (original) await vscode.workspace.fs.writeFile(dvcYaml(), original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('adds a stage from a draft, shows it in the Pipeline view and opens dvc.yaml at it', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    await vscode.commands.executeCommand('dvcLens.addStage', {
      root: workspaceRoot(),
      draft: {
        name: stageName,
        command: 'python3 src/train.py data/prepared/train.csv model/suite.json',
        deps: ['data/prepared', 'src/train.py'],
        outs: ['model/suite.json'],
        params: ['train.epochs'],
        metrics: [],
        plots: [],
      },
    });
    await waitFor('the new stage in the tree', () => findNode(api.pipelineTree.rootNodes(), stageName));
    const editor = await waitFor('dvc.yaml at the new stage', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/dvc.yaml') ? active : undefined;
    });
    assert.equal(editor.document.lineAt(editor.selection.start.line).text.trim(), `${stageName}:`);
  });

  it('removes the stage without asking when confirmed, and the tree drops it', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.removeStage', {
      root: workspaceRoot(),
      stage: stageName,
      confirmed: true,
    });
    await waitFor('the stage to leave the tree', () => !findNode(api.pipelineTree.rootNodes(), stageName));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(dvcYaml()));
    assert.ok(!text.includes(stageName), 'dvc.yaml no longer names the stage');
    assert.ok(findNode(api.pipelineTree.rootNodes(), 'train'), 'the other stages stay');
  });

  it('opens the script a stage runs', async () => {
    await vscode.commands.executeCommand('dvcLens.openStageScript', {
      root: workspaceRoot(),
      stage: 'train',
    });
    const editor = await waitFor('src/train.py to open', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/src/train.py') ? active : undefined;
    });
    assert.ok(editor.document.getText().length > 0);
  });
});
