import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RemotesViewNode } from '../../../src/remotes/remotesTreeProvider';
import { extensionApi, outputLinesSince, processLines, waitFor, workspaceRoot } from '../suiteHelpers';

/** Whether the Remotes view lists a remote of that name. */
function listsRemote(nodes: readonly RemotesViewNode[], name: string): boolean {
  return nodes.some(
    (node) =>
      (node.kind === 'remote' && node.name === name) ||
      (node.kind === 'repository' && listsRemote(node.children, name)),
  );
}

// The one command runtime (src/repository/command.ts) driven through real commands of two concepts.
describe('command runtime', () => {
  const config = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), '.dvc', 'config');
  let originalConfig: Uint8Array | undefined;

  before(async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    originalConfig = await vscode.workspace.fs.readFile(config());
    await vscode.commands.executeCommand('dvcLens.remotes.focus');
  });

  after(async () => {
    if (originalConfig) await vscode.workspace.fs.writeFile(config(), originalConfig);
    const api = await extensionApi();
    await api.remotes.tree.refresh();
  });

  it('runs a remote command in the repository its argument names, and the Remotes view shows the change', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.addRemote', {
      root: workspaceRoot(),
      name: 'runtime_check',
      url: 'https://example.invalid/runtime-check',
      default: false,
    });
    assert.ok(
      processLines(api).some((line) => line.includes('remote add') && line.includes('runtime_check')),
      'dvc remote add ran',
    );
    await waitFor('runtime_check in the Remotes view', () =>
      listsRemote(api.remotes.tree.rootNodes(), 'runtime_check'),
    );
    await vscode.commands.executeCommand('dvcLens.removeRemote', {
      root: workspaceRoot(),
      name: 'runtime_check',
      confirmed: true,
    });
    await waitFor('runtime_check gone from the Remotes view', () =>
      !listsRemote(api.remotes.tree.rootNodes(), 'runtime_check') ? true : undefined,
    );
  }).timeout(90_000);

  it('shows a failed DVC call as an error whose details are in the log, and resolves to nothing', async () => {
    const api = await extensionApi();
    const earlier = api.outputLines();
    const result = await vscode.commands.executeCommand('dvcLens.importFromUrl', {
      root: workspaceRoot(),
      url: 'http://127.0.0.1:9/runtime-check.csv',
      out: 'runtime-check.csv',
      mode: 'download',
    });
    assert.equal(result, undefined);
    const lines = outputLinesSince(api, earlier);
    assert.ok(
      lines.some((line) => line.includes('get-url')),
      `dvc get-url ran:\n${lines.join('\n')}`,
    );
    assert.ok(
      lines.some((line) => line.startsWith('DVC Lens: ') && !line.includes(' → ')),
      `the error shown is in the log:\n${lines.join('\n')}`,
    );
    const leftOver = await vscode.workspace.fs
      .stat(vscode.Uri.joinPath(workspaceRoot(), 'runtime-check.csv'))
      .then(
        () => true,
        () => false,
      );
    assert.equal(leftOver, false, 'nothing was left behind');
  }).timeout(90_000);

  it('says there is no repository when the argument names a folder outside every one, and runs nothing', async () => {
    const api = await extensionApi();
    const earlier = api.outputLines();
    const result = await vscode.commands.executeCommand('dvcLens.gc', {
      root: vscode.Uri.file('/nowhere/dvc-lens-runtime-check'),
      scope: 'workspace',
      confirmed: true,
    });
    assert.equal(result, undefined);
    const lines = outputLinesSince(api, earlier);
    assert.ok(
      lines.some((line) => line.includes('there is no DVC repository')),
      `the runtime said so:\n${lines.join('\n')}`,
    );
    assert.deepEqual(
      lines.filter((line) => line.includes(' → ')),
      [],
      'no process was started',
    );
  });
});
