import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultTableUiState } from '../../../src/core/experimentsTable/tableUiState';
import { decodeColumn } from '../../../src/core/experimentsTable/tableValues';
import type { TableUiState } from '../../../src/core/protocols/experimentsTableProtocol';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

describe('experiments table', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens as a locked-down webview with the demo experiments data, once per repository', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root: workspaceRoot() });
    const panel = await waitFor('the table panel', () => api.experiments.table.panels()[0]);
    assert.match(panel.panel.viewType, /dvcLens\.experimentsTable$/);

    const snapshot = await waitFor(
      'exp show data in the table',
      () => {
        const current = panel.source.snapshot();
        return current?.rows.some((row) => row.kind === 'commit') ? current : undefined;
      },
      60_000,
    );
    assert.equal(snapshot.rows[0]?.id, 'workspace');
    const epochs = snapshot.columns.findIndex((column) => column.id === 'params:params.yaml:train.epochs');
    assert.ok(epochs >= 0, snapshot.columns.map((column) => column.id).join(', '));
    // Earlier suite files run experiments with other epochs: any number read from DVC will do.
    assert.equal(typeof decodeColumn(snapshot.values[epochs], snapshot.rows.length)[0], 'number');
    assert.ok(snapshot.columns.some((column) => column.group === 'metrics:metrics.json'));

    const html = panel.panel.webview.html;
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);

    // The same command again brings the open table forward instead of opening a second one.
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root: workspaceRoot() });
    assert.equal(api.experiments.table.panels().length, 1);
  }).timeout(90_000);
});

describe('experiments table UI state', () => {
  after(async () => {
    // The workspace is shared with later suite files: they find the table as it was.
    const api = await extensionApi();
    api.experiments.table.panels()[0]?.receive({ type: 'saveState', state: defaultTableUiState });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('persists per workspace across a reload of the panel', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const root = workspaceRoot();
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root });
    const first = await waitFor('the table panel', () => api.experiments.table.panels()[0]);
    const state: TableUiState = {
      ...defaultTableUiState,
      sort: [{ columnId: 'metrics:metrics.json:accuracy', descending: true }],
      filterText: 'accuracy>0.5',
      baselineRowId: 'workspace',
      deltaMode: true,
      pinnedColumns: ['params:params.yaml:train.epochs'],
      hiddenColumns: ['params:params.yaml:train.seed'],
      columnOrder: ['metrics:metrics.json:accuracy', 'params:params.yaml:train.epochs'],
      columnWidths: { label: 260, 'params:params.yaml:train.epochs': 90 },
    };
    // What the page posts after the person sorted, filtered, pinned a baseline and arranged columns.
    first.receive({ type: 'saveState', state });
    await waitFor('the host to keep the state', () => first.uiState?.filterText === state.filterText);

    first.panel.dispose();
    await waitFor('the panel to close', () => api.experiments.table.panels().length === 0);
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root });
    const second = await waitFor('a new table panel', () => {
      const panel = api.experiments.table.panels()[0];
      return panel && panel !== first ? panel : undefined;
    });
    assert.deepEqual(second.uiState, state);
    // The new page starts from the saved state: it is embedded (as JSON) in the HTML it loads.
    assert.ok(
      second.panel.webview.html.includes(JSON.stringify(state).replace(/</g, '\\u003c')),
      'the page embeds the saved UI state',
    );

    // A malformed state from the page is refused at the boundary and the saved one stays.
    second.receive({ type: 'saveState', state: { ...state, deltaMode: 'yes' } });
    assert.deepEqual(second.uiState, state);
  }).timeout(90_000);
});

describe('experiments table stars and plot toggles', () => {
  after(async () => {
    const api = await extensionApi();
    api.experiments.table.panels()[0]?.receive({ type: 'saveState', state: defaultTableUiState });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("stars a row from the table and the view's menu, kept per workspace; the Starred filter, plot toggles and folded sections persist", async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const root = workspaceRoot();
    const key = root.toString();
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root });
    const panel = await waitFor('the table panel', () => api.experiments.table.panels()[0]);
    const snapshot = await waitFor(
      'a commit row',
      () =>
        panel.source.snapshot()?.rows.some((row) => row.kind === 'commit')
          ? panel.source.snapshot()
          : undefined,
      60_000,
    );
    const commit = snapshot?.rows.find((row) => row.kind === 'commit');
    assert.ok(commit);

    // The row's star in the page posts this action.
    panel.receive({ type: 'action', action: 'star', rowIds: [commit.id] });
    await waitFor('the commit starred in the snapshot', () =>
      panel.source.snapshot()?.rows.some((row) => row.id === commit.id && row.starred === true),
    );
    assert.ok(api.experiments.stars.starred(key).has(commit.id), 'kept in workspace state');
    const node = api.experiments.tree
      .getChildren()
      .flatMap((top) => (top.kind === 'repository' ? api.experiments.tree.getChildren(top) : [top]))
      .find((candidate) => candidate.kind === 'row' && candidate.row.id === commit.id);
    assert.ok(node, 'the commit in the Experiments view');
    assert.match(String(api.experiments.tree.getTreeItem(node).description), /^★/);

    // The view's Star / Unstar toggles the same star.
    await vscode.commands.executeCommand('dvcLens.toggleExperimentStar', node);
    assert.equal(api.experiments.stars.starred(key).has(commit.id), false);
    await waitFor('the star gone from the snapshot', () =>
      panel.source.snapshot()?.rows.every((row) => row.starred !== true),
    );
    assert.doesNotMatch(String(api.experiments.tree.getTreeItem(node).description ?? ''), /★/);

    // The Starred filter and the rows plotted are UI state, saved per workspace.
    panel.receive({
      type: 'saveState',
      state: {
        ...defaultTableUiState,
        starredOnly: true,
        plottedRows: [commit.id],
        collapsedGroups: ['params:params.yaml:train'],
      },
    });
    await waitFor('the state saved', () => panel.uiState?.starredOnly === true);
    assert.deepEqual(panel.uiState?.plottedRows, [commit.id]);
    assert.deepEqual(panel.uiState?.collapsedGroups, ['params:params.yaml:train']);
    // The Created column comes first, with each commit's time from exp show.
    const columns = panel.source.snapshot()?.columns ?? [];
    assert.equal(columns[0]?.id, 'created');
    assert.equal(columns[0]?.label, 'Created');
    // A page that sends anything else is not believed.
    panel.receive({ type: 'action', action: 'star', rowIds: 'not a list' });
    panel.receive({ type: 'action', action: 'crown', rowIds: [commit.id] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(api.experiments.stars.starred(key).size, 0);
  }).timeout(120_000);
});
