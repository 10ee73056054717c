import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPythonFloat } from '../../../src/core/pipeline/pythonFloat';
import { shellQuote } from '../../../src/core/pipeline/commandArguments';
import { parseKeyPath } from '../../../src/core/pipeline/interpolation';
import { commands, dedent, labels, parse, problemLines, stage } from './pipelineFixture';

const params = dedent(`
  lr: 0.001
  epochs: 10
  ratio: 1.0
  big: 1e20
  tiny: 1e-05
  flag: true
  nothing: null
  train:
    lr: 0.5
    layers: [8, 4]
    name: it's big
    off: false
    nested: {depth: 3}
`);

void test('interpolates params.yaml values with Python formatting (1.0, 1e+20, true, None)', () => {
  const pipeline = parse(
    'stages:\n  s:\n    cmd: echo ${lr} ${epochs} ${ratio} ${big} ${tiny} ${flag} ${nothing} ${train.lr}\n',
    { 'params.yaml': params },
  );
  assert.deepEqual(pipeline.problems, []);
  assert.deepEqual(commands(pipeline), { s: 'echo 0.001 10 1.0 1e+20 1e-05 true None 0.5' });
});

void test('supports ${a[0]}, ${a.0}, spaces inside braces, and \\${ escapes', () => {
  const pipeline = parse(
    'stages:\n  s:\n    cmd: echo ${train.layers[0]} ${train.layers.1} ${ epochs } \\${lr} ${train.layers[-1]}\n',
    {
      'params.yaml': params,
    },
  );
  assert.deepEqual(pipeline.problems, []);
  assert.deepEqual(commands(pipeline), { s: 'echo 8 4 10 ${lr} 4' });
});

void test('a dict in cmd becomes --key value arguments, strings shell-quoted, false flags dropped', () => {
  const pipeline = parse('stages:\n  s:\n    cmd: python t.py ${train}\n', { 'params.yaml': params });
  assert.deepEqual(commands(pipeline), {
    s: "python t.py --lr 0.5 --layers 8 4 --name 'it'\"'\"'s big' --nested.depth 3",
  });
});

void test('interpolates deps, outs (keys too), params, metrics, plots, desc and wdir', () => {
  const pipeline = parse(
    dedent(`
      vars:
        - dir: data
          model: cnn
      stages:
        fit:
          desc: Fit \${model}
          wdir: \${dir}
          cmd: python fit.py
          deps:
            - \${model}.py
          params:
            - \${model}.lr
          outs:
            - \${model}.pkl:
                cache: false
          metrics:
            - \${model}.json
          plots:
            - \${model}.csv
    `),
  );
  assert.deepEqual(pipeline.problems, []);
  const fit = stage(pipeline, 'fit');
  assert.equal(fit.description, 'Fit cnn');
  assert.deepEqual(
    fit.items.map((item) => `${item.kind}:${item.label}:${item.path ?? ''}`),
    [
      'cmd:python fit.py:',
      'dep:cnn.py:data/cnn.py',
      'param:cnn.lr:data/params.yaml',
      'out:cnn.pkl:data/cnn.pkl',
      'metric:cnn.json:data/cnn.json',
      'plot:cnn.csv:data/cnn.csv',
    ],
  );
});

void test('vars: inline dicts, whole files, selected keys; params.yaml is loaded first', () => {
  const pipeline = parse(
    dedent(`
      vars:
        - config.yaml
        - more.json:sizes
        - inline: {x: 1}
      stages:
        s:
          cmd: echo \${lr} \${model.kind} \${sizes[1]} \${inline.x}
    `),
    {
      'params.yaml': params,
      'config.yaml': 'model:\n  kind: tree\n',
      'more.json': '{"sizes": [1, 2.0], "unused": 3}',
    },
  );
  assert.deepEqual(pipeline.problems, []);
  assert.deepEqual(commands(pipeline), { s: 'echo 0.001 tree 2.0 1' });
});

