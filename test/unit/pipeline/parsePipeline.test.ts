import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedent, labels, parse, stage, stageNames } from './pipelineFixture';

const demo = dedent(`
  stages:
    prepare:
      desc: Split the rows.
      cmd: python3 src/prepare.py data/raw.csv data/prepared
      deps:
        - src/prepare.py
        - data/raw.csv
      params:
        - prepare.seed
      outs:
        - data/prepared
    train:
      cmd:
        - python3 src/train.py
        - echo done
      deps: [data/prepared]
      params:
        - train
        - other.yaml:
            - lr
            - model.depth
        - whole.toml:
      outs:
        - model.json:
            cache: false
            persist: true
      metrics:
        - metrics.json:
            cache: false
        - scores.json
      plots:
        - plots/loss.csv:
            x: epoch
            y: loss
        - plots/roc.json
      frozen: true
      always_changed: true
      meta: { owner: me }
  plots:
    - ROC:
        x: fpr
        y:
          plots/roc.json: tpr
    - plots/loss.csv
`);

void test('reads stages with their 0-based key ranges', () => {
  const pipeline = parse(demo);
  assert.deepEqual(stageNames(pipeline), ['prepare', 'train']);
  assert.deepEqual(pipeline.problems, []);
  assert.deepEqual(stage(pipeline, 'prepare').range, {
    startLine: 1,
    startCharacter: 2,
    endLine: 1,
    endCharacter: 9,
  });
  assert.deepEqual(stage(pipeline, 'train').range, {
    startLine: 11,
    startCharacter: 2,
    endLine: 11,
    endCharacter: 7,
  });
  assert.equal(stage(pipeline, 'train').qualifiedName, 'train');
  assert.equal(stage(pipeline, 'train').definitionName, 'train');
});

void test('reads desc, frozen and always_changed', () => {
  const pipeline = parse(demo);
  assert.equal(stage(pipeline, 'prepare').description, 'Split the rows.');
  assert.equal(stage(pipeline, 'prepare').frozen, false);
  assert.equal(stage(pipeline, 'train').frozen, true);
  assert.equal(stage(pipeline, 'train').alwaysChanged, true);
});

void test('reads cmd as a string or a list, each with its range', () => {
  const pipeline = parse(demo);
  assert.deepEqual(labels(stage(pipeline, 'prepare'), 'cmd'), [
    'python3 src/prepare.py data/raw.csv data/prepared',
  ]);
  const trainCommands = stage(pipeline, 'train').items.filter((item) => item.kind === 'cmd');
  assert.deepEqual(
    trainCommands.map((item) => [item.label, item.range.startLine, item.range.startCharacter]),
    [
      ['python3 src/train.py', 13, 8],
      ['echo done', 14, 8],
    ],
  );
});

void test('reads deps, outs (string and dict form), metrics and plots with paths', () => {
  const train = stage(parse(demo), 'train');
  assert.deepEqual(labels(train, 'dep'), ['data/prepared']);
  assert.deepEqual(labels(train, 'out'), ['model.json']);
  assert.deepEqual(labels(train, 'metric'), ['metrics.json', 'scores.json']);
  assert.deepEqual(labels(train, 'plot'), ['plots/loss.csv', 'plots/roc.json']);
  const out = train.items.find((item) => item.kind === 'out');
  assert.equal(out?.path, 'model.json');
  assert.deepEqual(out?.range, { startLine: 23, startCharacter: 8, endLine: 23, endCharacter: 18 });
});

void test('reads params: default-file keys, whole sections, file:key dicts and whole files', () => {
  const train = stage(parse(demo), 'train');
  const params = train.items
    .filter((item) => item.kind === 'param')
    .map(({ label, path, paramKey }) => ({ label, path, paramKey }));
  assert.deepEqual(params, [
    { label: 'train', path: 'params.yaml', paramKey: 'train' },
    { label: 'other.yaml:lr', path: 'other.yaml', paramKey: 'lr' },
    { label: 'other.yaml:model.depth', path: 'other.yaml', paramKey: 'model.depth' },
    { label: 'whole.toml', path: 'whole.toml', paramKey: undefined },
  ]);
  assert.deepEqual(labels(stage(parse(demo), 'prepare'), 'param'), ['prepare.seed']);
});

void test('reads top-level plots onto the pipeline, not as a stage', () => {
  const pipeline = parse(demo);
  assert.deepEqual(
    pipeline.plots?.map(({ label, path }) => ({ label, path })),
    [
      { label: 'ROC', path: undefined },
      { label: 'plots/loss.csv', path: 'plots/loss.csv' },
    ],
  );
});

void test('makes paths relative to the dvc.yaml folder through wdir', () => {
  const pipeline = parse(
    dedent(`
      stages:
        fit:
          wdir: ../src
          cmd: python fit.py
          deps: [fit.py, ../data/x.csv, s3://bucket/raw.csv]
          params: [lr]
    `),
    {},
    'pipelines/a/dvc.yaml',
  );
  const fit = stage(pipeline, 'fit');
  assert.deepEqual(
    fit.items.filter((item) => item.kind !== 'cmd').map((item) => item.path),
    ['../src/fit.py', '../data/x.csv', 's3://bucket/raw.csv', '../src/params.yaml'],
  );
});

void test('qualifies names of pipelines in subfolders like `dvc stage list --all`', () => {
  const text = 'stages:\n  train:\n    cmd: echo\n';
  assert.equal(parse(text, {}, 'dvc.yaml').stages[0]?.qualifiedName, 'train');
  assert.equal(parse(text, {}, 'sub/dvc.yaml').stages[0]?.qualifiedName, 'sub/dvc.yaml:train');
  assert.equal(parse(text, {}, './a/b/dvc.yaml').stages[0]?.qualifiedName, 'a/b/dvc.yaml:train');
  assert.equal(parse(text, {}, './a/b/dvc.yaml').file, 'a/b/dvc.yaml');
});

void test('follows YAML anchors and merge keys, as DVC loader does', () => {
  const pipeline = parse(
    dedent(`
      stages:
        base: &base
          cmd: echo base
          deps: [shared.txt]
        child:
          <<: *base
          cmd: echo child
    `),
  );
  assert.deepEqual(pipeline.problems, []);
  assert.deepEqual(labels(stage(pipeline, 'child'), 'cmd'), ['echo child']);
  assert.deepEqual(labels(stage(pipeline, 'child'), 'dep'), ['shared.txt']);
});

void test('an empty dvc.yaml is an empty pipeline', () => {
  assert.deepEqual(parse(''), { file: 'dvc.yaml', stages: [], problems: [] });
  assert.deepEqual(parse('# nothing yet\n').stages, []);
});
