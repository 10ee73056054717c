/**
 * `dvc plots diff` through PlotsService with the real DVC: the demo's plots for the workspace and two
 * experiments (names, revisions, data points per revision equal to the source files of each revision), image
 * plots resolved to files in our own folder (never `dvc_plots/` in the workspace), a file missing or broken in
 * one revision, and a template DVC does not know (the other plots still come back).
 */
import assert from 'node:assert/strict';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Plot } from '../../src/core/plots/plotModel';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { GitCli } from '../../src/cli/gitCli';
import { PlotsService } from '../../src/plots/plotsService';
import { dvc, git, gitIdentityArgs, makeDemoRepo, makeDvcRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const revisions = ['workspace', 'lr-small', 'short'];
const folders: Array<() => Promise<void>> = [];

after(async () => {
  for (const cleanup of folders) await cleanup();
});

function byId(plots: readonly Plot[], id: string): Plot {
  const plot = plots.find((candidate) => candidate.id === id);
  assert.ok(plot, `plot ${id} among ${plots.map((p) => p.id).join(', ')}`);
  return plot;
}

function rowsOfCsv(text: string): number {
  return text.trim().split('\n').length - 1;
}

async function imagesFolder(): Promise<string> {
  const temp = await makeTempDir('dvc-lens-plots-images-');
  folders.push(temp.cleanup);
  return temp.dir;
}

void describe('the demo: workspace and two experiments', () => {
  let dir: string;
  let service: PlotsService;
  const sources = new Map<string, { loss: string; roc: string; confusion: string }>();

  before(async () => {
    const repo = await makeDemoRepo({ repro: true });
    folders.push(repo.cleanup);
    dir = repo.dir;
    await git(dir, ['config', 'user.name', 'DVC Lens Test']);
    await git(dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
    const { cli, scheduler } = await recordingDvcCli(dir);
    const experiments = new ExperimentsService(cli, scheduler, new GitCli(dir));
    await experiments.run([{ file: 'params.yaml', key: 'train.learning_rate', value: '0.1' }], {
      name: 'lr-small',
    });
    await experiments.run([{ file: 'params.yaml', key: 'train.epochs', value: '10' }], { name: 'short' });
    const model = await experiments.show();
    for (const row of model.commits[0]?.experiments ?? []) {
      const show = (path: string): Promise<string> => git(dir, ['show', `${row.rev}:${path}`]);
      sources.set(row.name ?? row.rev, {
        loss: await show('plots/training_loss.csv'),
        roc: await show('plots/roc.json'),
        confusion: await show('plots/confusion.csv'),
      });
    }
    const read = (path: string): Promise<string> => readFile(join(dir, path), 'utf8');
    sources.set('workspace', {
      loss: await read('plots/training_loss.csv'),
      roc: await read('plots/roc.json'),
      confusion: await read('plots/confusion.csv'),
    });
    service = new PlotsService(cli, await imagesFolder());
  });

  void test('every plot of dvc.yaml, each revision with as many points as its source file', async () => {
    const model = await service.diff(revisions);
    assert.deepEqual(model.revisions, revisions);
    assert.deepEqual(
      model.plots.map((plot) => [plot.id, plot.kind]),
      [
        ['ROC curve', 'template'],
        ['plots/training_loss.csv', 'template'],
        ['plots/roc.json', 'template'],
        ['plots/confusion.csv', 'template'],
      ],
    );
    for (const rev of revisions) {
      const source = sources.get(rev);
      assert.ok(source, `sources of ${rev}`);
      const points = (id: string): number | undefined =>
        byId(model.plots, id).revisions.find((revision) => revision.rev === rev)?.points;
      const roc = (JSON.parse(source.roc) as { roc: unknown[] }).roc.length;
      assert.equal(points('plots/training_loss.csv'), rowsOfCsv(source.loss), `loss points of ${rev}`);
      assert.equal(points('plots/roc.json'), roc, `roc points of ${rev}`);
      assert.equal(points('ROC curve'), roc, `ROC curve points of ${rev}`);
      assert.equal(points('plots/confusion.csv'), rowsOfCsv(source.confusion), `confusion points of ${rev}`);
    }
    // The two experiments differ: short trained 10 epochs, lr-small the demo's 40.
    const loss = byId(model.plots, 'plots/training_loss.csv').revisions.map((revision) => revision.points);
    assert.deepEqual(loss, [10, 40, 10]);
    await assert.rejects(access(join(dir, 'dvc_plots')), 'DVC wrote nothing into the workspace');
  });
});

/** A 1x1 PNG of one colour (zlib-compressed scanline, CRCs precomputed by Python's zlib). */
const RED = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);
const BLUE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC',
  'base64',
);