void test('stage-level vars are read relative to the stage wdir and do not leak to other stages', () => {
  const pipeline = parse(
    dedent(`
      stages:
        a:
          wdir: sub
          vars: [local.yaml, {extra: 2}]
          cmd: echo \${here} \${extra}
        b:
          cmd: echo \${here}
    `),
    { 'sub/local.yaml': 'here: 7\n' },
  );
  assert.deepEqual(commands(pipeline), { a: 'echo 7 2', b: 'echo ${here}' });
  assert.deepEqual(problemLines(pipeline), [
    `7:Stage "b": cannot resolve '\${here}' in 'cmd': 'here' is not defined`,
  ]);
});

void test('redefining a variable is an error, as in DVC', () => {
  const pipeline = parse('vars:\n  - {lr: 1}\nstages:\n  s:\n    cmd: echo ${lr}\n', {
    'params.yaml': params,
  });
  assert.deepEqual(problemLines(pipeline), [
    "2:'vars': cannot redefine 'lr' from 'vars[0]': it is already defined in 'params.yaml'",
  ]);
});

void test('loading a file partly after loading it whole is an error, loading it whole twice is not', () => {
  const twice = parse('vars: [params.yaml]\nstages:\n  s:\n    cmd: echo ${lr}\n', { 'params.yaml': params });
  assert.deepEqual(twice.problems, []);
  const partly = parse('vars: [params.yaml:lr]\nstages:\n  s:\n    cmd: echo ${lr}\n', {
    'params.yaml': params,
  });
  assert.deepEqual(problemLines(partly), [
    "1:'vars': cannot partially load 'params.yaml:lr' as it is already loaded",
  ]);
});

void test('a missing vars file or key is an error at the vars entry', () => {
  const pipeline = parse('vars:\n  - nope.yaml\n  - conf.yaml:missing\nstages:\n  s:\n    cmd: echo\n', {
    'conf.yaml': 'a: 1\n',
  });
  assert.deepEqual(problemLines(pipeline), [
    "2:'vars': 'nope.yaml' does not exist",
    "3:'vars': cannot find 'missing' in 'conf.yaml'",
  ]);
});

void test('lists cannot be spliced into strings, nor dicts outside cmd', () => {
  // In a YAML flow list `[${x}]` would start a mapping; DVC users write such entries in block style.
  const pipeline = parse('stages:\n  s:\n    cmd: echo ${train.layers}\n    deps:\n      - ${train}\n', {
    'params.yaml': params,
  });
  assert.deepEqual(problemLines(pipeline), [
    `3:Stage "s": cannot resolve '\${train.layers}' in 'cmd': cannot interpolate a list ('\${train.layers}') into a command`,
    `5:Stage "s": cannot resolve '\${train}' in 'deps': cannot interpolate a dict ('\${train}') into 'deps'`,
  ]);
  assert.deepEqual(labels(stage(pipeline, 's'), 'dep'), ['${train}']);
});

void test('Python float formatting', () => {
  const cases: [number, string][] = [
    [1, '1.0'],
    [0.1, '0.1'],
    [1500, '1500.0'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [123456789012345.6, '123456789012345.6'],
    [1.2345678901234568e16, '1.2345678901234568e+16'],
    [-2.5e-7, '-2.5e-07'],
    [Infinity, 'inf'],
    [-0, '-0.0'],
  ];
  for (const [value, expected] of cases) assert.equal(formatPythonFloat(value), expected, String(value));
});

void test('key paths and shell quoting', () => {
  assert.deepEqual(parseKeyPath('a.b[0].c'), { keys: ['a', 'b', '0', 'c'] });
  assert.deepEqual(parseKeyPath(' item '), { keys: ['item'] });
  assert.ok('error' in parseKeyPath('a..b'));
  assert.ok('error' in parseKeyPath(''));
  assert.equal(shellQuote('plain-path/x.csv'), 'plain-path/x.csv');
  assert.equal(shellQuote('two words'), "'two words'");
  assert.equal(shellQuote(''), "''");
});
