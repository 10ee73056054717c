import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { DataResourceGroup } from '../../../src/data/scm/dataSourceControls';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const run = promisify(execFile);
const encoder = new TextEncoder();
const newFile = 'data/prepared/suite-scm-new.csv';

function groupPaths(groups: readonly DataResourceGroup[], id: string): string[] {
  return groups.find((group) => group.id === id)?.resourceStates.map((row) => row.resource.path) ?? [];
}

describe('DVC in Source Control', () => {
  const uri = (path: string): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), path);
  let rawOriginal: Uint8Array | undefined;

  before(async () => {
    rawOriginal = await vscode.workspace.fs.readFile(uri('data/raw.csv'));
  });

  // The workspace is shared with the other suite files: put the demo back exactly as it was.
  after(async () => {
    const root = workspaceRoot().fsPath;
    if (rawOriginal) await vscode.workspace.fs.writeFile(uri('data/raw.csv'), rawOriginal);
    await vscode.workspace.fs.delete(uri(newFile), { useTrash: false }).then(
      () => undefined,
      () => undefined,
    );
    await run('git', ['checkout', '-q', '--', 'data/raw.csv.dvc'], { cwd: root });
    const api = await extensionApi();
    await api.data.model.reload();
  });

  it('groups a modified file and a new file in a tracked folder; Commit to Cache on the row moves it to Not Committed', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const key = workspaceRoot().toString();
    const controls = await waitFor('the DVC source control', () => api.data.sourceControls());
    const control = await waitFor('the source control of the demo', () => controls.controlOf(key));
    assert.equal(control.id, 'dvcLens');

    await vscode.workspace.fs.writeFile(uri('data/raw.csv'), encoder.encode('changed,in,source,control\n'));
    await vscode.workspace.fs.writeFile(uri(newFile), encoder.encode('a,b\n'));
    await api.data.model.reload([key]);
    const groups = await waitFor(
      'data/raw.csv under Modified and the new file under Untracked',
      () => {
        const shown = controls.groupsOf(key);
        return groupPaths(shown, 'modified').includes('data/raw.csv') &&
          groupPaths(shown, 'untracked').includes(newFile)
          ? shown
          : undefined;
      },
      60_000,
    );
    const untrackedRow = groups.find((group) => group.id === 'untracked')?.resourceStates[0];
    assert.equal(untrackedRow?.resource.target, 'data/prepared', 'DVC acts on the tracked folder');
    assert.equal(untrackedRow?.contextValue, 'dvcLens.untracked');
    assert.ok((controls.controlOf(key)?.count ?? 0) >= 2);

    const rawRow = groups
      .find((group) => group.id === 'modified')
      ?.resourceStates.find((row) => row.resource.path === 'data/raw.csv');
    assert.ok(rawRow);
    // As Source Control calls it: the clicked row, then the selection.
    await vscode.commands.executeCommand('dvcLens.scmCommitToCache', rawRow, [rawRow]);
    await waitFor(
      'data/raw.csv to leave Modified for Not Committed to Git',
      () => {
        const shown = controls.groupsOf(key);
        return (
          !groupPaths(shown, 'modified').includes('data/raw.csv') &&
          groupPaths(shown, 'notCommitted').includes('data/raw.csv')
        );
      },
      60_000,
    );
    const dvcFile = await run('git', ['diff', '--name-only'], { cwd: workspaceRoot().fsPath });
    assert.match(dvcFile.stdout, /data\/raw\.csv\.dvc/);
  }).timeout(180_000);

  it('Check Out from a row asks first, naming what would be lost (a modal, refused in tests)', async () => {
    const api = await extensionApi();
    const key = workspaceRoot().toString();
    const controls = await waitFor('the DVC source control', () => api.data.sourceControls());
    await vscode.workspace.fs.writeFile(uri(newFile), encoder.encode('a,b\n'));
    await api.data.model.reload([key]);
    const row = await waitFor(
      'the new file under Untracked',
      () =>
        controls
          .groupsOf(key)
          .find((group) => group.id === 'untracked')
          ?.resourceStates.find((state) => state.resource.path === newFile),
      60_000,
    );
    await vscode.commands.executeCommand('dvcLens.scmCheckout', row, [row]).then(
      () => assert.fail('checking out over changes DVC has not recorded must ask'),
      (error: unknown) => assert.match(String(error), /dialog/i),
    );
    await vscode.workspace.fs.stat(uri(newFile));
  }).timeout(120_000);
});
