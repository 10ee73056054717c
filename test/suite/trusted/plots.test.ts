import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { PlotsUiChange } from '../../../src/core/protocols/plotsProtocol';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const run = promisify(execFile);
const resetChanges: readonly PlotsUiChange[] = [
  { kind: 'smoothing', id: 'plots/training_loss.csv', weight: 0 },
  { kind: 'zoom', id: 'plots/training_loss.csv' },
  { kind: 'fullScreen' },
  { kind: 'size', size: 'medium' },
  { kind: 'hiddenPlots', hidden: [] },
  { kind: 'plotOrder', order: [] },
];
const LOSS = 'plots/training_loss.csv';

/** Data rows of a CSV (the header is not one). */
function csvRows(text: string): number {
  return text.trim().split('\n').length - 1;
}

describe('plots dashboard', () => {
  let exports: string;

  before(async () => {
    exports = await mkdtemp(join(tmpdir(), 'dvc-lens-suite-plots-'));
  });

  after(async () => {
    const api = await extensionApi();
    const dashboard = api.plots.dashboardFor(workspaceRoot().toString());
    dashboard?.setLogScale(LOSS, false);
    for (const change of resetChanges) dashboard?.applyUiChange(change);
    if (dashboard) await waitFor('the choices reset', () => dashboard.uiState?.size === 'medium', 30_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await rm(exports, { recursive: true, force: true });
  });

  it('shows the demo plots for the workspace and main, draws both series, toggles log scale and exports', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const root = workspaceRoot();
    await vscode.commands.executeCommand('dvcLens.showPlots', { root, revisions: ['main'] });
    const dashboard = await waitFor('the plots dashboard', () => api.plots.dashboardFor(root.toString()));
    const model = await waitFor('dvc plots diff', () => dashboard.plots, 60_000);
    assert.deepEqual(dashboard.revisions, ['workspace', 'main']);
    assert.deepEqual(
      model.plots.map((plot) => plot.id),
      ['ROC curve', LOSS, 'plots/roc.json', 'plots/confusion.csv'],
    );

    // Points per revision equal the rows of that revision's file.
    const workspaceLoss = await readFile(join(root.fsPath, LOSS), 'utf8');
    const mainLoss = (await run('git', ['show', `main:${LOSS}`], { cwd: root.fsPath })).stdout;
    const loss = model.plots.find((plot) => plot.id === LOSS);
    assert.deepEqual(
      loss?.revisions.map((revision) => [revision.rev, revision.state, revision.points]),
      [
        ['workspace', 'ok', csvRows(workspaceLoss)],
        ['main', 'ok', csvRows(mainLoss)],
      ],
    );

    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(dashboard.panel.webview.html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);

    // The page reports what it drew: both revisions' colours on the loss chart's marks.
    const drawn = await waitFor(
      'the loss plot rendered with both series',
      () => {
        const report = dashboard.renderReports.get(LOSS);
        return report?.status === 'rendered' && report.drawnRevisions.length === 2 ? report : undefined;
      },
      60_000,
    );
    assert.deepEqual([...drawn.drawnRevisions].sort(), ['main', 'workspace']);
    assert.equal(drawn.logScale, false);

    dashboard.setLogScale(LOSS, true);
    await waitFor('the loss plot on a log scale', () => dashboard.renderReports.get(LOSS)?.logScale === true);

    const svgPath = join(exports, 'loss.svg');
    await vscode.commands.executeCommand('dvcLens.exportPlot', {
      root,
      id: LOSS,
      format: 'svg',
      path: svgPath,
    });
    const svg = await readFile(svgPath, 'utf8');
    assert.match(svg, /^<svg/);
    assert.match(svg, /#945dd6/i, 'the workspace colour is in the exported SVG');

    const csvPath = join(exports, 'loss.csv');
    await vscode.commands.executeCommand('dvcLens.exportPlot', {
      root,
      id: LOSS,
      format: 'csv',
      path: csvPath,
    });
    const csv = await readFile(csvPath, 'utf8');
    assert.equal(csvRows(csv), csvRows(workspaceLoss) + csvRows(mainLoss));
    assert.match(csv.split('\n')[0] ?? '', /epoch,loss,rev/);

    // PNG renders through the page's canvas and arrives as base64: a real PNG image with the plot's size.
    const pngPath = join(exports, 'loss.png');
    await vscode.commands.executeCommand('dvcLens.exportPlot', {
      root,
      id: LOSS,
      format: 'png',
      path: pngPath,
    });
    const png = await readFile(pngPath);
    assert.deepEqual(
      [...png.subarray(0, 8)],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      'the PNG signature',
    );
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width >= 100 && height >= 100, `a plot-sized image, not ${width}x${height}`);
    assert.ok(png.length > 2000, 'the image has content');

    // The same command again reveals the open dashboard instead of opening a second one.
    await vscode.commands.executeCommand('dvcLens.showPlots', { root });
    assert.equal(api.plots.dashboards().length, 1);
  }).timeout(180_000);

  it('updates live when a training step is appended to the loss file', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    const dashboard = await waitFor('the open dashboard', () => api.plots.dashboardFor(root.toString()));
    const file = vscode.Uri.joinPath(root, LOSS);
    const original = await vscode.workspace.fs.readFile(file);
    const pointsNow = (): number | undefined =>
      dashboard.plots?.plots.find((plot) => plot.id === LOSS)?.revisions[0]?.points;
    const before = pointsNow() ?? 0;
    const fastBefore = dashboard.seriesFileUpdates;
    const rendersBefore = new Map(
      [...dashboard.renderReports.values()].map((report) => [report.id, report.renders]),
    );
    try {
      const text = new TextDecoder().decode(original);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${text.trimEnd()}\n999,0.01\n`));
      await waitFor('one more workspace point', () => pointsNow() === before + 1, 60_000);
      // The chart took the file's rows itself, without waiting for DVC's `plots diff` (the live fast path).
      assert.ok(dashboard.seriesFileUpdates > fastBefore, 'the point came from the file, not only from DVC');
      // The page redraws the loss chart once and leaves the plots whose data did not change alone.
      await waitFor(
        'the loss chart redrawn with the new point',
        () => dashboard.renderReports.get(LOSS)?.renders === (rendersBefore.get(LOSS) ?? 0) + 1,
        60_000,
      );
      for (const [id, renders] of rendersBefore)
        if (id !== LOSS) assert.equal(dashboard.renderReports.get(id)?.renders, renders, `${id} not redrawn`);
    } finally {
      await vscode.workspace.fs.writeFile(file, original);
    }
    await waitFor('the point count back', () => pointsNow() === before, 60_000);
  }).timeout(150_000);

  it('keeps smoothing, zoom, full screen and plot size per workspace, across a reopened dashboard', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    let dashboard = await waitFor('the open dashboard', () => api.plots.dashboardFor(root.toString()));
    dashboard.applyUiChange({ kind: 'smoothing', id: LOSS, weight: 0.8 });
    dashboard.applyUiChange({ kind: 'zoom', id: LOSS, domain: { x: [1, 5], y: [0.2, 0.7] } });
    dashboard.applyUiChange({ kind: 'size', size: 'small' });
    dashboard.applyUiChange({ kind: 'fullScreen', id: LOSS });
    const drawn = await waitFor(
      'the loss chart drawn with the choices',
      () => {
        const report = dashboard.renderReports.get(LOSS);
        return report?.status === 'rendered' &&
          report.smoothing === 0.8 &&
          report.zoomed &&
          report.size === 'small' &&
          report.fullScreen
          ? report
          : undefined;
      },
      60_000,
    );
    assert.ok(drawn.points > 0);
    assert.equal(dashboard.renderReports.get('plots/roc.json')?.fullScreen, false);
    assert.deepEqual(dashboard.uiState?.smoothing, { [LOSS]: 0.8 });
    assert.deepEqual(dashboard.uiState?.zoom, { [LOSS]: { x: [1, 5], y: [0.2, 0.7] } });
    assert.equal(dashboard.uiState?.size, 'small');
    assert.equal(dashboard.uiState?.fullScreen, LOSS);

    // Closed and opened again, the page starts from what was saved for this workspace.
    dashboard.panel.dispose();
    await waitFor('the dashboard closed', () => api.plots.dashboardFor(root.toString()) === undefined);
    await vscode.commands.executeCommand('dvcLens.showPlots', { root });
    dashboard = await waitFor('the reopened dashboard', () => api.plots.dashboardFor(root.toString()));
    const reopened = await waitFor(
      'the loss chart drawn again with the saved choices',
      () => {
        const report = dashboard.renderReports.get(LOSS);
        return report?.status === 'rendered' ? report : undefined;
      },
      60_000,
    );
    assert.equal(reopened.smoothing, 0.8);
    assert.equal(reopened.zoomed, true);
    assert.equal(reopened.size, 'small');
    assert.equal(reopened.fullScreen, true);

    // Leaving full screen and resetting the zoom redraw the chart without them.
    dashboard.applyUiChange({ kind: 'fullScreen' });
    dashboard.applyUiChange({ kind: 'zoom', id: LOSS });
    await waitFor(
      'full screen left and the zoom reset',
      () => {
        const report = dashboard.renderReports.get(LOSS);
        return report?.fullScreen === false && report.zoomed === false;
      },
      60_000,
    );
    assert.equal(dashboard.uiState?.fullScreen, undefined);
    assert.deepEqual(dashboard.uiState?.zoom, {});
  }).timeout(180_000);

  it('keeps the plots a person hid and the order they chose per workspace, across a reopened dashboard', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    let dashboard = await waitFor('the open dashboard', () => api.plots.dashboardFor(root.toString()));
    await waitFor('every demo plot shown', () => dashboard.shownPlots.length === 4, 60_000);
    dashboard.applyUiChange({ kind: 'hiddenPlots', hidden: ['plots/roc.json'] });
    dashboard.applyUiChange({ kind: 'plotOrder', order: ['plots/confusion.csv', LOSS] });
    const expected = ['plots/confusion.csv', LOSS, 'ROC curve'];
    await waitFor(
      'roc.json hidden and confusion first',
      () => JSON.stringify(dashboard.shownPlots) === JSON.stringify(expected),
      30_000,
    );
    assert.deepEqual(dashboard.uiState?.hidden, ['plots/roc.json']);
    assert.deepEqual(dashboard.uiState?.order, ['plots/confusion.csv', LOSS]);

    dashboard.panel.dispose();
    await waitFor('the dashboard closed', () => api.plots.dashboardFor(root.toString()) === undefined);
    await vscode.commands.executeCommand('dvcLens.showPlots', { root });
    dashboard = await waitFor('the reopened dashboard', () => api.plots.dashboardFor(root.toString()));
    await waitFor(
      'the same plots in the same order after reopening',
      () => JSON.stringify(dashboard.shownPlots) === JSON.stringify(expected),
      60_000,
    );

    dashboard.applyUiChange({ kind: 'hiddenPlots', hidden: [] });
    await waitFor('roc.json back, last', () => dashboard.shownPlots.at(-1) === 'plots/roc.json', 30_000);
  }).timeout(180_000);

  it('starts no refresh once closed, even with a live refresh queued behind the running one', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    const dashboard = await waitFor('the open dashboard', () => api.plots.dashboardFor(root.toString()));
    await waitFor('no refresh running', () => !dashboard.isLoading, 60_000);
    const running = dashboard.refreshLive();
    // A plot file changed while it runs: one more refresh is queued behind it.
    void dashboard.refreshLive();
    dashboard.panel.dispose();
    await running;
    // Reading on would hold the repository's plots slot that a reopened dashboard's first read waits for.
    assert.equal(dashboard.isLoading, false, 'the closed dashboard started no further refresh');

    await vscode.commands.executeCommand('dvcLens.showPlots', { root });
    const reopened = await waitFor('the reopened dashboard', () => api.plots.dashboardFor(root.toString()));
    await waitFor(
      'the reopened dashboard drew the loss plot',
      () => reopened.renderReports.get(LOSS),
      60_000,
    );
  }).timeout(150_000);

  it('shows a workspace CSV with an unclosed quote as an error, not as a shorter chart from DVC', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    const confusion = join(root.fsPath, 'plots', 'confusion.csv');
    const original = await readFile(confusion);
    const open = api.plots.dashboardFor(root.toString());
    open?.panel.dispose();
    await waitFor('the dashboard closed', () => api.plots.dashboardFor(root.toString()) === undefined);
    try {
      // Python's csv module (DVC) reads every line after the open quote into one field.
      await writeFile(confusion, `${original.toString('utf8')}"open quote,1\nmore,rows\n`);
      await vscode.commands.executeCommand('dvcLens.showPlots', { root });
      const dashboard = await waitFor('the dashboard', () => api.plots.dashboardFor(root.toString()));
      const plot = await waitFor(
        "DVC's answer with the broken file marked",
        () => {
          const found = dashboard.plots?.plots.find((candidate) => candidate.id === 'plots/confusion.csv');
          const workspace = found?.revisions.find((revision) => revision.rev === 'workspace');
          return workspace?.state === 'error' ? workspace : undefined;
        },
        90_000,
      );
      assert.match(plot.error ?? '', /never closed/);
    } finally {
      await writeFile(confusion, original);
    }
  }).timeout(150_000);
});
