import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands, dedent, parse, problemLines, stage, stageNames } from './pipelineFixture';

// Expected names were recorded from `dvc stage list --all --name-only` of DVC 3.67.1 on the same dvc.yaml.

void test('foreach over a list of scalars: name@value with Python str()', () => {
  const pipeline = parse(
    dedent(`
      stages:
        scal:
          foreach: [us, 1, 2.0, true, null, 1e-05, 1.5e3, us]
          do:
            cmd: echo \${item}
    `),
  );
  assert.deepEqual(stageNames(pipeline), [
    'scal@us',
    'scal@1',
    'scal@2.0',
    'scal@true',
    'scal@None',
    'scal@1e-05',
    'scal@1500.0',
  ]);
  assert.deepEqual(commands(pipeline)['scal@2.0'], 'echo 2.0');
  const generated = stage(pipeline, 'scal@us');
  assert.equal(generated.definitionName, 'scal');
  assert.deepEqual(generated.range, { startLine: 1, startCharacter: 2, endLine: 1, endCharacter: 6 });
  assert.equal(generated.items[0]?.range.startLine, 4);
});

void test('foreach over a list holding dicts or lists: name@index', () => {
  const pipeline = parse(
    dedent(`
      stages:
        lod:
          foreach:
            - {a: 1, b: x}
            - {a: 2, b: y}
          do:
            cmd: echo \${item.a} \${item[b]}
        mixed:
          foreach: [x, [1, 2], y]
          do:
            cmd: echo \${item}
    `),
  );
  assert.deepEqual(stageNames(pipeline), ['lod@0', 'lod@1', 'mixed@0', 'mixed@1', 'mixed@2']);
  assert.deepEqual(commands(pipeline)['lod@1'], 'echo 2 y');
  // DVC refuses to put the list item into a string; so do we, for that one stage only.
  assert.deepEqual(problemLines(pipeline), [
    `11:Stage "mixed@1": cannot resolve '\${item}' in 'cmd': cannot interpolate a list ('\${item}') into a command`,
  ]);
});

void test('foreach over a dict: name@key, with ${key} and ${item}', () => {
  const pipeline = parse(
    dedent(`
      stages:
        dct:
          foreach:
            us: {n: 1}
            eu: {n: 2}
          do:
            cmd: echo \${key} \${item.n}
        ints:
          foreach: {1: a, 2: b}
          do:
            cmd: echo \${key} \${item}
    `),
  );
  assert.deepEqual(commands(pipeline), {
    'dct@us': 'echo us 1',
    'dct@eu': 'echo eu 2',
    'ints@1': 'echo 1 a',
    'ints@2': 'echo 2 b',
  });
});

void test('foreach over a variable (params.yaml or vars): booleans from variables are True/False', () => {
  const pipeline = parse(
    dedent(`
      vars:
        - shapes: [{w: 1}, {w: 3}]
      stages:
        regions:
          foreach: \${regions}
          do:
            cmd: echo \${item}
        models:
          foreach: \${models}
          do:
            cmd: echo \${key} \${item.layers}
        shapes:
          foreach: \${shapes}
          do:
            cmd: echo \${item.w}
        flags:
          foreach: \${flags}
          do:
            cmd: echo \${item}
        literal:
          foreach: [true, false]
          do:
            cmd: echo \${item}
    `),
    {
      'params.yaml':
        'regions: [us, eu]\nmodels:\n  cnn: {layers: 2}\n  xgb: {layers: 0}\nflags: [true, false, null, 1.0]\n',
    },
  );
  assert.deepEqual(pipeline.problems, []);
  assert.deepEqual(commands(pipeline), {
    'regions@us': 'echo us',
    'regions@eu': 'echo eu',
    'models@cnn': 'echo cnn 2',
    'models@xgb': 'echo xgb 0',
    'shapes@0': 'echo 1',
    'shapes@1': 'echo 3',
    'flags@True': 'echo true',
    'flags@False': 'echo false',
    'flags@None': 'echo None',
    'flags@1.0': 'echo 1.0',
    'literal@true': 'echo true',
    'literal@false': 'echo false',
  });
});

void test('matrix: product in key order, composite values named key+index, ${item.x} and ${key}', () => {
  const pipeline = parse(
    dedent(`
      stages:
        mat:
          matrix:
            model: [cnn, xgb]
            lr: \${lrs}
          cmd: echo \${item.model} \${item.lr} \${key}
          outs:
            - \${item.model}-\${item.lr}.pkl
        matc:
          matrix:
            cfg: [{a: 1}, {a: 2}]
            b: [true, false]
          cmd: echo \${item.cfg.a}
    `),
    { 'params.yaml': 'lrs: [0.1, 1.0, 3]\n' },
  );
  assert.deepEqual(pipeline.problems, []);
  assert.deepEqual(stageNames(pipeline), [
    'mat@cnn-0.1',
    'mat@cnn-1.0',
    'mat@cnn-3',
    'mat@xgb-0.1',
    'mat@xgb-1.0',
    'mat@xgb-3',
    'matc@cfg0-true',
    'matc@cfg0-false',
    'matc@cfg1-true',
    'matc@cfg1-false',
  ]);
  assert.equal(commands(pipeline)['mat@xgb-1.0'], 'echo xgb 1.0 xgb-1.0');
  assert.deepEqual(
    stage(pipeline, 'mat@cnn-3')
      .items.filter((item) => item.kind === 'out')
      .map((item) => item.label),
    ['cnn-3.pkl'],
  );
  assert.equal(commands(pipeline)['matc@cfg1-false'], 'echo 2');
});

void test('a template mistake is reported once, not once per generated stage', () => {
  const pipeline = parse(
    'stages:\n  g:\n    foreach: [a, b, c]\n    do:\n      cmd: echo\n      bogus: 1\n      deps: x\n',
  );
  assert.deepEqual(stageNames(pipeline), ['g@a', 'g@b', 'g@c']);
  assert.deepEqual(problemLines(pipeline), [
    `6:Stage "g": unknown key 'bogus' (a stage takes cmd, wdir, deps, params, vars, frozen, desc, always_changed, outs, metrics, plots)`,
    `7:Stage "g": 'deps' must be a list of paths, not a string`,
  ]);
});
