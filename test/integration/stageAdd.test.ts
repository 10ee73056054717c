/**
 * Adding and removing stages with the real DVC: StageEditor through our runner and scheduler on a reproduced
 * copy of the demo project, checked against what `dvc stage list` and the files say afterwards.
 */
import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidStageDraftError, StageEditor } from '../../src/pipeline/stageEditing/stageEditor';
import type { StageDraft } from '../../src/pipeline/stageEditing/stageDraft';
import { dvc, makeDemoRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const featurize: StageDraft = {
  name: 'featurize',
  command: 'python3 src/featurize.py data/prepared features',
  deps: ['data/prepared', 'src/common.py'],
  outs: ['features'],
  params: ['train.epochs', 'params.yaml:prepare.seed'],
  metrics: [],
  plots: [],
};

async function listedStages(root: string): Promise<string[]> {
  return (await dvc(root, ['stage', 'list', '--all', '--name-only'])).split(/\r?\n/).filter(Boolean);
}

void test('adds a stage through dvc stage add, refuses a bad one before DVC runs, removes it again', async () => {
  const repo = await makeDemoRepo({ repro: true });
  try {
    const { cli, scheduler, lines } = await recordingDvcCli(repo.dir);
    const editor = new StageEditor(cli, scheduler);
    const existing = await cli.stageList();
    assert.deepEqual(existing, ['prepare', 'train', 'evaluate', 'data/raw.csv.dvc']);

    await editor.add(featurize, existing);
    assert.ok((await listedStages(repo.dir)).includes('featurize'));
    const yaml = await readFile(join(repo.dir, 'dvc.yaml'), 'utf8');
    const written = yaml.slice(yaml.indexOf('  featurize:'));
    assert.match(written, /cmd: python3 src\/featurize\.py data\/prepared features/);
    assert.match(written, /deps:\n\s+- data\/prepared\n\s+- src\/common\.py/);
    assert.match(written, /outs:\n\s+- features/);
    // DVC files keys of the default params.yaml without the file name, whichever way they were given.
    assert.match(written, /params:\n\s+- prepare\.seed\n\s+- train\.epochs/);

    const addsBefore = lines.filter((line) => line.includes(' stage add ')).length;
    await assert.rejects(editor.add({ ...featurize, name: 'bad/name' }, existing), InvalidStageDraftError);
    await assert.rejects(
      editor.add(featurize, await cli.stageList()),
      (error: Error) => error instanceof InvalidStageDraftError && /already has a stage/.test(error.message),
    );
    await assert.rejects(editor.add({ ...featurize, name: 'esc', outs: ['../x'] }, []), /outside/);
    assert.equal(lines.filter((line) => line.includes(' stage add ')).length, addsBefore, 'DVC never ran');

    await editor.remove('featurize');
    assert.deepEqual(await listedStages(repo.dir), existing);
    assert.doesNotMatch(await readFile(join(repo.dir, 'dvc.yaml'), 'utf8'), /featurize/);

    // What the confirmation promises: a reproduced stage leaves dvc.yaml and dvc.lock, its outputs stay.
    await editor.remove('train');
    assert.deepEqual(await listedStages(repo.dir), ['prepare', 'evaluate', 'data/raw.csv.dvc']);
    assert.doesNotMatch(await readFile(join(repo.dir, 'dvc.lock'), 'utf8'), /^ {2}train:/m);
    await access(join(repo.dir, 'model', 'model.json'));
    assert.doesNotMatch(
      await readFile(join(repo.dir, 'model', '.gitignore'), 'utf8').catch(() => ''),
      /model\.json/,
    );
  } finally {
    await repo.cleanup();
  }
});
