/** Issue 13: what `dvc plots diff --json` printed on a fresh clone (data not pulled) still draws what it can. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parsePlotsDiff } from '../../../src/core/plots/parsePlotsDiff';

const recorded = (file: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'dvc-failures', file), 'utf8'));
const defined = ['ROC', 'Precision-recall', 'Confusion', 'Loss'];

void test("plots in git are drawn; plots whose data is not pulled say so, with DVC's reason and Pull", () => {
  const model = parsePlotsDiff(recorded('plots-diff-fresh-clone.json'), ['workspace'], defined);
  const byId = new Map(model.plots.map((plot) => [plot.id, plot]));
  assert.equal(byId.get('Loss')?.kind, 'template');
  for (const id of ['ROC', 'Precision-recall', 'Confusion']) {
    const plot = byId.get(id);
    assert.equal(plot?.kind, 'failed', id);
    if (plot?.kind !== 'failed') continue;
    assert.equal(plot.dataNotInCache, true);
    assert.equal(
      plot.message,
      "Data not in the local cache (eval/plots): Pull brings it in. DVC: failed to load directory ('eval', 'plots')",
    );
  }
  assert.equal(model.problems, undefined);
});

void test('every plot failed and DVC named none: no crash, each defined plot listed with the reason', () => {
  const model = parsePlotsDiff(recorded('plots-diff-nameless-errors.json'), ['workspace'], defined);
  assert.deepEqual(model.problems, ["failed to load directory ('results', 'train')"]);
  assert.deepEqual(
    model.plots.map((plot) => [plot.id, plot.kind, plot.kind === 'failed' && plot.dataNotInCache]),
    defined.map((id) => [id, 'failed', true]),
  );
});

void test('DVC printed {} (only directory plots, not in the cache): the defined plots are listed', () => {
  const model = parsePlotsDiff(recorded('plots-diff-dir-plots-only.json'), ['HEAD'], ['eval/plots']);
  assert.equal(model.plots.length, 1);
  assert.equal(model.plots[0]?.kind, 'failed');
  assert.equal(parsePlotsDiff({}, ['HEAD']).plots.length, 0);
  assert.throws(() => parsePlotsDiff({ data: [] }, ['HEAD']), /did not print an object/);
});
