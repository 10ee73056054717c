import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  axisDomain,
  brushAfterKey,
  brushFromDrag,
  insideBrushes,
  valueToY,
  yToValue,
} from '../../../src/core/plots/custom/parallelBrushing';
import {
  CustomPlotRecords,
  nextCustomPlotId,
  readCustomPlots,
  type KeyValueStore,
} from '../../../src/core/plots/custom/customPlotsPersistence';
import { isCustomPlotsAction } from '../../../src/core/protocols/customPlotsProtocol';

/** A memento as VS Code keeps one: values go through JSON on the way in and out. */
class JsonStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  get(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

const extent = { top: 20, bottom: 220 };

void describe('parallel coordinates brushing', () => {
  void it('maps values to heights (largest on top) and back', () => {
    const domain = axisDomain(0, 10);
    assert.equal(valueToY(10, domain, extent), 20);
    assert.equal(valueToY(0, domain, extent), 220);
    assert.equal(valueToY(5, domain, extent), 120);
    assert.equal(yToValue(120, domain, extent), 5);
    assert.equal(yToValue(-50, domain, extent), 10, 'clamped to the axis');
  });

  void it('gives a column with one value a range around it', () => {
    assert.deepEqual(axisDomain(4, 4), { min: 2, max: 6 });
    assert.deepEqual(axisDomain(0, 0), { min: -1, max: 1 });
  });

  void it('turns a drag into a value range in either direction; a click is no brush', () => {
    const domain = axisDomain(0, 10);
    assert.deepEqual(brushFromDrag('a', 120, 20, domain, extent), { axis: 'a', low: 5, high: 10 });
    assert.deepEqual(brushFromDrag('a', 20, 120, domain, extent), { axis: 'a', low: 5, high: 10 });
    assert.equal(brushFromDrag('a', 100, 101, domain, extent), undefined);
  });

  void it('keeps a line only when it is inside every brush', () => {
    const axes = ['lr', 'acc'];
    const brushes = [
      { axis: 'lr', low: 0, high: 0.5 },
      { axis: 'acc', low: 0.9, high: 1 },
    ];
    assert.equal(insideBrushes([0.1, 0.95], axes, brushes), true);
    assert.equal(insideBrushes([0.1, 0.8], axes, brushes), false);
    assert.equal(insideBrushes([0.9, 0.95], axes, brushes), false);
    assert.equal(insideBrushes([0.9, 0.1], axes, []), true, 'no brush dims nothing');
    assert.equal(insideBrushes([0.9], ['lr'], [{ axis: 'gone', low: 0, high: 1 }]), true);
  });

  void it('brushes from the keyboard: halves, moves inside the axis, grows, shrinks, clears', () => {
    const domain = axisDomain(0, 10);
    const up = brushAfterKey(undefined, 'a', domain, 'up');
    assert.deepEqual(up, { axis: 'a', low: 5, high: 10 });
    assert.deepEqual(brushAfterKey(up, 'a', domain, 'up'), up, 'already at the top');
    assert.deepEqual(brushAfterKey(up, 'a', domain, 'down'), { axis: 'a', low: 4, high: 9 });
    assert.deepEqual(brushAfterKey(undefined, 'a', domain, 'down'), { axis: 'a', low: 0, high: 5 });
    const middle = brushAfterKey(undefined, 'a', domain, 'create');
    assert.deepEqual(middle, { axis: 'a', low: 2.5, high: 7.5 });
    assert.deepEqual(brushAfterKey(middle, 'a', domain, 'grow'), { axis: 'a', low: 2, high: 8 });
    assert.deepEqual(brushAfterKey(middle, 'a', domain, 'shrink'), { axis: 'a', low: 3, high: 7 });
    assert.equal(brushAfterKey(middle, 'a', domain, 'clear'), undefined);
  });
});

void describe('custom plots persistence', () => {
  const root = 'file:///work/demo';

  void it('adds, edits and removes per repository, surviving a JSON round trip', async () => {
    const store = new JsonStore();
    const records = new CustomPlotRecords(store);
    const scatter = await records.add(root, {
      kind: 'scatter',
      title: 'acc vs lr',
      x: 'params:p:lr',
      y: 'metrics:m:acc',
    });
    const parallel = await records.add(root, {
      kind: 'parallel',
      title: 'all',
      columns: ['params:p:lr', 'metrics:m:acc'],
    });
    await records.add('file:///other', { kind: 'scatter', title: 'x', x: 'params:p:a', y: 'params:p:b' });
    assert.deepEqual([scatter.id, parallel.id], ['custom-1', 'custom-2']);
    // A fresh reader over the same store (a reloaded window) sees the same plots.
    const reloaded = new CustomPlotRecords(store);
    assert.deepEqual(reloaded.list(root), [scatter, parallel]);
    assert.equal(reloaded.list('file:///other').length, 1);

    assert.equal(await reloaded.replace(root, { ...scatter, title: 'renamed' }), true);
    assert.equal(await reloaded.replace(root, { ...scatter, id: 'custom-9' }), false);
    assert.equal(new CustomPlotRecords(store).list(root)[0]?.title, 'renamed');

    assert.equal(await reloaded.remove(root, 'custom-1'), true);
    assert.equal(await reloaded.remove(root, 'custom-1'), false);
    const next = await reloaded.add(root, {
      kind: 'scatter',
      title: 'again',
      x: 'params:p:lr',
      y: 'metrics:m:acc',
    });
    assert.equal(next.id, 'custom-3', 'a removed id is not reused at once');
    await reloaded.remove(root, 'custom-2');
    await reloaded.remove(root, 'custom-3');
    assert.equal(
      store.data.has(CustomPlotRecords.key(root)),
      false,
      'nothing kept for a repository without plots',
    );
  });

  void it('drops what is not a definition (older shapes, hand edits, duplicates)', () => {
    const good = { id: 'custom-1', kind: 'scatter', title: 't', x: 'a', y: 'b' };
    assert.deepEqual(
      readCustomPlots([
        good,
        { ...good },
        { id: 'custom-2', kind: 'parallel', title: 't', columns: ['a'] },
        { id: 'custom-3', kind: 'pie', title: 't' },
        'text',
        null,
      ]),
      [good],
    );
    assert.deepEqual(readCustomPlots({ not: 'a list' }), []);
    assert.equal(nextCustomPlotId([]), 'custom-1');
  });
});

void describe('custom plots messages', () => {
  void it('accepts the page actions and render reports, and nothing else', () => {
    assert.equal(isCustomPlotsAction({ kind: 'add' }), true);
    assert.equal(isCustomPlotsAction({ kind: 'remove', id: 'custom-1' }), true);
    assert.equal(isCustomPlotsAction({ kind: 'remove' }), false);
    const report = {
      id: 'custom-1',
      kind: 'parallel',
      status: 'rendered',
      axes: 2,
      points: 0,
      lines: 5,
      dimmed: 2,
      brushedAxes: ['params:p:lr'],
      drawnRevisions: ['workspace'],
    };
    assert.equal(isCustomPlotsAction({ kind: 'rendered', reports: [report] }), true);
    assert.equal(isCustomPlotsAction({ kind: 'rendered', reports: [{ ...report, lines: -1 }] }), false);
    assert.equal(isCustomPlotsAction({ kind: 'drop tables' }), false);
  });
});
