import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

/**
 * DVC runs what is on disk: a run started while dvc.yaml has unsaved edits must ask first. The test extension
 * host refuses modal dialogs (the call fails, naming the dialog's text), which shows the question was asked and
 * stands in for a person who did not answer "Save and Run": the run must not start and the edit stays.
 */
describe('a run with unsaved pipeline edits', () => {
  // code-server saves edits after a second by default; a person with auto save off is who gets asked.
  before(async () => {
    await vscode.workspace
      .getConfiguration('files')
      .update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('files')
      .update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('asks to save dvc.yaml first and runs nothing when the question is cancelled', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const document = await vscode.workspace.openTextDocument(
      vscode.Uri.joinPath(workspaceRoot(), 'dvc.yaml'),
    );
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# an edit not yet saved\n'));
    assert.ok(document.isDirty, 'dvc.yaml has unsaved changes');

    const reprosBefore = api.outputLines().filter((line) => /\brepro\b/.test(line)).length;
    const lastRunBefore = api.stageInsights.lastRunOf(workspaceRoot().toString(), 'prepare');
    const asked = await vscode.commands
      .executeCommand('dvcLens.reproStage', { root: workspaceRoot(), stage: 'prepare' })
      .then(
        () => 'no question',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    assert.match(asked, /dvc\.yaml has unsaved changes\. DVC runs what is saved on disk/);
    // Give a run that wrongly started the time to reach the log.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    assert.equal(
      api.outputLines().filter((line) => /\brepro\b/.test(line)).length,
      reprosBefore,
      'no dvc repro ran',
    );
    assert.equal(api.stageInsights.runStateOf(workspaceRoot().toString(), 'prepare'), undefined);
    assert.equal(api.stageInsights.lastRunOf(workspaceRoot().toString(), 'prepare'), lastRunBefore);
    assert.ok(document.isDirty, 'the edit was neither saved nor lost');
  });
});
