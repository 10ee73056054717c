import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MetricsViewNode } from '../../../src/metrics/metricsTreeProvider';
import type { MetricsTreeProvider } from '../../../src/metrics/metricsTreeProvider';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

/** Every value node of the view, depth-first, with the file it belongs to. */
function valueNodes(tree: MetricsTreeProvider): Extract<MetricsViewNode, { kind: 'value' }>[] {
  const found: Extract<MetricsViewNode, { kind: 'value' }>[] = [];
  const walk = (nodes: readonly MetricsViewNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'value') found.push(node);
      else walk(tree.getChildren(node));
    }
  };
  walk(tree.getChildren());
  return found;
}

describe('Metrics view and Metrics vs HEAD', () => {
  const params = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'params.yaml');
  const metrics = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'metrics.json');
  let original: Uint8Array | undefined;
  let originalMetrics: Uint8Array | undefined;

  before(async () => {
    original = await vscode.workspace.fs.readFile(params());
    originalMetrics = await vscode.workspace.fs.readFile(metrics());
  });

  after(async () => {
    if (original) await vscode.workspace.fs.writeFile(params(), original);
    if (originalMetrics) await vscode.workspace.fs.writeFile(metrics(), originalMetrics);
    await vscode.commands.executeCommand('dvcLens.showAllMetrics');
  });

  it('shows a param changed in the workspace against HEAD, in both views, and opens params.yaml at it', async () => {
    const api = await extensionApi();
    // Open the view so the store asks DVC (it only does while a view is visible).
    await vscode.commands.executeCommand('dvcLens.metrics.focus');
    // Earlier suite files may leave their own value (stage status runs train with epochs 41): build on it.
    const text = new TextDecoder().decode(original);
    const current = Number(/epochs: (\d+)/.exec(text)?.[1]);
    assert.ok(Number.isInteger(current), text);
    const edited = current + 7;
    await vscode.workspace.fs.writeFile(
      params(),
      new TextEncoder().encode(text.replace(`epochs: ${current}`, `epochs: ${edited}`)),
    );

    const epochs = await waitFor(
      'train.epochs changed against HEAD in the Metrics view',
      () =>
        valueNodes(api.metrics.tree).find(
          (node) =>
            node.value.key === 'train.epochs' &&
            node.value.value === edited &&
            typeof node.value.head === 'number',
        ),
      90_000,
    );
    const head = epochs.value.head as number;
    const item = api.metrics.tree.getTreeItem(epochs);
    assert.ok(
      String(item.description).startsWith(`${edited}  ↑ +${edited - head} (+`),
      String(item.description),
    );
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'arrow-up');

    // The Source Control view lists only what differs from HEAD.
    const changed = valueNodes(api.metrics.scmTree);
    assert.ok(changed.some((node) => node.value.key === 'train.epochs'));
    assert.ok(
      changed.every((node) => node.value.trend !== 'same'),
      JSON.stringify(changed.map((n) => n.value)),
    );
    // The side-bar view shows unchanged values too, until its filter is on.
    assert.ok(valueNodes(api.metrics.tree).some((node) => node.value.trend === 'same'));
    await vscode.commands.executeCommand('dvcLens.showChangedMetricsOnly');
    assert.ok(valueNodes(api.metrics.tree).every((node) => node.value.trend !== 'same'));

    // A click opens params.yaml with the key selected.
    const command = item.command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
    const editor = await waitFor('params.yaml in the editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/params.yaml') ? active : undefined;
    });
    assert.equal(editor.document.lineAt(editor.selection.start.line).text.trim(), `epochs: ${edited}`);
  }).timeout(150_000);

  it('warns in the status bar when the headline metric is worse than HEAD, and writes the changes into the commit message', async () => {
    const api = await extensionApi();
    const recorded = JSON.parse(new TextDecoder().decode(originalMetrics)) as Record<string, number>;
    const accuracy = recorded.accuracy;
    assert.equal(typeof accuracy, 'number', 'the demo records accuracy first in metrics.json');
    const lower = Math.round((accuracy! - 0.1) * 1e4) / 1e4;
    await vscode.workspace.fs.writeFile(
      metrics(),
      new TextEncoder().encode(JSON.stringify({ ...recorded, accuracy: lower }, undefined, 2)),
    );
    const warned = await waitFor(
      'the accuracy regression in the status bar',
      () => api.metrics.statusBar.current.find((value) => value.key === 'accuracy' && value.value === lower),
      90_000,
    );
    assert.equal(warned.trend, 'worse');

    await vscode.commands.executeCommand('dvcLens.insertMetricsSummary', { root: workspaceRoot() });
    const git = vscode.extensions.getExtension<{
      getAPI(version: 1): { repositories: { rootUri: vscode.Uri; inputBox: { value: string } }[] };
    }>('vscode.git');
    assert.ok(git, 'the built-in git extension');
    const repository = git.exports
      .getAPI(1)
      .repositories.find((candidate) => candidate.rootUri.fsPath === workspaceRoot().fsPath);
    assert.ok(repository, 'the workspace in Source Control');
    try {
      assert.match(
        repository.inputBox.value,
        new RegExp(`metrics\\.json accuracy: ${accuracy} → ${lower} .*\\(worse\\)`),
      );
      assert.match(repository.inputBox.value, /params\.yaml train\.epochs: \d+ → \d+ \(\+\d+/);
    } finally {
      repository.inputBox.value = '';
    }

    await vscode.workspace.fs.writeFile(metrics(), originalMetrics!);
    await waitFor('the warning to go', () => api.metrics.statusBar.current.length === 0, 90_000);
  }).timeout(200_000);
  it('compares with the baseline ref setting; a ref that names nothing says so in the tooltip', async () => {
    const api = await extensionApi();
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration();
    const statusBar = api.metrics.statusBar;
    try {
      await config().update(
        'dvcLens.metrics.baselineRef',
        'no-such-ref',
        vscode.ConfigurationTarget.Workspace,
      );
      await waitFor(
        'the invalid baseline in the tooltip',
        () => statusBar.notes.some((note) => /'no-such-ref' is not a branch, tag or commit/.test(note)),
        90_000,
      );
      assert.deepEqual(statusBar.current, []);
      assert.ok(api.outputLines().some((line) => /baselineRef.*no-such-ref/.test(line)));

      // `main` is the demo's branch: the store's model already has its row, so nothing more is asked of DVC.
      await config().update('dvcLens.metrics.baselineRef', 'main', vscode.ConfigurationTarget.Workspace);
      const recorded = JSON.parse(new TextDecoder().decode(originalMetrics)) as Record<string, number>;
      const lower = Math.round((recorded.accuracy! - 0.1) * 1e4) / 1e4;
      await vscode.workspace.fs.writeFile(
        metrics(),
        new TextEncoder().encode(JSON.stringify({ ...recorded, accuracy: lower }, undefined, 2)),
      );
      await waitFor(
        'the regression against main',
        () => statusBar.current.some((value) => value.key === 'accuracy' && value.value === lower),
        90_000,
      );
      assert.deepEqual(statusBar.notes, []);
    } finally {
      await config().update('dvcLens.metrics.baselineRef', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.writeFile(metrics(), originalMetrics!);
    }
    await waitFor('the warning to go', () => statusBar.current.length === 0, 90_000);
  }).timeout(300_000);
});
