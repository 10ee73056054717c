import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenSeriesFiles } from '../../../src/core/plots/brokenSeries';
import type { Plot, PlotsModel } from '../../../src/core/plots/plotModel';

function templatePlot(id: string): Plot {
  return { kind: 'template', id, title: id, spec: {}, revisions: [] } as unknown as Plot;
}

const model: PlotsModel = {
  revisions: ['workspace'],
  plots: [
    templatePlot('loss.csv'),
    templatePlot('acc.tsv'),
    templatePlot('eval/roc.json'),
    templatePlot('ok.csv'),
  ],
};

const files: Record<string, string> = {
  'loss.csv': 'step,loss\n0,"1.0\n1,0.5\n2,0.25\n',
  'acc.tsv': 'step\tacc\n0\t0.5\n1\t0.75\n',
  'eval/roc.json': '{"roc": [}',
  'ok.csv': 'step,loss\n0,"1,0"\n1,0.5\n',
};

void test('a workspace CSV with an unclosed quote is reported with the line it starts on; sound ones are not', async () => {
  const read: string[] = [];
  const broken = await brokenSeriesFiles(model, (path) => {
    read.push(path);
    return Promise.resolve(files[path]);
  });
  assert.deepEqual([...broken.keys()], ['loss.csv']);
  assert.match(broken.get('loss.csv') ?? '', /line 2 is never closed/);
  // JSON series are DVC's to read; only delimited files are checked.
  assert.deepEqual(read, ['loss.csv', 'acc.tsv', 'ok.csv']);
});

void test('files the dashboard read already, gone or too large are left alone', async () => {
  const broken = await brokenSeriesFiles(
    model,
    (path) => Promise.resolve(path === 'acc.tsv' ? undefined : files[path]),
    (path) => path === 'loss.csv',
  );
  assert.equal(broken.size, 0);
});
