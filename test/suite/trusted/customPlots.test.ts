import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allRows, type ExperimentsModel } from '../../../src/core/experiments/experimentModel';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const LR = 'params:params.yaml:train.learning_rate';
const EPOCHS = 'params:params.yaml:train.epochs';
const ACCURACY = 'metrics:metrics.json:accuracy';

/** Rows (not queued) with a finite number in every column: the points or lines a custom plot must draw. */
function drawable(model: ExperimentsModel, columns: readonly string[]): { label: string; rev: string }[] {
  return allRows(model)
    .filter((row) => row.state !== 'queued')
    .filter((row) =>
      columns.every((id) => {
        const [source, file, key] = id.split(':') as ['params' | 'metrics', string, string];
        const value = row[source][file]?.[key];
        return typeof value === 'number' && Number.isFinite(value);
      }),
    )
    .map((row) => ({
      label: row.label,
      rev: row.kind === 'workspace' ? 'workspace' : (row.name ?? row.rev.slice(0, 7)),
    }));
}

describe('custom plots', () => {
  const root = (): vscode.Uri => workspaceRoot();

  after(async () => {
    const api = await extensionApi();
    for (const plot of api.plots.custom.definitions(root().toString()))
      await vscode.commands.executeCommand('dvcLens.removeCustomPlot', {
        root: root(),
        id: plot.id,
        confirmed: true,
      });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('adds a scatter and a parallel-coordinates plot, draws them, removes one, keeps the other across reopening', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const key = root().toString();
    await vscode.commands.executeCommand('dvcLens.showPlots', { root: root(), revisions: ['main'] });
    const dashboard = await waitFor('the plots dashboard', () => api.plots.dashboardFor(key));
    await waitFor('the experiments model', () => api.experiments.store.get(key)?.model, 120_000);

    const scatterId = await vscode.commands.executeCommand<string>('dvcLens.addCustomPlot', {
      root: root(),
      kind: 'scatter',
      x: 'train.learning_rate',
      y: 'accuracy',
      title: 'Accuracy vs learning rate',
    });
    const parallelId = await vscode.commands.executeCommand<string>('dvcLens.addCustomPlot', {
      root: root(),
      kind: 'parallel',
      columns: ['train.learning_rate', 'params.yaml:train.epochs', ACCURACY],
    });
    assert.ok(scatterId && parallelId && scatterId !== parallelId, `ids ${scatterId} ${parallelId}`);
    assert.deepEqual(
      api.plots.custom.definitions(key).map((plot) => [plot.id, plot.kind, plot.title]),
      [
        [scatterId, 'scatter', 'Accuracy vs learning rate'],
        [parallelId, 'parallel', 'train.learning_rate · train.epochs · accuracy'],
      ],
    );
    assert.equal(api.plots.dashboards().length, 1, 'adding reveals the open dashboard, no second one');

    const host = api.plots.custom.hostFor(key);
    const model = (): ExperimentsModel | undefined => api.experiments.store.get(key)?.model;
    // Expected counts are read from the store's model when the report is read (a refresh may add a row).
    const scatter = await waitFor(
      'the scatter drawn with a point per experiment that has both values',
      () => {
        const report = host.reports.get(scatterId);
        const current = model();
        return report?.status === 'rendered' &&
          current &&
          report.points === drawable(current, [LR, ACCURACY]).length
          ? report
          : undefined;
      },
      60_000,
    );
    assert.ok(scatter.points > 0);
    assert.equal(scatter.axes, 2);
    // The legend's revisions (workspace, main) keep their dashboard colours on the scatter's points.
    const inLegend = drawable(model()!, [LR, ACCURACY])
      .map((entry) => entry.rev)
      .filter((rev) => dashboard.revisions.includes(rev));
    assert.deepEqual([...scatter.drawnRevisions].sort(), [...new Set(inLegend)].sort());
    const parallel = await waitFor(
      'parallel coordinates with a line per experiment that has every value',
      () => {
        const report = host.reports.get(parallelId);
        const current = model();
        return report?.status === 'rendered' &&
          current &&
          report.lines === drawable(current, [LR, EPOCHS, ACCURACY]).length
          ? report
          : undefined;
      },
      60_000,
    );
    assert.equal(parallel.dimmed, 0, 'no brush, nothing dimmed');
    assert.equal(parallel.axes, 3);

    // Edited by argument: two columns and a new title, the same id; the page draws two axes.
    await vscode.commands.executeCommand('dvcLens.editCustomPlot', {
      root: root(),
      id: parallelId,
      columns: ['train.learning_rate', 'accuracy'],
      title: 'Learning rate and accuracy',
    });
    const edited = api.plots.custom.definitions(key).find((plot) => plot.id === parallelId);
    assert.deepEqual(edited, {
      kind: 'parallel',
      id: parallelId,
      title: 'Learning rate and accuracy',
      columns: [LR, ACCURACY],
    });
    await waitFor(
      'the edited plot drawn with two axes',
      () => {
        const report = host.reports.get(parallelId);
        const current = model();
        return report?.axes === 2 && current && report.lines === drawable(current, [LR, ACCURACY]).length;
      },
      60_000,
    );

    await vscode.commands.executeCommand('dvcLens.removeCustomPlot', {
      root: root(),
      id: scatterId,
      confirmed: true,
    });
    assert.deepEqual(
      api.plots.custom.definitions(key).map((plot) => plot.id),
      [parallelId],
    );
    await waitFor(
      'the page without the scatter',
      () => !host.reports.has(scatterId) && host.reports.has(parallelId),
    );

    // Closed and opened again: the remaining plot is still there (workspace state), drawn again.
    dashboard.panel.dispose();
    await waitFor('the dashboard closed', () => api.plots.dashboardFor(key) === undefined);
    await vscode.commands.executeCommand('dvcLens.showPlots', { root: root() });
    await waitFor('the dashboard again', () => api.plots.dashboardFor(key));
    const again = await waitFor(
      'the parallel plot drawn again after reopening',
      () => {
        const report = host.reports.get(parallelId);
        return report?.status === 'rendered' && report.lines > 0 ? report : undefined;
      },
      60_000,
    );
    assert.equal(again.axes, 2);
    assert.ok(!host.reports.has(scatterId));
  }).timeout(240_000);

  it('refuses a column no experiment has, naming it', async () => {
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand('dvcLens.addCustomPlot', {
          root: root(),
          kind: 'scatter',
          x: 'no_such_param',
          y: 'accuracy',
        }),
      /'no_such_param' is not a param or metric/,
    );
  });
});
