import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, extensionId, findNode, treeLabels, waitFor, workspaceRoot } from '../suiteHelpers';

const encoder = new TextEncoder();

describe('Pipeline view on the demo project', () => {
  it('activates by itself because the workspace contains dvc.yaml', async () => {
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(extensionId)?.isActive);
  });

  it('lists the demo stages from dvc.yaml, in file order', async () => {
    const api = await extensionApi();
    const labels = await waitFor('the stages', () => {
      const names = treeLabels(api.pipelineTree.rootNodes());
      return names.includes('evaluate') ? names : undefined;
    });
    assert.deepEqual(labels.slice(0, 3), ['prepare', 'train', 'evaluate']);
  });

  it('gives each stage its command, dependencies, outputs, params and plots', async () => {
    const api = await extensionApi();
    const train = findNode(api.pipelineTree.rootNodes(), 'train');
    assert.ok(train?.kind === 'model');
    const groups = train.children.map((child) => (child.kind === 'model' ? child.node.label : ''));
    for (const group of ['Command', 'Dependencies', 'Outputs', 'Params', 'Plots'])
      assert.ok(groups.includes(group), `${group} in ${groups.join(', ')}`);
    const outputs = train.children.find((child) => child.kind === 'model' && child.node.label === 'Outputs');
    assert.deepEqual(
      outputs?.children.map((child) => (child.kind === 'model' ? child.node.label : '')),
      ['model/model.json'],
    );
  });

  it('opens dvc.yaml at the stage when a stage is clicked', async () => {
    const api = await extensionApi();
    const train = findNode(api.pipelineTree.rootNodes(), 'train');
    assert.ok(train);
    const item = api.pipelineTree.getTreeItem(train);
    assert.ok(item.command, 'a stage item has a click command');
    await vscode.commands.executeCommand(
      item.command.command,
      ...((item.command.arguments ?? []) as unknown[]),
    );
    const editor = await waitFor('dvc.yaml to open', () => vscode.window.activeTextEditor);
    assert.ok(editor.document.uri.path.endsWith('/dvc.yaml'));
    const expectedLine = editor.document
      .getText()
      .split('\n')
      .findIndex((line) => line.trim() === 'train:');
    assert.equal(editor.selection.start.line, expectedLine);
  });

  it('refreshes when a pipeline is added and removed, grouping several dvc.yaml files', async () => {
    const api = await extensionApi();
    const extra = vscode.Uri.joinPath(workspaceRoot(), 'extra', 'dvc.yaml');
    await vscode.workspace.fs.writeFile(
      extra,
      encoder.encode('stages:\n  extra_stage:\n    cmd: echo extra\n'),
    );
    try {
      await waitFor('extra/dvc.yaml in the tree', () =>
        findNode(api.pipelineTree.rootNodes(), 'extra/dvc.yaml'),
      );
      assert.ok(findNode(api.pipelineTree.rootNodes(), 'extra_stage'));
      assert.ok(findNode(api.pipelineTree.rootNodes(), 'train'), 'the root pipeline still shows');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'extra'), { recursive: true });
    }
    await waitFor(
      'extra/dvc.yaml to leave the tree',
      () => !findNode(api.pipelineTree.rootNodes(), 'extra_stage'),
    );
  });

  it('re-reads a pipeline when the params file it interpolates from changes', async () => {
    const api = await extensionApi();
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'interp');
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'params.yaml'),
      encoder.encode('names: [a, b]\n'),
    );
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'dvc.yaml'),
      encoder.encode('stages:\n  gen:\n    foreach: ${names}\n    do:\n      cmd: echo ${item}\n'),
    );
    try {
      await waitFor('gen@a and gen@b', () => findNode(api.pipelineTree.rootNodes(), 'gen@b'));
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(folder, 'params.yaml'),
        encoder.encode('names: [a, b, c]\n'),
      );
      await waitFor('gen@c after the params change', () => findNode(api.pipelineTree.rootNodes(), 'gen@c'));
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
