import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RemotesViewNode } from '../../../src/remotes/remotesTreeProvider';
import type { TransferOutcome } from '../../../src/remotes/transferCommands';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const decoder = new TextDecoder();

function remoteNode(
  nodes: readonly RemotesViewNode[],
  name: string,
): Extract<RemotesViewNode, { kind: 'remote' }> | undefined {
  for (const node of nodes) {
    if (node.kind === 'remote' && node.name === name) return node;
    if (node.kind === 'repository') {
      const inside = remoteNode(node.children, name);
      if (inside) return inside;
    }
  }
  return undefined;
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}

describe('remotes', () => {
  const config = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), '.dvc', 'config');
  const configLocal = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), '.dvc', 'config.local');
  let originalConfig: Uint8Array | undefined;
  let originalLocal: Uint8Array | undefined;
  let storage = '';

  before(async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    originalConfig = await vscode.workspace.fs.readFile(config());
    originalLocal = await vscode.workspace.fs.readFile(configLocal()).then(
      (bytes) => bytes,
      () => undefined,
    );
    storage = await mkdtemp(join(tmpdir(), 'dvc-lens-suite-remote-'));
    await vscode.commands.executeCommand('dvcLens.remotes.focus');
  });

  // The suites share one workspace: the demo's own config bytes go back, the remote folder goes away.
  after(async () => {
    if (originalConfig) await vscode.workspace.fs.writeFile(config(), originalConfig);
    if (originalLocal) await vscode.workspace.fs.writeFile(configLocal(), originalLocal);
    else await vscode.workspace.fs.delete(configLocal()).then(undefined, () => undefined);
    if (storage) await rm(storage, { recursive: true, force: true });
    const api = await extensionApi();
    await api.remotes.tree.refresh();
  });

  it('adds a folder remote and shows it in the Remotes view as the default', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.addRemote', {
      root: workspaceRoot(),
      name: 'suite_store',
      url: storage,
      default: true,
    });
    const node = await waitFor(
      'suite_store in the Remotes view',
      () => remoteNode(api.remotes.tree.rootNodes(), 'suite_store'),
      60_000,
    );
    assert.equal(node.isDefault, true);
    assert.equal(node.url, storage);
    const item = api.remotes.tree.getTreeItem(node);
    assert.match(String(item.description), /^default/);
    assert.equal(item.contextValue, 'remoteDefault');
  }).timeout(90_000);

  it('writes a password to .dvc/config.local and never to the committed .dvc/config', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.addRemote', {
      root: workspaceRoot(),
      name: 'suite_web',
      url: 'https://example.invalid/dvc-store',
      default: false,
    });
    await vscode.commands.executeCommand('dvcLens.modifyRemote', {
      root: workspaceRoot(),
      name: 'suite_web',
      option: 'user',
      value: 'suite-user',
    });
    await vscode.commands.executeCommand('dvcLens.modifyRemote', {
      root: workspaceRoot(),
      name: 'suite_web',
      option: 'password',
      value: 'suite-s3cret',
    });
    const committed = await readText(config());
    const local = await readText(configLocal());
    assert.match(committed, /user = suite-user/);
    assert.doesNotMatch(committed, /suite-s3cret/);
    assert.match(local, /password = suite-s3cret/);
    await waitFor(
      'suite_web in the view',
      () => remoteNode(api.remotes.tree.rootNodes(), 'suite_web'),
      60_000,
    );
  }).timeout(90_000);

  it('renames a remote, its credentials moving with it', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.renameRemote', {
      root: workspaceRoot(),
      name: 'suite_web',
      newName: 'suite_site',
    });
    await waitFor(
      'the renamed remote in the view',
      () => {
        const nodes = api.remotes.tree.rootNodes();
        return remoteNode(nodes, 'suite_site') && !remoteNode(nodes, 'suite_web');
      },
      60_000,
    );
    assert.match(await readText(configLocal()), /remote "suite_site"[\s\S]*password = suite-s3cret/);
  }).timeout(90_000);

  it('removes a remote (confirmed) from the view and from both config files', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.removeRemote', {
      root: workspaceRoot(),
      name: 'suite_site',
      confirmed: true,
    });
    await waitFor(
      'suite_site to leave the view',
      () => !remoteNode(api.remotes.tree.rootNodes(), 'suite_site'),
      60_000,
    );
    assert.doesNotMatch(await readText(config()), /suite_site/);
    const local = await readText(configLocal());
    assert.doesNotMatch(local, /suite_site/);
    assert.doesNotMatch(local, /suite-s3cret/);
    assert.ok(remoteNode(api.remotes.tree.rootNodes(), 'suite_store'), 'the other remote stays');
  }).timeout(90_000);

  it("pushes the demo's data to the default remote and says how many files went where", async () => {
    const outcome = await vscode.commands.executeCommand<TransferOutcome | undefined>('dvcLens.push', {
      root: workspaceRoot(),
    });
    assert.ok(outcome, 'the push finished');
    assert.equal(outcome.remote, 'suite_store');
    assert.ok(outcome.summary.pushed > 0, `pushed ${outcome.summary.pushed}`);
    assert.match(outcome.message.text, /^Pushed \d+ files? to 'suite_store'\.$/);
    const objects = await readdir(join(storage, 'files', 'md5'));
    assert.ok(objects.length > 0, 'the remote folder holds objects');

    const again = await vscode.commands.executeCommand<TransferOutcome | undefined>('dvcLens.push', {
      root: workspaceRoot(),
    });
    assert.equal(again?.message.text, "Everything is up to date with 'suite_store'.");
  }).timeout(180_000);
});