const EDGE_DVC_YAML = `plots:
  - metrics/loss.csv:
      x: step
      y: loss
  - images/sample.png
  - metrics/gone.csv:
      x: step
      y: value
  - metrics/acc.json:
      x: step
      y: acc
`;

void describe('images, missing and broken files, unknown templates', () => {
  let dir: string;
  let service: PlotsService;

  before(async () => {
    const repo = await makeDvcRepo();
    folders.push(repo.cleanup);
    dir = repo.dir;
    await mkdir(join(dir, 'metrics'));
    await mkdir(join(dir, 'images'));
    await writeFile(join(dir, 'metrics', 'loss.csv'), 'step,loss\n0,1.0\n1,0.5\n');
    await writeFile(join(dir, 'metrics', 'gone.csv'), 'step,value\n0,3\n');
    await writeFile(join(dir, 'metrics', 'acc.json'), '[{"step": 0, "acc": 0.5}]\n');
    await writeFile(join(dir, 'images', 'sample.png'), RED);
    await writeFile(join(dir, 'dvc.yaml'), EDGE_DVC_YAML);
    await git(dir, ['add', '-A']);
    await git(dir, [...gitIdentityArgs, 'commit', '-q', '-m', 'plots']);
    await git(dir, ['tag', 'v1']);
    await writeFile(join(dir, 'images', 'sample.png'), BLUE);
    await writeFile(join(dir, 'metrics', 'acc.json'), '[{"step": 0,');
    await rm(join(dir, 'metrics', 'gone.csv'));
    const { cli } = await recordingDvcCli(dir);
    service = new PlotsService(cli, await imagesFolder());
  });

  void test('an image plot gives one file per revision, inside our images folder, with that revision’s bytes', async () => {
    const model = await service.diff(['workspace', 'v1']);
    const image = byId(model.plots, 'images/sample.png');
    assert.equal(image.kind, 'image');
    const [workspace = '', v1 = ''] = image.revisions.map((revision) => revision.imagePath ?? '');
    assert.ok(workspace?.startsWith(service.imagesFolder), workspace);
    assert.ok(v1?.startsWith(service.imagesFolder), v1);
    assert.deepEqual(await readFile(workspace), BLUE);
    assert.deepEqual(await readFile(v1), RED);
  });

  void test('a file deleted in the workspace or broken there fails that revision only', async () => {
    const model = await service.diff(['workspace', 'v1']);
    const gone = byId(model.plots, 'metrics/gone.csv').revisions;
    assert.deepEqual(
      gone.map((revision) => [revision.rev, revision.state, revision.points]),
      [
        ['workspace', 'error', 0],
        ['v1', 'ok', 1],
      ],
    );
    const acc = byId(model.plots, 'metrics/acc.json').revisions;
    assert.equal(acc[0]?.state, 'error');
    assert.match(acc[0]?.error ?? '', /corrupted/);
    assert.equal(byId(model.plots, 'metrics/loss.csv').revisions[0]?.points, 2);
  });

  void test('a template DVC does not know: that plot is an error card, the others still come back', async () => {
    const before = await readFile(join(dir, 'dvc.yaml'), 'utf8');
    const unknown =
      '  - Odd plot:\n      template: no-such-template\n      x: step\n      y:\n        metrics/loss.csv: loss\n';
    await writeFile(join(dir, 'dvc.yaml'), before + unknown);
    try {
      await assert.rejects(dvc(dir, ['plots', 'diff', 'workspace', '--json']), 'DVC itself fails');
      const model = await service.diff(['workspace']);
      const odd = byId(model.plots, 'Odd plot');
      assert.equal(odd.kind, 'failed');
      assert.match(odd.kind === 'failed' ? odd.message : '', /no-such-template/);
      assert.equal(byId(model.plots, 'metrics/loss.csv').kind, 'template');
      assert.equal(byId(model.plots, 'images/sample.png').kind, 'image');
    } finally {
      await writeFile(join(dir, 'dvc.yaml'), before);
    }
  });
});
