import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExperimentRow, ExperimentsModel } from '../../../src/core/experiments/experimentModel';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import type { CustomPlotDefinition } from '../../../src/core/plots/custom/customPlotDefinition';
import { customPlotCard, skippedNote } from '../../../src/core/plots/custom/customPlotData';
import { draftOf } from '../../../src/core/plots/custom/customPlotDrafts';
import { experimentColumns, resolveColumn } from '../../../src/core/plots/custom/experimentColumns';
import { scatterSpec } from '../../../src/core/plots/custom/scatterSpec';
import { expShowFixture } from '../experiments/expShowFixtures';

const finished = parseExpShow(expShowFixture('finished.json'));
const special = parseExpShow(expShowFixture('special-values.json'));
const LR = 'params:params.yaml:train.learning_rate';
const EPOCHS = 'params:params.yaml:train.epochs';
const ACCURACY = 'metrics:metrics.json:accuracy';
const F1 = 'metrics:metrics.json:f1';

function row(
  id: string,
  kind: ExperimentRow['kind'],
  params: Record<string, unknown>,
  metrics: Record<string, unknown>,
  state?: ExperimentRow['state'],
): ExperimentRow {
  return {
    kind,
    id,
    rev: id,
    name: kind === 'experiment' ? id : undefined,
    label: id,
    state,
    timestamp: undefined,
    params: { 'params.yaml': params as ExperimentRow['params'][string] },
    metrics: { 'metrics.json': metrics as ExperimentRow['metrics'][string] },
    deps: {},
    fileErrors: {},
    error: undefined,
    executor: undefined,
    baseline: kind === 'experiment' ? 'c0ffee' : undefined,
  };
}

/** Workspace, one commit, four experiments: one without the metric, one with text, one queued, one NaN. */
const synthetic: ExperimentsModel = {
  workspace: row('workspace', 'workspace', { lr: 0.5, depth: 3 }, { acc: 0.9 }),
  commits: [
    {
      ...row('c0ffee', 'commit', { lr: 0.5, depth: 3 }, { acc: 0.8 }),
      kind: 'commit',
      name: 'main',
      label: 'main',
      experiments: [
        row('exp-a', 'experiment', { lr: 0.1, depth: 5 }, { acc: 0.95 }, 'success'),
        row('exp-b', 'experiment', { lr: 0.9, depth: 2 }, {}, 'failed'),
        row('exp-c', 'experiment', { lr: 'fast', depth: 4 }, { acc: 0.7 }, 'success'),
        row('exp-d', 'experiment', { lr: 0.3, depth: 1 }, { acc: Number.NaN }, 'success'),
        row('exp-q', 'experiment', { lr: 0.2, depth: 1 }, {}, 'queued'),
      ],
    },
  ],
};

void describe('custom plot columns', () => {
  void it('offers every param and metric with a number, params first, keyed like the experiments table', () => {
    const ids = experimentColumns(finished).map((column) => column.id);
    assert.deepEqual(ids.slice(0, 6), [
      'params:params.yaml:prepare.test_fraction',
      'params:params.yaml:prepare.seed',
      LR,
      EPOCHS,
      'params:params.yaml:train.l2',
      'params:params.yaml:evaluate.threshold',
    ]);
    assert.deepEqual(ids.slice(6), [
      ACCURACY,
      'metrics:metrics.json:precision',
      'metrics:metrics.json:recall',
      F1,
    ]);
  });

  void it('leaves out columns with no number anywhere (lists, text, NaN) and labels clashing keys by file', () => {
    const columns = experimentColumns(special);
    const ids = columns.map((column) => column.id);
    assert.ok(ids.includes('params:params.yaml:model.layers.dropout'));
    assert.ok(ids.includes('metrics:metrics.json:nested.val.acc'));
    assert.ok(!ids.some((id) => id.endsWith('model.layers.hidden') || id.endsWith('model.label')));
    assert.ok(!ids.includes('metrics:metrics.json:loss'), 'NaN only');
    const clash = experimentColumns(synthetic);
    assert.deepEqual(
      clash.map((column) => column.label),
      ['lr', 'depth', 'acc'],
    );
  });

  void it('resolves a column by id, file:key or a key only one file has', () => {
    const columns = experimentColumns(finished);
    assert.equal(resolveColumn(columns, 'accuracy')?.id, ACCURACY);
    assert.equal(resolveColumn(columns, 'params.yaml:train.epochs')?.id, EPOCHS);
    assert.equal(resolveColumn(columns, LR)?.id, LR);
    assert.equal(resolveColumn(columns, 'nope'), undefined);
  });
});

