/**
 * The force, dry-run and pull variants of a repro, judged by what they do to the repository (not by the flags
 * on the command line): --force reruns an up-to-date stage and rewrites its output; --dry changes nothing
 * on disk and records no run; --pull brings the outputs of unchanged stages back from the DVC remote
 * instead of running their commands.
 */
import assert from 'node:assert/strict';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { dvc, makeTempDir } from '../helpers/dvcEnvironment';
import { demoService, ran, withDemo } from './reproFixture';

void test('--force reruns an up-to-date stage and rewrites its output; without it nothing runs', () =>
  withDemo(async (dir, storage) => {
    const service = await demoService(dir, storage);
    const model = join(dir, 'model', 'model.json');
    const plain = await service.run({ targets: ['train'], mode: 'single' });
    assert.deepEqual(plain.records, [], 'up to date: no command ran');
    const before = (await stat(model)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const forced = await service.run({ targets: ['train'], mode: 'single', force: true });
    assert.equal(forced.outcome, 'succeeded');
    assert.deepEqual(ran(forced.events), ['train']);
    assert.deepEqual(
      forced.records.map((record) => [record.stage, record.outcome]),
      [['train', 'succeeded']],
    );
    assert.ok((await stat(model)).mtimeMs > before, 'the model was written again');
  }));

void test('--dry changes no file, no dvc.lock and records no run', () =>
  withDemo(async (dir, storage) => {
    const service = await demoService(dir, storage);
    const params = join(dir, 'params.yaml');
    await writeFile(params, (await readFile(params, 'utf8')).replace(/epochs: \d+/, 'epochs: 9'));
    const watched = ['dvc.lock', 'model/model.json', 'metrics.json', 'plots/training_loss.csv'];
    const before = await Promise.all(watched.map((file) => readFile(join(dir, file), 'utf8')));
    const result = await service.run({ targets: [], mode: 'all', dryRun: true });
    assert.equal(result.outcome, 'succeeded');
    assert.deepEqual(result.records, [], 'no stage command ran');
    assert.deepEqual(service.history.runs('train'), []);
    const after = await Promise.all(watched.map((file) => readFile(join(dir, file), 'utf8')));
    assert.deepEqual(after, before, 'outputs and dvc.lock untouched');
    assert.match(await dvc(dir, ['status']), /train:/, 'train is still changed');
  }));

void test('--pull restores the missing outputs of unchanged stages from the remote without running them', () =>
  withDemo(async (dir, storage) => {
    const remote = await makeTempDir('dvc-lens-remote-');
    try {
      await dvc(dir, ['remote', 'add', '-d', 'store', remote.dir]);
      await dvc(dir, ['push', '-q']);
      const model = join(dir, 'model', 'model.json');
      const bytes = await readFile(model, 'utf8');
      // Lose the outputs and the cache: only the remote has them.
      await rm(join(dir, '.dvc', 'cache'), { recursive: true, force: true });
      await rm(model);
      await rm(join(dir, 'data', 'prepared'), { recursive: true, force: true });
      const service = await demoService(dir, storage);
      const result = await service.run({ targets: [], mode: 'all', pull: true });
      assert.equal(result.outcome, 'succeeded', result.error?.message);
      assert.deepEqual(result.records, [], 'no stage command ran');
      assert.equal(await readFile(model, 'utf8'), bytes, 'the model came back from the remote');
      assert.ok((await stat(join(dir, 'data', 'prepared', 'train.csv'))).isFile());
      assert.doesNotMatch(await dvc(dir, ['status']), /changed/);
    } finally {
      await remote.cleanup();
    }
  }));
