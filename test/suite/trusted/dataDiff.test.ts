import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

/** The diff editor in front: its two sides. */
function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

/** Open Data Diff of a DVC-tracked file: a revision's content from DVC's cache, against the workspace. */
describe('data diff', () => {
  after(async () => {
    await vscode.workspace
      .getConfiguration()
      .update('dvcLens.data.diffMaxBytes', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the diff editor with the revision from the cache on the left and the file on the right', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const root = workspaceRoot();
    const raw = vscode.Uri.joinPath(root, 'data', 'raw.csv');
    await vscode.commands.executeCommand('dvcLens.openDataDiff', {
      root,
      path: 'data/raw.csv',
      a: 'HEAD',
      b: 'workspace',
    });
    const diff = await waitFor('the diff editor', activeDiff);
    assert.equal(diff.original.scheme, 'dvclens-data');
    assert.equal(diff.modified.toString(), raw.toString());
    const left = await vscode.workspace.openTextDocument(diff.original);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(raw));
    assert.ok(onDisk.length > 1000, 'the demo data is real');
    assert.equal(left.getText(), onDisk, 'HEAD’s raw.csv, read from the cache, is the file DVC checked out');
  });

  it('a revision over dvcLens.data.diffMaxBytes shows a message with its size instead of its text', async () => {
    await vscode.workspace
      .getConfiguration()
      .update('dvcLens.data.diffMaxBytes', 100, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('dvcLens.openDataDiff', {
      root: workspaceRoot(),
      path: 'data/raw.csv',
      a: 'HEAD~1',
      b: 'HEAD',
    });
    const diff = await waitFor('the diff editor', activeDiff);
    const left = await vscode.workspace.openTextDocument(diff.original);
    assert.match(
      left.getText(),
      /^DVC Lens: data\/raw\.csv at HEAD~1 is [\d.]+ kB, more than the 100 B a data diff shows/,
    );
  });
});
