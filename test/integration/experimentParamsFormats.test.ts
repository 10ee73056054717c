/**
 * Params in JSON, TOML and Python files with the real DVC: the run quick pick offers each file's params, an
 * experiment overriding a value in each (`-S file:key=value`) runs, and the model shows the new values and the
 * metric they produce. DVC drops an override of a Python string silently: DVC Lens reports it beforehand.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { findExperiment } from '../../src/core/experiments/experimentModel';
import {
  ignoredPythonOverrides,
  overridableParams,
  type ParamOverride,
} from '../../src/core/experiments/experimentOverrides';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { git, makeDvcRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const TRAIN = `import importlib.util, json, tomllib
p = json.load(open("params.json"))
t = tomllib.load(open("params.toml", "rb"))
spec = importlib.util.spec_from_file_location("params", "params.py")
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
json.dump({"score": p["lr"] * t["train"]["epochs"] * m.BATCH * m.Model.dropout}, open("metrics.json", "w"))
`;

const DVC_YAML = `stages:
  train:
    cmd: python3 train.py
    deps: [train.py]
    params:
      - params.json:
          - lr
      - params.toml:
          - train.epochs
      - params.py:
          - BATCH
          - NAME
          - Model.dropout
    metrics:
      - metrics.json:
          cache: false
`;

let repo: { dir: string; cleanup: () => Promise<void> };
let service: ExperimentsService;

before(async () => {
  repo = await makeDvcRepo();
  const dir = repo.dir;
  await git(dir, ['config', 'user.name', 'DVC Lens Test']);
  await git(dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
  await writeFile(join(dir, 'params.json'), '{"lr": 0.1}\n');
  await writeFile(join(dir, 'params.toml'), '[train]\nepochs = 3\n');
  await writeFile(join(dir, 'params.py'), 'BATCH = 32\nNAME = "base"\n\n\nclass Model:\n    dropout = 0.2\n');
  await writeFile(join(dir, 'train.py'), TRAIN);
  await writeFile(join(dir, 'dvc.yaml'), DVC_YAML);
  const { cli, scheduler } = await recordingDvcCli(dir);
  service = new ExperimentsService(cli, scheduler, new GitCli(dir));
  await service.run([]);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'params in three formats']);
});

after(() => repo.cleanup());

void test('the run quick pick offers the params of the JSON, TOML and Python files', async () => {
  const workspace = (await service.show()).workspace;
  assert.ok(workspace);
  assert.deepEqual(
    overridableParams(workspace.params).map((param) => `${param.file}:${param.key}=${param.inputText}`),
    [
      'params.json:lr=0.1',
      'params.toml:train.epochs=3',
      'params.py:BATCH=32',
      'params.py:NAME=base',
      'params.py:Model.dropout=0.2',
    ],
  );
});

void test('an experiment overriding a value in each file runs, and the model shows the new values', async () => {
  const overrides: ParamOverride[] = [
    { file: 'params.json', key: 'lr', value: '0.5' },
    { file: 'params.toml', key: 'train.epochs', value: '4' },
    { file: 'params.py', key: 'BATCH', value: '64' },
    { file: 'params.py', key: 'Model.dropout', value: '0.25' },
  ];
  await service.run(overrides, { name: 'formats' });
  const row = findExperiment(await service.show(), 'formats');
  assert.equal(row?.state, 'success');
  assert.equal(row?.params['params.json']?.lr, 0.5);
  assert.equal(row?.params['params.toml']?.['train.epochs'], 4);
  assert.equal(row?.params['params.py']?.BATCH, 64);
  assert.equal(row?.params['params.py']?.['Model.dropout'], 0.25);
  assert.equal(row?.metrics['metrics.json']?.score, 0.5 * 4 * 64 * 0.25);
  // The Python file was rewritten in place, keeping its shape.
  assert.match(await readFile(join(repo.dir, 'params.py'), 'utf8'), /^BATCH = 64$[\s\S]*dropout = 0\.25$/m);
});

void test('a string value of a Python params file, which DVC would leave unchanged, is reported', async () => {
  const workspace = (await service.show()).workspace;
  const override = { file: 'params.py', key: 'NAME', value: 'tuned' };
  assert.deepEqual(ignoredPythonOverrides([override], workspace?.params ?? {}), ['params.py:NAME']);
  // What DVC does with it (if this ever changes, the check above can go).
  await service.run([override], { name: 'py-string' });
  const row = findExperiment(await service.show(), 'py-string');
  assert.equal(row?.params['params.py']?.NAME, 'base');
});
