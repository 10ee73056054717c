import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePlotsDiff } from '../../../src/core/plots/parsePlotsDiff';
import type { TemplatePlot } from '../../../src/core/plots/plotModel';
import {
  isLinePlot,
  withoutTemplateSmoothingInput,
  withSmoothing,
} from '../../../src/core/plots/specOptions';
import { ADDED_ZOOM_PARAM, withSize, withZoom, zoomDomainOf } from '../../../src/core/plots/specView';
import { plotsFixture } from './plotsFixtures';

const demo = parsePlotsDiff(plotsFixture('demo-workspace-two-experiments.json'), [
  'workspace',
  'lr-small',
  'short',
]);
const templatePlot = (id: string): TemplatePlot =>
  demo.plots.find((plot) => plot.id === id && plot.kind === 'template') as TemplatePlot;
const loss = templatePlot('plots/training_loss.csv');
const roc = templatePlot('plots/roc.json');
const confusion = templatePlot('plots/confusion.csv');

function lineSpec(values: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  return {
    data: { values },
    mark: 'line',
    encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } },
  };
}

function valuesOf(spec: Readonly<Record<string, unknown>>): Array<Record<string, unknown>> {
  return (spec.data as { values: Array<Record<string, unknown>> }).values;
}

void describe('smoothing', () => {
  void it('offers smoothing on DVC’s line templates, not on a confusion matrix', () => {
    assert.equal(isLinePlot(loss.spec), true);
    assert.equal(isLinePlot(roc.spec), true);
    assert.equal(isLinePlot(confusion.spec), false);
  });

  void it('drops the slider DVC’s smooth template binds, keeping its value, so a card has one slider', () => {
    const single = withoutTemplateSmoothingInput(loss.spec);
    assert.deepEqual(single.params, [{ name: 'smooth', value: 0.001 }]);
    assert.equal(single.data, loss.spec.data);
    assert.ok(Array.isArray(loss.spec.params) && 'bind' in (loss.spec.params[0] as object), 'original kept');
    const simple = templatePlot('ROC curve');
    assert.equal(withoutTemplateSmoothingInput(simple.spec), simple.spec);
  });

  void it('is off at 0 and for plots without a line', () => {
    assert.equal(withSmoothing(loss.spec, 0), loss.spec);
    assert.equal(withSmoothing(confusion.spec, 0.8), confusion.spec);
  });

  void it('takes an exponential moving average per revision, keeping each series’ first point', () => {
    const spec = lineSpec([
      { step: 0, v: 10, rev: 'a' },
      { step: 0, v: 100, rev: 'b' },
      { step: 1, v: 0, rev: 'a' },
      { step: 1, v: 'n/a', rev: 'a' },
      { step: 2, v: 0, rev: 'a' },
    ]);
    const smoothed = valuesOf(withSmoothing(spec, 0.5));
    assert.equal(smoothed[0]?.v, 10);
    assert.equal(smoothed[1]?.v, 100, 'revision b is its own series');
    // Debiased EMA: (0.5*0.5*10 + 0.5*0) / (1 - 0.25) = 10/3.
    assert.ok(Math.abs(Number(smoothed[2]?.v) - 10 / 3) < 1e-9, String(smoothed[2]?.v));
    assert.equal(smoothed[3]?.v, 'n/a', 'a value that is not a number is left alone');
    assert.ok(Number(smoothed[4]?.v) < Number(smoothed[2]?.v));
    assert.equal(valuesOf(spec)[2]?.v, 0, 'the original rows are not changed');
  });

  void it('smooths DVC’s CSV strings as numbers, in every revision of the recorded loss plot', () => {
    const smoothed = valuesOf(withSmoothing(loss.spec, 0.9));
    const raw = valuesOf(loss.spec);
    assert.equal(smoothed.length, raw.length);
    assert.equal(Number(smoothed[0]?.loss), Number(raw[0]?.loss));
    assert.ok(smoothed.every((row) => typeof row.loss === 'number'));
    const revs = new Set(raw.map((row) => row.rev));
    for (const rev of revs) {
      const series = smoothed.filter((row) => row.rev === rev);
      const original = raw.filter((row) => row.rev === rev);
      assert.equal(Number(series[0]?.loss), Number(original[0]?.loss), `${String(rev)} starts where it did`);
    }
  });
});

void describe('zoom and size', () => {
  void it('uses DVC’s own zoom selection, nested in layers, and sets its initial domain', () => {
    const zoom = withZoom(loss.spec, { x: [2, 5] });
    assert.equal(zoom?.param, 'grid');
    const text = JSON.stringify(zoom?.spec);
    assert.match(text, /"name":"grid","select":"interval","bind":"scales","value":\{"x":\[2,5\]\}/);
    assert.equal(text.match(/"name":"grid"/g)?.length, 1, 'no second zoom selection');
    assert.doesNotMatch(JSON.stringify(withZoom(zoom?.spec ?? {})?.spec), /"value":\{"x"/, 'reset drops it');
  });

  void it('adds a zoom selection to a unit spec without one', () => {
    const zoom = withZoom(lineSpec([]));
    assert.equal(zoom?.param, ADDED_ZOOM_PARAM);
    assert.deepEqual(zoom?.spec.params, [{ name: ADDED_ZOOM_PARAM, select: 'interval', bind: 'scales' }]);
    assert.equal(withZoom({ hconcat: [] }), undefined);
  });

  void it('reads a zoom from Vega’s selection value by the spec’s x and y fields', () => {
    assert.deepEqual(zoomDomainOf(loss.spec, { epoch: [1, 4], loss: ['0.1', 0.5] }), {
      x: [1, 4],
      y: [0.1, 0.5],
    });
    assert.deepEqual(zoomDomainOf(loss.spec, { epoch: [1, 4] }), { x: [1, 4] });
    assert.equal(zoomDomainOf(loss.spec, {}), undefined);
    assert.equal(zoomDomainOf(loss.spec, null), undefined);
  });

  void it('sizes specs that set a numeric width and height', () => {
    const large = withSize(loss.spec, { width: 520, height: 400 });
    assert.equal(large.width, 520);
    assert.equal(large.height, 400);
    assert.equal(large.data, loss.spec.data);
    const free = { hconcat: [] };
    assert.equal(withSize(free, { width: 10, height: 10 }), free);
  });
});
