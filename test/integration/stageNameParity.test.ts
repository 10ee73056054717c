/**
 * Our in-process pipeline model against DVC itself: the stage names must be exactly those of
 * `dvc stage list --all --name-only` (minus `.dvc` files, which DVC lists as stages but the Pipeline view
 * does not), and interpolated commands exactly those `dvc repro --dry --force` would run.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { parsePipeline, pipelineParamsFiles, type Pipeline } from '../../src/core/pipeline';
import { dvc, git, gitIdentityArgs, makeDemoRepo, makeDvcRepo } from '../helpers/dvcEnvironment';

/** Every dvc.yaml under the repository (outside .git and .dvc), parsed the way the extension reads them. */
async function readPipelines(root: string): Promise<Pipeline[]> {
  const pipelines: Pipeline[] = [];
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== '.git' && entry.name !== '.dvc') await visit(path);
      else if (entry.isFile() && entry.name === 'dvc.yaml') pipelines.push(await readPipeline(root, path));
    }
  };
  await visit(root);
  return pipelines;
}

async function readPipeline(root: string, path: string): Promise<Pipeline> {
  const text = await readFile(path, 'utf8');
  const names = pipelineParamsFiles(text);
  const texts = await Promise.all(
    names.map((name) => readFile(join(dirname(path), name), 'utf8').catch(() => undefined)),
  );
  const file = relative(root, path).split(sep).join('/');
  return parsePipeline({
    file,
    text,
    paramsFiles: new Map(names.map((name, index) => [name, texts[index]])),
  });
}

async function dvcStageNames(root: string): Promise<string[]> {
  const output = await dvc(root, ['stage', 'list', '--all', '--name-only']);
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.endsWith('.dvc'));
}

/** `Running stage 'name':` followed by one `> command` line per command. */
async function dvcResolvedCommands(root: string): Promise<Map<string, string>> {
  const output = await dvc(root, ['repro', '--dry', '--force', '--all-pipelines']);
  const commands = new Map<string, string>();
  let current: string | undefined;
  for (const line of output.split('\n')) {
    const running = /^Running stage '(.+)':$/.exec(line);
    if (running) current = running[1];
    else if (current !== undefined && line.startsWith('> ')) {
      const previous = commands.get(current);
      commands.set(current, previous === undefined ? line.slice(2) : `${previous}\n${line.slice(2)}`);
    }
  }
  return commands;
}

function ourCommands(pipelines: readonly Pipeline[]): Map<string, string> {
  const commands = new Map<string, string>();
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) {
      const lines = stage.items.filter((item) => item.kind === 'cmd').map((item) => item.label);
      commands.set(stage.qualifiedName, lines.join('\n'));
    }
  }
  return commands;
}

function sorted(names: Iterable<string>): string[] {
  return [...names].sort();
}

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

