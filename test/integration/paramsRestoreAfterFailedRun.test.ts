/**
 * A run that fails after DVC applied its `-S` overrides (issue 13 item 5), with the real DVC: DVC rewrites
 * params.yaml (the new value, and its comments and layout gone), then the stage's command fails and DVC leaves
 * the file so. The bytes DVC Lens kept before the run tell that the file changed, and restoring them brings
 * back exactly what the person had.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { KeptParamsFiles } from '../../src/experiments/paramsFileKeeper';
import { git, makeDvcRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

/** Comments, a blank line and a flow list: DVC's YAML writer keeps none of it as written. */
const PARAMS = `# the learning rate, tuned by hand
train:
  lr: 0.1   # keep below 1

  layers: [64, 32]
`;

const DVC_YAML = `stages:
  train:
    cmd: python3 -c "import sys; sys.exit('training failed on purpose')"
    params:
      - train.lr
      - train.layers
`;

let repo: { dir: string; cleanup: () => Promise<void> };
let service: ExperimentsService;

before(async () => {
  repo = await makeDvcRepo();
  const dir = repo.dir;
  await git(dir, ['config', 'user.name', 'DVC Lens Test']);
  await git(dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
  await writeFile(join(dir, 'params.yaml'), PARAMS);
  await writeFile(join(dir, 'dvc.yaml'), DVC_YAML);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'a stage that fails']);
  const { cli, scheduler } = await recordingDvcCli(dir);
  service = new ExperimentsService(cli, scheduler, new GitCli(dir));
});

after(() => repo.cleanup());

void test('a run that fails after DVC wrote -S changed params.yaml; the kept bytes restore it exactly', async () => {
  const overrides = [{ file: 'params.yaml', key: 'train.lr', value: '0.5' }];
  const kept = await KeptParamsFiles.keep(repo.dir, overrides);
  assert.deepEqual(await kept.changed(), [], 'nothing changed before the run');

  await assert.rejects(service.run(overrides), 'the stage fails');

  const after = await readFile(join(repo.dir, 'params.yaml'), 'utf8');
  assert.match(after, /lr: 0\.5/, 'DVC wrote the override before the command failed');
  assert.notEqual(after, PARAMS);
  assert.deepEqual(await kept.changed(), ['params.yaml']);

  await kept.restore(['params.yaml']);
  assert.equal(await readFile(join(repo.dir, 'params.yaml'), 'utf8'), PARAMS);
  assert.deepEqual(await kept.changed(), []);
});

void test('a params file no override touches is neither kept nor reported', async () => {
  await writeFile(join(repo.dir, 'other.yaml'), 'x: 1\n');
  const kept = await KeptParamsFiles.keep(repo.dir, []);
  await writeFile(join(repo.dir, 'other.yaml'), 'x: 2\n');
  assert.deepEqual(await kept.changed(), []);
});
