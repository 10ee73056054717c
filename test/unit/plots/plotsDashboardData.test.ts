import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { downsampleNote, downsampleRows } from '../../../src/core/plots/downsample';
import { parsePlotsDiff } from '../../../src/core/plots/parsePlotsDiff';
import type { TemplatePlot } from '../../../src/core/plots/plotModel';
import { affectsPlots } from '../../../src/core/plots/plotSources';
import { withLogScale } from '../../../src/core/plots/specOptions';
import { isPlotsWebviewMessage } from '../../../src/plots/dashboard/plotsMessages';
import { plotsSnapshot } from '../../../src/plots/dashboard/plotsSnapshot';
import { plotsFixture } from './plotsFixtures';

const demoRevisions = ['workspace', 'lr-small', 'short'];
const demo = parsePlotsDiff(plotsFixture('demo-workspace-two-experiments.json'), demoRevisions);

void describe('log scale', () => {
  void it('puts every quantitative y of a DVC template on a log scale, leaving aggregates and data alone', () => {
    const plot = demo.plots.find((candidate) => candidate.id === 'plots/training_loss.csv') as TemplatePlot;
    const log = withLogScale(plot.spec);
    assert.ok(log);
    const text = JSON.stringify(log);
    assert.equal(text.match(/"type":"log"/g)?.length, 2);
    assert.equal(log.data === plot.spec.data, true);
    assert.equal(JSON.stringify(plot.spec).includes('"type":"log"'), false);
  });
  void it('offers no log scale for a confusion matrix (nominal axes)', () => {
    const plot = demo.plots.find((candidate) => candidate.id === 'plots/confusion.csv') as TemplatePlot;
    assert.equal(withLogScale(plot.spec), undefined);
  });
});

void describe('downsampling', () => {
  void it('thins a million-point revision to the limit, keeps its first and last rows, and says so', () => {
    const rows = Array.from({ length: 1_000_000 }, (_, step) => ({ step, rev: 'workspace' }));
    const small = [{ step: 0, rev: 'v1' }];
    const started = Date.now();
    const result = downsampleRows([...rows, ...small], 5000);
    assert.ok(Date.now() - started < 2000);
    const kept = result.rows.filter((row) => row.rev === 'workspace');
    assert.ok(kept.length <= 5001 && kept.length >= 4999, String(kept.length));
    assert.equal(kept[0]?.step, 0);
    assert.equal(kept.at(-1)?.step, 999_999);
    assert.equal(result.rows.filter((row) => row.rev === 'v1').length, 1);
    assert.match(downsampleNote(result.thinned) ?? '', /workspace: 5,00\d of 1,000,000 points/);
  });
  void it('leaves small series as they are', () => {
    const rows = [{ rev: 'a' }];
    assert.equal(downsampleRows(rows).rows, rows);
    assert.equal(downsampleNote([]), undefined);
  });
});

void describe('dashboard snapshot', () => {
  void it('colours every plot by revision the same way and lists the legend in order', () => {
    const snapshot = plotsSnapshot({
      model: demo,
      revisions: demoRevisions,
      loading: false,
      maxRevisions: 5,
      imageUri: (path) => `uri:${path}`,
    });
    assert.deepEqual(
      snapshot.revisions.map((entry) => entry.rev),
      demoRevisions,
    );
    const ranges = snapshot.plots.map((card) =>
      card.kind === 'template' ? JSON.stringify(card.spec).match(/"range":\[[^\]]*\]/)?.[0] : undefined,
    );
    assert.deepEqual(new Set(ranges.filter(Boolean)).size, 1);
  });
  void it('turns image paths into webview URIs', () => {
    const edge = parsePlotsDiff(plotsFixture('edge.json'), ['workspace', 'v1']);
    const snapshot = plotsSnapshot({
      model: edge,
      revisions: ['workspace', 'v1'],
      loading: true,
      maxRevisions: 5,
      imageUri: (path) => `uri:${path}`,
    });
    const image = snapshot.plots.find((card) => card.kind === 'image');
    assert.equal(
      image?.kind === 'image' ? image.revisions[0]?.imageUri : undefined,
      'uri:/tmp/dvc-lens-plots/edge/workspace_images_sample.png',
    );
  });
});

void describe('plots webview messages', () => {
  void it('accepts the protocol and refuses anything else', () => {
    assert.equal(isPlotsWebviewMessage({ type: 'ready' }), true);
    assert.equal(isPlotsWebviewMessage({ type: 'export', id: 'a', format: 'svg' }), true);
    assert.equal(isPlotsWebviewMessage({ type: 'export', id: 'a', format: 'exe' }), false);
    assert.equal(
      isPlotsWebviewMessage({ type: 'saveState', state: { collapsed: [], logScale: ['a'] } }),
      true,
    );
    assert.equal(isPlotsWebviewMessage({ type: 'exported', requestId: 1, content: 'x' }), true);
    assert.equal(isPlotsWebviewMessage({ type: 'rendered', reports: [{ id: 'a' }] }), false);
    assert.equal(isPlotsWebviewMessage({ type: 'other' }), false);
    assert.equal(isPlotsWebviewMessage('ready'), false);
  });
});

void describe('live update triggers', () => {
  void it('reacts to data files, dvc.lock and DVCLive’s signal, not to DVC’s or git’s own files', () => {
    assert.equal(affectsPlots('plots/training_loss.csv'), true);
    assert.equal(affectsPlots('dvclive/plots/metrics/loss.tsv'), true);
    assert.equal(affectsPlots('dvc.lock'), true);
    assert.equal(affectsPlots('.dvc/tmp/exps/run/abc/signal'), true);
    // What DVCLive 3.49.1 writes per step (seen in the live-plots e2e): its series, summary, the plots it
    // adds to dvc.yaml, and the step signal.
    assert.equal(affectsPlots('dvclive/metrics.json'), true);
    assert.equal(affectsPlots('dvc.yaml'), true);
    assert.equal(affectsPlots('.dvc/tmp/exps/run/DVCLIVE_STEP_COMPLETED'), true);
    assert.equal(affectsPlots('live_images/sample/3.png'), true);
    assert.equal(affectsPlots('.dvc/tmp/rwlock'), false);
    assert.equal(affectsPlots('.git/index'), false);
    assert.equal(affectsPlots('src/train.py'), false);
  });
});
