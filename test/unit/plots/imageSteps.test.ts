import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupImageSteps, imageStepOf } from '../../../src/core/plots/imageSteps';
import type { PlotRevision, PlotsModel } from '../../../src/core/plots/plotModel';
import { plotsSnapshot } from '../../../src/plots/dashboard/plotsSnapshot';

const image = (id: string): { kind: string; id: string } => ({ kind: 'image', id });

void describe('image steps', () => {
  void it('reads the step and folder of DVCLive’s per-step image files', () => {
    assert.deepEqual(imageStepOf('dvclive/plots/images/sample/12.png'), {
      folder: 'dvclive/plots/images/sample',
      step: 12,
    });
    assert.equal(imageStepOf('plots/confusion.png'), undefined);
    assert.equal(imageStepOf('12.png'), undefined, 'a step file needs a folder');
    assert.equal(imageStepOf('images/a/1.csv'), undefined);
  });

  void it('groups a folder’s steps in numeric order where its first image was, and leaves the rest', () => {
    const plots = [
      { kind: 'template', id: 'loss.tsv' },
      image('dvclive/plots/images/sample/10.png'),
      image('plots/roc.png'),
      image('dvclive/plots/images/sample/2.png'),
      image('dvclive/plots/images/only/0.png'),
      { kind: 'template', id: 'dvclive/plots/images/sample/3.png' },
      image('dvclive/plots/images/sample/0.png'),
    ];
    const grouped = groupImageSteps(plots);
    assert.deepEqual(
      grouped.map((entry) =>
        entry.kind === 'single' ? entry.plot.id : `${entry.id} [${entry.steps.map((s) => s.step).join(',')}]`,
      ),
      [
        'loss.tsv',
        'dvclive/plots/images/sample [0,2,10]',
        'plots/roc.png',
        'dvclive/plots/images/only/0.png',
        'dvclive/plots/images/sample/3.png',
      ],
    );
  });
});

void describe('image steps on the dashboard', () => {
  void it('makes one card per folder with every step’s images as webview URIs, newest last', () => {
    const revisions = (step: number, revs: readonly string[]): PlotRevision[] =>
      ['workspace', 'exp'].map((rev) =>
        revs.includes(rev)
          ? { rev, state: 'ok', points: 0, imagePath: `/tmp/images/${rev}_${step}.png` }
          : { rev, state: 'missing', points: 0 },
      );
    const model: PlotsModel = {
      revisions: ['workspace', 'exp'],
      plots: [
        {
          kind: 'image',
          id: 'dvclive/plots/images/x/1.png',
          title: '1',
          revisions: revisions(1, ['workspace']),
        },
        {
          kind: 'image',
          id: 'dvclive/plots/images/x/0.png',
          title: '0',
          revisions: revisions(0, ['workspace', 'exp']),
        },
      ],
    };
    const snapshot = plotsSnapshot({
      model,
      revisions: model.revisions,
      loading: false,
      maxRevisions: 3,
      imageUri: (path) => `uri:${path}`,
    });
    assert.equal(snapshot.plots.length, 1);
    const card = snapshot.plots[0];
    assert.equal(card?.kind, 'image');
    if (card?.kind !== 'image') return;
    assert.equal(card.id, 'dvclive/plots/images/x');
    assert.deepEqual(
      card.steps?.map((step) => [
        step.step,
        step.id,
        step.revisions.map((revision) => revision.imageUri ?? revision.state),
      ]),
      [
        [0, 'dvclive/plots/images/x/0.png', ['uri:/tmp/images/workspace_0.png', 'uri:/tmp/images/exp_0.png']],
        [1, 'dvclive/plots/images/x/1.png', ['uri:/tmp/images/workspace_1.png', 'missing']],
      ],
    );
    assert.deepEqual(card.revisions, card.steps?.[1]?.revisions);
  });
});
