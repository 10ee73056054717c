import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const run = promisify(execFile);
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
    api.plots.dashboardFor(workspaceRoot().toString())?.setLogScale(LOSS, false);
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
    try {
      const text = new TextDecoder().decode(original);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${text.trimEnd()}\n999,0.01\n`));
      await waitFor('one more workspace point', () => pointsNow() === before + 1, 60_000);
    } finally {
      await vscode.workspace.fs.writeFile(file, original);
    }
    await waitFor('the point count back', () => pointsNow() === before, 60_000);
  }).timeout(150_000);
});