void describe('custom plot data', () => {
  const legend = new Map([
    ['workspace', '#945dd6'],
    ['lr-small', '#13adc7'],
  ]);

  void it('scatter of a metric vs a param: one point per row with both numbers, the failed run with text left out', () => {
    const scatter: CustomPlotDefinition = {
      id: 'custom-1',
      kind: 'scatter',
      title: 't',
      x: EPOCHS,
      y: ACCURACY,
    };
    const card = customPlotCard(scatter, finished, legend);
    assert.deepEqual(
      card.entries.map((entry) => [entry.label, ...entry.values]),
      [
        ['workspace', 10, 0.9467],
        ['main', 40, 0.98],
        ['slow', 4000, 0.9933],
        ['queued-one', 10, 0.4533],
        ['tuned-hows', 10, 0.9467],
        ['lr-small', 40, 0.9733],
      ],
    );
    assert.deepEqual(card.skipped, [{ label: 'fails', missing: ['train.epochs'] }]);
    assert.equal(card.entries.find((entry) => entry.label === 'workspace')?.colour, '#945dd6');
    assert.equal(card.entries.find((entry) => entry.label === 'lr-small')?.colour, '#13adc7');
    assert.equal(
      card.entries.find((entry) => entry.label === 'slow')?.colour,
      undefined,
      'not in the legend',
    );
    assert.deepEqual(
      card.axes.map((axis) => [axis.label, axis.min, axis.max]),
      [
        ['train.epochs', 10, 4000],
        ['accuracy', 0.4533, 0.9933],
      ],
    );
    assert.equal(card.message, undefined);
  });

  void it('parallel coordinates: a line per row with every value; missing, text and NaN reported; queued ignored', () => {
    const parallel: CustomPlotDefinition = {
      id: 'custom-2',
      kind: 'parallel',
      title: 'p',
      columns: ['params:params.yaml:lr', 'params:params.yaml:depth', 'metrics:metrics.json:acc'],
    };
    const card = customPlotCard(parallel, synthetic, new Map());
    assert.deepEqual(
      card.entries.map((entry) => entry.label),
      ['workspace', 'main', 'exp-a'],
    );
    assert.deepEqual(card.skipped, [
      { label: 'exp-b', missing: ['acc'] },
      { label: 'exp-c', missing: ['lr'] },
      { label: 'exp-d', missing: ['acc'] },
    ]);
    assert.equal(card.entries[1]?.rev, 'main');
    assert.match(
      skippedNote(card.skipped) ?? '',
      /^Not drawn: exp-b \(no acc\); exp-c \(no lr\); exp-d \(no acc\)\.$/,
    );
  });

  void it('scatter of a metric vs a metric: the failed run has both metrics and is drawn', () => {
    const scatter: CustomPlotDefinition = { id: 'custom-3', kind: 'scatter', title: 't', x: ACCURACY, y: F1 };
    const card = customPlotCard(scatter, finished, legend);
    assert.equal(card.entries.length, 7);
    assert.deepEqual(card.skipped, []);
    assert.deepEqual(card.entries.find((entry) => entry.label === 'queued-one')?.values, [0.4533, 0]);
  });

  void it('says why nothing is drawn: no model yet, or a column no experiment has', () => {
    const scatter: CustomPlotDefinition = {
      id: 'custom-1',
      kind: 'scatter',
      title: 't',
      x: LR,
      y: 'metrics:metrics.json:gone',
    };
    assert.match(customPlotCard(scatter, undefined, new Map()).message ?? '', /not loaded yet/);
    const card = customPlotCard(scatter, finished, new Map());
    assert.equal(card.entries.length, 0);
    assert.match(card.message ?? '', /No experiment has a number for gone/);
  });

  void it('builds a Vega-Lite scatter with a point per entry in its colour and the experiment in the tooltip', () => {
    const scatter: CustomPlotDefinition = { id: 'custom-1', kind: 'scatter', title: 't', x: LR, y: F1 };
    const spec = scatterSpec(customPlotCard(scatter, finished, legend), '#888888');
    const values = (spec.data as { values: { experiment: string; colour: string }[] }).values;
    assert.equal(values.length, 7, 'the failed run has both a learning rate and an f1');
    assert.deepEqual(
      values.map((value) => value.colour),
      ['#945dd6', '#888888', '#888888', '#888888', '#888888', '#13adc7', '#888888'],
    );
    assert.match(JSON.stringify(spec.encoding), /"field":"experiment"/);
  });
});

void describe('custom plot drafts', () => {
  const columns = experimentColumns(finished);

  void it('turns an argument into a definition with column ids and a default title', () => {
    assert.deepEqual(draftOf({ kind: 'scatter', x: 'train.learning_rate', y: 'accuracy' }, columns), {
      draft: { kind: 'scatter', title: 'accuracy vs train.learning_rate', x: LR, y: ACCURACY },
    });
    assert.deepEqual(draftOf({ kind: 'parallel', columns: ['train.epochs', F1], title: ' Mine ' }, columns), {
      draft: { kind: 'parallel', title: 'Mine', columns: [EPOCHS, F1] },
    });
  });

  void it('refuses what cannot be drawn, saying why', () => {
    assert.match(JSON.stringify(draftOf({ kind: 'scatter', x: 'accuracy' }, columns)), /needs x and y/);
    assert.match(
      JSON.stringify(draftOf({ kind: 'parallel', columns: ['accuracy'] }, columns)),
      /at least two/,
    );
    assert.match(
      JSON.stringify(draftOf({ kind: 'scatter', x: 'nope', y: 'accuracy' }, columns)),
      /'nope' is not/,
    );
    assert.match(JSON.stringify(draftOf({ kind: 'parallel', columns: [F1, 'f1'] }, columns)), /twice/);
  });
});