const generatedRepo: Record<string, string> = {
  'params.yaml': [
    'regions: [us, eu]',
    'models:',
    '  cnn: {layers: 2}',
    '  xgb: {layers: 0}',
    'lrs: [0.1, 1.0, 1e-05]',
    'flags: [true, false]',
    'train:',
    '  lr: 0.001',
    '  epochs: 10',
    '  verbose: true',
    '  quiet: false',
    '  name: first run',
    '  layers: [8, 4]',
    '',
  ].join('\n'),
  'config/shared.yaml': 'shared:\n  seed: 7\n  dataset: raw.csv\nunused: 1\n',
  'config/extra.json': '{"extra": {"ratio": 1.0, "n": 3}}\n',
  'config/tool.toml': '[tool]\nthreshold = 0.5\nretries = 2\n',
  'dvc.yaml': [
    'vars:',
    '  - config/shared.yaml:shared',
    '  - config/extra.json',
    '  - config/tool.toml',
    '  - inline: {who: lens, count: 2}',
    'stages:',
    '  plain:',
    '    cmd: echo ${train.lr} ${train.epochs} ${inline.who} ${shared.seed} ${extra.ratio} ${tool.threshold}',
    '  args:',
    '    cmd: python train.py ${train}',
    '  listcmd:',
    '    cmd:',
    '      - echo first ${train.layers[0]}',
    '      - echo second ${train.layers.1} \\${literal}',
    '  scalars:',
    '    foreach: [us, 1, 2.0, true, null, 1e-05]',
    '    do:',
    '      cmd: echo ${item}',
    '  dicts:',
    '    foreach:',
    '      - {name: a, size: 1}',
    '      - {name: b, size: 2}',
    '    do:',
    '      cmd: echo ${item.name} ${item.size}',
    '  bykey:',
    '    foreach:',
    '      small: {n: 1}',
    '      large: {n: 100}',
    '    do:',
    '      cmd: echo ${key} ${item.n}',
    '  regions:',
    '    foreach: ${regions}',
    '    do:',
    '      cmd: echo region ${item}',
    '  models:',
    '    foreach: ${models}',
    '    do:',
    '      cmd: echo ${key} has ${item.layers} layers',
    '  flags:',
    '    foreach: ${flags}',
    '    do:',
    '      cmd: echo flag ${item}',
    '  grid:',
    '    matrix:',
    '      model: [cnn, xgb]',
    '      lr: ${lrs}',
    '    cmd: echo ${item.model} ${item.lr} ${key}',
    '  configs:',
    '    matrix:',
    '      cfg: [{depth: 1}, {depth: 2}]',
    '      on: [true, false]',
    '    cmd: echo depth ${item.cfg.depth} ${item.on}',
    '  staged:',
    '    wdir: config',
    '    vars: [local.yaml]',
    '    cmd: echo ${local_value}',
    '',
  ].join('\n'),
  'config/local.yaml': 'local_value: from-wdir\n',
  'sub/params.yaml': 'subvalue: 5\nitems: [x, y]\n',
  'sub/dvc.yaml': [
    'stages:',
    '  train:',
    '    cmd: echo sub ${subvalue}',
    '  each:',
    '    foreach: ${items}',
    '    do:',
    '      cmd: echo each ${item}',
    '',
  ].join('\n'),
  'sub/deep/dvc.yaml': [
    'stages:',
    '  pair:',
    '    matrix:',
    '      a: [1, 2]',
    '      b: [x]',
    '    cmd: echo ${item.a}${item.b}',
    '',
  ].join('\n'),
  'data.txt': 'some data\n',
};

void test('generated repository: names and resolved commands match DVC', async () => {
  const repo = await makeDvcRepo();
  try {
    await writeFiles(repo.dir, generatedRepo);
    await dvc(repo.dir, ['add', '-q', 'data.txt']);
    await git(repo.dir, ['add', '-A']);
    await git(repo.dir, [...gitIdentityArgs, 'commit', '-q', '-m', 'pipelines']);

    const pipelines = await readPipelines(repo.dir);
    assert.deepEqual(
      pipelines.flatMap((pipeline) => pipeline.problems),
      [],
    );
    const ours = pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => stage.qualifiedName));
    assert.equal(new Set(ours).size, ours.length, 'no duplicate names');
    const theirs = await dvcStageNames(repo.dir);
    assert.deepEqual(sorted(ours), sorted(theirs));
    // Spot checks of the naming rules, so a change of DVC's rules shows up as a readable diff.
    for (const name of [
      'scalars@2.0',
      'scalars@None',
      'scalars@1e-05',
      'dicts@1',
      'bykey@large',
      'models@xgb',
      'flags@True',
      'grid@xgb-1.0',
      'configs@cfg1-false',
      'sub/dvc.yaml:each@y',
      'sub/deep/dvc.yaml:pair@2-x',
    ]) {
      assert.ok(theirs.includes(name), `DVC lists ${name}`);
    }

    const dvcCommands = await dvcResolvedCommands(repo.dir);
    assert.deepEqual(sorted(dvcCommands.keys()), sorted(ours));
    const ourByName = ourCommands(pipelines);
    for (const [name, command] of dvcCommands)
      assert.equal(ourByName.get(name), command, `command of ${name}`);
  } finally {
    await repo.cleanup();
  }
});

void test('demo project: names and commands match DVC', async () => {
  const repo = await makeDemoRepo();
  try {
    const pipelines = await readPipelines(repo.dir);
    assert.deepEqual(
      pipelines.flatMap((pipeline) => pipeline.problems),
      [],
    );
    const ours = pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => stage.qualifiedName));
    assert.deepEqual(sorted(ours), sorted(await dvcStageNames(repo.dir)));
    const ourByName = ourCommands(pipelines);
    for (const [name, command] of await dvcResolvedCommands(repo.dir))
      assert.equal(ourByName.get(name), command, `command of ${name}`);
  } finally {
    await repo.cleanup();
  }
});
