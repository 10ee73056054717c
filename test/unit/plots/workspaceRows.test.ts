import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { delimiterOf, parseDelimited } from '../../../src/core/plots/delimitedRows';
import { parsePlotsDiff } from '../../../src/core/plots/parsePlotsDiff';
import { plotRows } from '../../../src/core/plots/plotData';
import type { TemplatePlot } from '../../../src/core/plots/plotModel';
import { withFileRows } from '../../../src/core/plots/workspaceRows';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'dvc-plots');
const revisions = ['workspace', 'lr-small', 'short'];

async function demoPlot(id: string): Promise<TemplatePlot> {
  const json: unknown = JSON.parse(
    await readFile(join(fixtures, 'demo-workspace-two-experiments.json'), 'utf8'),
  );
  const plot = parsePlotsDiff(json, revisions).plots.find((candidate) => candidate.id === id);
  assert.ok(plot?.kind === 'template', `${id} is a template plot`);
  return plot;
}

void test('CSV and TSV read as DVC reads them: strings, quoted delimiters and quotes, blank lines skipped', () => {
  assert.equal(delimiterOf('dvclive/plots/metrics/loss.tsv'), '\t');
  assert.equal(delimiterOf('plots/a.CSV'), ',');
  assert.equal(delimiterOf('plots/roc.json'), undefined);
  const table = parseDelimited('step,note\r\n0,"a, ""b"""\n1,\n\n', ',');
  assert.deepEqual(table, {
    header: ['step', 'note'],
    rows: [
      { step: '0', note: 'a, "b"' },
      { step: '1', note: '' },
    ],
  });
  assert.deepEqual(parseDelimited('step\tloss\n0\t0.5', '\t')?.rows, [{ step: '0', loss: '0.5' }]);
  assert.equal(parseDelimited('a,b\n1,2,3\n', ','), undefined, 'more fields than the header');
  assert.equal(parseDelimited('', ','), undefined);
});

void test('a grown series replaces the workspace rows, in place and in DVC’s shape; other revisions untouched', async () => {
  const plot = await demoPlot('plots/training_loss.csv');
  const before = plotRows(plot.spec);
  const workspaceBefore = before.filter((row) => row.rev === 'workspace');
  const lines = ['epoch,loss', ...workspaceBefore.map((row) => `${String(row.epoch)},${String(row.loss)}`)];
  const grown = withFileRows(plot, parseDelimited(`${lines.join('\n')}\n999,0.01\n`, ',')!);
  assert.ok(grown);
  const after = plotRows(grown.spec);
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(after.at(workspaceBefore.length), { epoch: '999', loss: '0.01', rev: 'workspace' });
  assert.deepEqual(
    JSON.stringify(after.filter((row) => row.rev !== 'workspace')),
    JSON.stringify(before.filter((row) => row.rev !== 'workspace')),
  );
  // The same file gives back exactly DVC's rows (so DVC's next answer does not redraw the chart again).
  const same = withFileRows(plot, parseDelimited(`${lines.join('\n')}\n`, ',')!);
  assert.equal(JSON.stringify(same?.spec), JSON.stringify(plot.spec));
  assert.equal(
    grown.revisions.find((revision) => revision.rev === 'workspace')?.points,
    workspaceBefore.length + 1,
  );
  assert.deepEqual(
    grown.revisions.filter((revision) => revision.rev !== 'workspace'),
    plot.revisions.filter((revision) => revision.rev !== 'workspace'),
  );
});

void test('not applied where DVC would print other fields, or where the workspace has no rows to copy', async () => {
  const plot = await demoPlot('plots/training_loss.csv');
  assert.equal(withFileRows(plot, parseDelimited('epoch,loss,extra\n0,1,2\n', ',')!), undefined);
  assert.equal(withFileRows(plot, parseDelimited('epoch\n0\n', ',')!), undefined);
  assert.equal(withFileRows(plot, parseDelimited('epoch,loss\n0,1\n', ',')!, 'no-such-rev'), undefined);
});
