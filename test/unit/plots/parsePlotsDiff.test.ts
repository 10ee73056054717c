import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Plot, TemplatePlot } from '../../../src/core/plots/plotModel';
import { parsePlotsDiff, PlotsDiffShapeError } from '../../../src/core/plots/parsePlotsDiff';
import { plotsFixture } from './plotsFixtures';

function byId(plots: readonly Plot[], id: string): Plot {
  const plot = plots.find((candidate) => candidate.id === id);
  assert.ok(plot, `plot ${id} in ${plots.map((p) => p.id).join(', ')}`);
  return plot;
}

function points(plot: Plot): Record<string, number | string> {
  return Object.fromEntries(plot.revisions.map((r) => [r.rev, r.state === 'ok' ? r.points : r.state]));
}

void describe('parsePlotsDiff on the demo (workspace + two experiments)', () => {
  const revisions = ['workspace', 'lr-small', 'short'];
  const model = parsePlotsDiff(plotsFixture('demo-workspace-two-experiments.json'), revisions);

  void it('lists the top-level plot and the stage plots in DVC order, all templates', () => {
    assert.deepEqual(
      model.plots.map((plot) => [plot.id, plot.kind, plot.title]),
      [
        ['ROC curve', 'template', 'ROC curve'],
        ['plots/training_loss.csv', 'template', 'plots/training_loss.csv'],
        ['plots/roc.json', 'template', 'plots/roc.json'],
        ['plots/confusion.csv', 'template', 'plots/confusion.csv'],
      ],
    );
    assert.deepEqual(model.revisions, revisions);
  });

  void it('counts the data points of each revision (the workspace holds the 10-epoch run)', () => {
    assert.deepEqual(points(byId(model.plots, 'plots/training_loss.csv')), {
      workspace: 10,
      'lr-small': 40,
      short: 10,
    });
    assert.deepEqual(points(byId(model.plots, 'ROC curve')), { workspace: 21, 'lr-small': 21, short: 21 });
    assert.deepEqual(points(byId(model.plots, 'plots/confusion.csv')), {
      workspace: 150,
      'lr-small': 150,
      short: 150,
    });
  });

  void it('keeps the Vega-Lite spec with its data rows', () => {
    const plot = byId(model.plots, 'ROC curve') as TemplatePlot;
    assert.equal(plot.spec.$schema, 'https://vega.github.io/schema/vega-lite/v5.json');
    assert.equal(plot.spec.mark !== undefined, true);
  });
});

void describe('parsePlotsDiff on bad input (edge repository: workspace vs v1)', () => {
  const model = parsePlotsDiff(plotsFixture('edge.json'), ['workspace', 'v1']);

  void it('reads a multi-file y plot: rows of both files per revision', () => {
    const plot = byId(model.plots, 'Train and validation loss');
    assert.equal(plot.kind, 'template');
    assert.deepEqual(points(plot), { workspace: 7, v1: 6 });
  });

  void it('resolves an image plot to one file per revision', () => {
    const plot = byId(model.plots, 'images/sample.png');
    assert.equal(plot.kind, 'image');
    assert.deepEqual(
      plot.revisions.map((r) => [r.rev, r.state, r.imagePath]),
      [
        ['workspace', 'ok', '/tmp/dvc-lens-plots/edge/workspace_images_sample.png'],
        ['v1', 'ok', '/tmp/dvc-lens-plots/edge/v1_images_sample.png'],
      ],
    );
  });

  void it('marks the revision where the source file is missing, with DVC’s message', () => {
    const plot = byId(model.plots, 'metrics/gone.csv');
    assert.equal(plot.kind, 'template');
    const [workspace, v1] = plot.revisions;
    assert.equal(workspace?.state, 'error');
    assert.match(workspace?.error ?? '', /No such file or directory/);
    assert.equal(v1?.state, 'ok');
    assert.equal(v1?.points, 2);
  });

  void it('marks a file that is not valid JSON in one revision and keeps the other', () => {
    const plot = byId(model.plots, 'metrics/acc.json');
    assert.deepEqual(points(plot), { workspace: 'error', v1: 2 });
    assert.match(plot.revisions[0]?.error ?? '', /JSON file structure is corrupted/);
  });

  void it('marks a revision DVC returned nothing for as missing', () => {
    const json = plotsFixture('edge.json');
    const model3 = parsePlotsDiff(json, ['workspace', 'v1', 'other']);
    assert.equal(byId(model3.plots, 'metrics/loss.csv').revisions[2]?.state, 'missing');
    assert.equal(byId(model3.plots, 'images/sample.png').revisions[2]?.state, 'missing');
  });

  void it('makes a plot that failed in every revision an error card', () => {
    const json = {
      data: {},
      errors: [{ name: 'broken.csv', rev: 'workspace', type: 'X', msg: 'unable to read' }],
    };
    const [plot] = parsePlotsDiff(json, ['workspace']).plots;
    assert.equal(plot?.kind, 'failed');
    assert.equal(plot?.revisions[0]?.error, 'unable to read');
  });
});

void describe('parsePlotsDiff with --targets', () => {
  void it('prefers the dvc.yaml definition over the bare file DVC adds, without duplicates', () => {
    const model = parsePlotsDiff(plotsFixture('edge-targets.json'), ['workspace', 'v1']);
    assert.deepEqual(
      model.plots.map((plot) => plot.id),
      [
        'metrics/loss.csv',
        'Train and validation loss',
        'metrics/acc.json',
        'images/sample.png',
        'metrics/gone.csv',
      ],
    );
    const acc = byId(model.plots, 'metrics/acc.json') as TemplatePlot;
    assert.deepEqual((acc.spec.mark as { type: string }).type, 'point');
    assert.equal(byId(model.plots, 'metrics/gone.csv').revisions[0]?.state, 'error');
  });
});

void describe('parsePlotsDiff on other shapes', () => {
  void it('rejects output that is not the plots object', () => {
    assert.throws(() => parsePlotsDiff([], ['workspace']), PlotsDiffShapeError);
  });
  void it('ignores entries it does not understand', () => {
    const model = parsePlotsDiff({ data: { a: 'x', b: [{ type: 'other' }] } }, ['workspace']);
    assert.deepEqual(model.plots, []);
  });
});
