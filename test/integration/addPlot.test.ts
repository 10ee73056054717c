/**
 * A plot added by DVC Lens is one DVC reads: the demo's dvc.yaml gets a new top-level plot through the same
 * text insertion the command makes, and the pinned DVC's `dvc plots show --json` lists it with the data.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addTopLevelPlot, applyInsertion } from '../../src/core/pipeline/addTopLevelPlot';
import { plotDataFields } from '../../src/core/pipeline/plotDataFields';
import { dvc, makeDemoRepo } from '../helpers/dvcEnvironment';

void describe('Add Plot to Pipeline, read back by DVC', () => {
  let repo: { dir: string; cleanup: () => Promise<void> };

  before(async () => {
    repo = await makeDemoRepo();
  });
  after(async () => repo?.cleanup());

  void it('writes a top-level plot that dvc plots show renders, leaving the rest of dvc.yaml as it was', async () => {
    const data = 'epoch,accuracy,loss\n1,0.5,0.9\n2,0.7,0.6\n3,0.8,0.4\n';
    await mkdir(join(repo.dir, 'plots'), { recursive: true });
    await writeFile(join(repo.dir, 'plots', 'curve.csv'), data);
    const fields = plotDataFields('plots/curve.csv', data);
    assert.deepEqual(fields, { ok: true, fields: ['epoch', 'accuracy', 'loss'] });

    const path = join(repo.dir, 'dvc.yaml');
    const before = await readFile(path, 'utf8');
    const result = addTopLevelPlot(before, {
      file: 'plots/curve.csv',
      x: 'epoch',
      y: ['accuracy', 'loss'],
      template: 'linear',
    });
    assert.ok(result.ok, result.ok ? '' : result.reason);
    const after = applyInsertion(before, result.insertion);
    await writeFile(path, after);
    // Every original line is still there, in order, with the new item inserted as a block.
    assert.equal(after.slice(0, result.insertion.offset), before.slice(0, result.insertion.offset));
    assert.equal(
      after.slice(result.insertion.offset + result.insertion.text.length),
      before.slice(result.insertion.offset),
    );

    const shown = JSON.parse(await dvc(repo.dir, ['plots', 'show', '--json', '--split'])) as {
      data: Record<string, { type: string; anchor_definitions?: Record<string, unknown> }[]>;
    };
    const plot = shown.data['plots/curve.csv']?.[0];
    assert.ok(plot, `DVC lists the new plot: ${Object.keys(shown.data).join(', ')}`);
    assert.equal(plot.type, 'vega');
    const points = plot.anchor_definitions?.['<DVC_METRIC_DATA>'] as Record<string, string>[] | undefined;
    // Two y fields: one point per row and field.
    assert.equal(points?.length, 6, JSON.stringify(points));
    assert.deepEqual(
      points?.map((point) => point.epoch),
      ['1', '2', '3', '1', '2', '3'],
    );
    // The demo's own plots are still there.
    assert.ok(shown.data['ROC curve'], 'the existing ROC curve plot');
  });
});
