import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dataNodeLabel } from '../../../src/data/tree/dataTreeNodes';
import { extensionApi, processLines, waitFor } from '../suiteHelpers';

describe('Data view in Restricted Mode', () => {
  it('lists the tracked data from files under a Restricted Mode note, and its commands run nothing', async () => {
    const api = await extensionApi();
    const labels = await waitFor('the tracked data', () => {
      const names = api.data.tree.rootNodes().map(dataNodeLabel);
      return names.includes('data/raw.csv') && names.includes('data/prepared') ? names : undefined;
    });
    assert.match(labels[0] ?? '', /^Restricted Mode/);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    for (const [command, argument] of [
      ['dvcLens.trackData', { root, paths: ['params.yaml'] }],
      ['dvcLens.untrackData', { root, path: 'data/raw.csv', confirmed: true }],
      ['dvcLens.checkoutData', { root, path: 'data/raw.csv', confirmed: true }],
      ['dvcLens.commitData', { root, path: 'data/raw.csv' }],
      ['dvcLens.commitDataChanges', { root, message: 'no' }],
      ['dvcLens.checkDataRemote', { root }],
      ['dvcLens.refreshData', undefined],
    ] as const)
      await vscode.commands.executeCommand(command, argument).then(undefined, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(processLines(api), [], 'no process was started');
    assert.equal(api.data.model.all[0]?.status, undefined, 'no status without DVC');
    // Source Control would show a status that is never read here, and its actions would run DVC.
    assert.equal(api.data.sourceControls(), undefined, 'no DVC source control in Restricted Mode');
    for (const command of ['dvcLens.scmCommitToCache', 'dvcLens.scmPush', 'dvcLens.scmPull'])
      await vscode.commands.executeCommand(command, { root }).then(undefined, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(processLines(api), [], 'the Source Control actions started no process');
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(root ?? vscode.Uri.file('/'), 'data', 'raw.csv.dvc'));
  });
});
