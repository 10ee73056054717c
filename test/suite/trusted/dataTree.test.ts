import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { GitCli } from '../../../src/cli/gitCli';
import type { DataViewNode } from '../../../src/data/tree/dataTreeNodes';
import { dataNodeLabel } from '../../../src/data/tree/dataTreeNodes';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const run = promisify(execFile);
const encoder = new TextEncoder();
const extraPath = 'data/suite-extra.csv';
const secondPath = 'data/suite-second.csv';
const brokenPath = 'data/suite-broken.dvc';
const notesPath = 'suite-notes.txt';

function byLabel(nodes: readonly DataViewNode[], label: string): DataViewNode | undefined {
  return nodes.find((node) => dataNodeLabel(node) === label);
}

function description(node: DataViewNode | undefined, api: Awaited<ReturnType<typeof extensionApi>>): string {
  return node ? String(api.data.tree.getTreeItem(node).description ?? '') : '';
}

describe('Data view, decorations and data commands', () => {
  const uri = (path: string): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), path);
  let rawOriginal: Uint8Array | undefined;

  before(async () => {
    rawOriginal = await vscode.workspace.fs.readFile(uri('data/raw.csv'));
  });

  // The workspace is shared with the other suite files: put the demo back exactly as it was.
  after(async () => {
    const root = workspaceRoot().fsPath;
    if (rawOriginal) await vscode.workspace.fs.writeFile(uri('data/raw.csv'), rawOriginal);
    for (const path of [extraPath, `${extraPath}.dvc`, secondPath, `${secondPath}.dvc`, brokenPath])
      await vscode.workspace.fs.delete(uri(path), { useTrash: false }).then(
        () => undefined,
        () => undefined,
      );
    await run('git', ['reset', '-q'], { cwd: root });
    await run('git', ['checkout', '-q', '--', 'data/.gitignore', 'data/raw.csv.dvc'], { cwd: root });
    const api = await extensionApi();
    await api.data.model.reload();
  });

  it('lists data/raw.csv and the pipeline outputs with their sizes, and expands a tracked folder', async () => {
    const api = await extensionApi();
    const nodes = await waitFor('the Data view to list the demo data', () => {
      const roots = api.data.tree.rootNodes();
      return byLabel(roots, 'data/raw.csv') && byLabel(roots, 'data/prepared') ? roots : undefined;
    });
    const raw = byLabel(nodes, 'data/raw.csv');
    assert.ok(raw?.kind === 'tracked');
    assert.equal(raw.path, 'data/raw.csv');
    assert.equal(raw.root.toString(), workspaceRoot().toString());
    assert.match(description(raw, api), /^13\.6 kB/);
    assert.match(description(byLabel(nodes, 'data/prepared'), api), /^13\.7 kB · 2 files/);
    // Other suite files re-run the pipeline: the model's size is whatever the last run wrote.
    assert.match(description(byLabel(nodes, 'model/model.json'), api), /^\d+ B/);
    assert.equal(api.data.tree.getTreeItem(raw).contextValue, 'dataTracked');

    const prepared = byLabel(nodes, 'data/prepared');
    assert.ok(prepared);
    const children = await api.data.tree.getChildren(prepared);
    assert.deepEqual(children.map(dataNodeLabel), ['test.csv', 'train.csv']);
    const train = children[1];
    assert.ok(train?.kind === 'entry' && train.path === 'data/prepared/train.csv');
  });

  it('decorates a modified tracked file in the Explorer and the view, and Check Out restores it', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    await vscode.workspace.fs.writeFile(uri('data/raw.csv'), encoder.encode('changed,by,the,suite\n'));
    const decoration = await waitFor(
      'data/raw.csv to be decorated as modified',
      () => {
        const found = api.data.decorations.decorationFor(uri('data/raw.csv'));
        return found?.badge === 'M' ? found : undefined;
      },
      60_000,
    );
    assert.match(decoration.tooltip ?? '', /Modified/);
    const rawNode = byLabel(api.data.tree.rootNodes(), 'data/raw.csv');
    assert.match(description(rawNode, api), /modified/);
    // The view's own resource (not the file's, which git greys out as ignored) gets the same badge.
    const resource = rawNode ? api.data.tree.getTreeItem(rawNode).resourceUri : undefined;
    assert.ok(resource && resource.scheme !== 'file');
    assert.equal(api.data.decorations.decorationFor(resource)?.badge, 'M');

    await vscode.commands.executeCommand('dvcLens.checkoutData', {
      root: workspaceRoot(),
      path: 'data/raw.csv',
      confirmed: true,
    });
    assert.deepEqual(await vscode.workspace.fs.readFile(uri('data/raw.csv')), rawOriginal);
    await waitFor(
      'the decoration to go',
      () => api.data.decorations.decorationFor(uri('data/raw.csv')) === undefined,
      60_000,
    );
  }).timeout(150_000);

  it('tracks a new file: the .dvc file is written and staged, and the view lists it; Stop Tracking undoes it', async () => {
    const api = await extensionApi();
    await vscode.workspace.fs.writeFile(uri(extraPath), encoder.encode('a,b\n1,2\n'));
    await vscode.commands.executeCommand('dvcLens.trackData', { root: workspaceRoot(), paths: [extraPath] });
    await vscode.workspace.fs.stat(uri(`${extraPath}.dvc`));
    const changed = await new GitCli(workspaceRoot().fsPath).changedFiles();
    assert.ok(
      changed.some((file) => file.path === `${extraPath}.dvc` && file.code.startsWith('A')),
      `the .dvc file is staged: ${JSON.stringify(changed)}`,
    );
    await waitFor('the new file in the Data view', () => byLabel(api.data.tree.rootNodes(), extraPath));

    await vscode.commands.executeCommand('dvcLens.untrackData', {
      root: workspaceRoot(),
      path: extraPath,
      confirmed: true,
    });
    await waitFor('the file to leave the Data view', () => !byLabel(api.data.tree.rootNodes(), extraPath));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri(`${extraPath}.dvc`))));
    await vscode.workspace.fs.stat(uri(extraPath));
  }).timeout(150_000);

  it('stops tracking every file of a multi-selection after one confirmation', async () => {
    const api = await extensionApi();
    const paths = [extraPath, secondPath];
    for (const path of paths) await vscode.workspace.fs.writeFile(uri(path), encoder.encode(`${path}\n1\n`));
    await vscode.commands.executeCommand('dvcLens.trackData', { root: workspaceRoot(), paths });
    for (const path of paths) await vscode.workspace.fs.stat(uri(`${path}.dvc`));
    await waitFor('both files in the Data view', () =>
      paths.every((path) => byLabel(api.data.tree.rootNodes(), path)),
    );
    // As the Explorer calls it: the clicked resource, then the whole selection.
    await vscode.commands
      .executeCommand(
        'dvcLens.untrackData',
        uri(extraPath),
        paths.map((path) => uri(`${path}.dvc`)),
      )
      .then(
        () => assert.fail('untracking without the confirmation must ask (a modal, refused in tests)'),
        (error: unknown) => assert.match(String(error), /dialog/i),
      );
    for (const path of paths) await vscode.workspace.fs.stat(uri(`${path}.dvc`));
    await vscode.commands.executeCommand('dvcLens.untrackData', {
      root: workspaceRoot(),
      paths,
      confirmed: true,
    });
    for (const path of paths) {
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri(`${path}.dvc`))));
      await vscode.workspace.fs.stat(uri(path));
    }
  }).timeout(150_000);

  it('commits a changed file to the cache, then only the metadata to git', async () => {
    const api = await extensionApi();
    const root = workspaceRoot().fsPath;
    const head = (await run('git', ['rev-parse', 'HEAD'], { cwd: root })).stdout.trim();
    await vscode.workspace.fs.writeFile(uri('data/raw.csv'), encoder.encode('recorded,by,the,suite\n'));
    await vscode.workspace.fs.writeFile(uri(notesPath), encoder.encode('not data\n'));
    await run('git', ['add', notesPath], { cwd: root });
    try {
      await vscode.commands.executeCommand('dvcLens.commitData', {
        root: workspaceRoot(),
        path: 'data/raw.csv',
      });
      const recorded = await waitFor(
        'data/raw.csv to be recorded by DVC but not committed to git',
        () => {
          const found = api.data.decorations.decorationFor(uri('data/raw.csv'));
          return found?.badge === 'S' ? found : undefined;
        },
        60_000,
      );
      assert.match(recorded.tooltip ?? '', /not committed to git/);

      await vscode.commands.executeCommand('dvcLens.commitDataChanges', {
        root: workspaceRoot(),
        message: 'Suite: update raw data',
      });
      const [subject, ...files] = (
        await run('git', ['show', '--name-only', '--format=%s', 'HEAD'], { cwd: root })
      ).stdout
        .split('\n')
        .filter((line) => line !== '');
      assert.equal(subject, 'Suite: update raw data');
      assert.ok(files.includes('data/raw.csv.dvc'), files.join(', '));
      assert.ok(
        files.every((file) => /(\.dvc|dvc\.lock|\.gitignore)$/.test(file)),
        `only metadata: ${files.join(', ')}`,
      );
      await waitFor(
        'the decoration to go once git has the change',
        () => api.data.decorations.decorationFor(uri('data/raw.csv')) === undefined,
        60_000,
      );
    } finally {
      await run('git', ['reset', '-q', '--soft', head], { cwd: root });
      await run('git', ['reset', '-q'], { cwd: root });
      await run('git', ['checkout', '-q', '--', 'data/raw.csv.dvc'], { cwd: root });
      if (rawOriginal) await vscode.workspace.fs.writeFile(uri('data/raw.csv'), rawOriginal);
      await vscode.workspace.fs.delete(uri(notesPath));
    }
  }).timeout(150_000);

  it('shows a broken .dvc file as an error node and a problem at its line', async () => {
    const api = await extensionApi();
    await vscode.workspace.fs.writeFile(
      uri(brokenPath),
      encoder.encode('outs:\n- md5: abc\n  path: [unclosed\n'),
    );
    const node = await waitFor(
      'the error node',
      () => byLabel(api.data.tree.rootNodes(), brokenPath),
      30_000,
    );
    assert.equal(api.data.tree.getTreeItem(node).contextValue, 'dataError');
    const problems = await waitFor('a diagnostic', () => {
      const found = api.data.diagnostics.diagnosticsFor(uri(brokenPath));
      return found.length > 0 ? found : undefined;
    });
    assert.ok((problems[0]?.range.start.line ?? 0) >= 1);
    assert.ok(byLabel(api.data.tree.rootNodes(), 'data/raw.csv'), 'the rest of the tree keeps working');
    await vscode.workspace.fs.delete(uri(brokenPath));
    await waitFor('the error node to go', () => !byLabel(api.data.tree.rootNodes(), brokenPath), 30_000);
  }).timeout(90_000);
});
