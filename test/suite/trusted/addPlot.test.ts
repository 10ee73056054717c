import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot } from '../suiteHelpers';

describe('Add Plot to Pipeline', () => {
  const uri = (path: string): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), path);
  const dataPath = 'plots/suite-curve.csv';
  let original: Uint8Array | undefined;

  before(async () => {
    original = await vscode.workspace.fs.readFile(uri('dvc.yaml'));
  });

  after(async () => {
    if (original) await vscode.workspace.fs.writeFile(uri('dvc.yaml'), original);
    await vscode.workspace.fs.delete(uri(dataPath)).then(
      () => undefined,
      () => undefined,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes the plot into dvc.yaml after the existing ones, keeping the file as it was around it', async () => {
    await vscode.workspace.fs.writeFile(
      uri(dataPath),
      new TextEncoder().encode('step,acc,loss\n1,0.5,0.9\n'),
    );
    await vscode.commands.executeCommand('dvcLens.addPlot', {
      root: workspaceRoot(),
      file: dataPath,
      x: 'step',
      y: ['acc', 'loss'],
      template: 'smooth',
    });
    const before = new TextDecoder().decode(original);
    const written = await waitFor('dvc.yaml saved with the plot', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('dvc.yaml')));
      return text.includes(`- ${dataPath}:`) ? text : undefined;
    });
    const block = [
      '  - plots/suite-curve.csv:',
      '      template: smooth',
      '      x: step',
      '      y:',
      '        - acc',
      '        - loss',
      '',
    ].join('\n');
    assert.equal(written.replace(block, ''), before, 'only the new block was added');
    // The editor shows dvc.yaml, saved, with the new lines selected.
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith('/dvc.yaml'));
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.lineAt(editor.selection.start.line).text, '  - plots/suite-curve.csv:');

    // A second time: refused, named, nothing written.
    await vscode.commands.executeCommand('dvcLens.addPlot', {
      root: workspaceRoot(),
      file: dataPath,
      y: ['acc'],
    });
    const again = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('dvc.yaml')));
    assert.equal(again, written);
  }).timeout(60_000);
});
