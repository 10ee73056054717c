import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pipelineParamsFiles } from '../../../src/core/pipeline';
import { parseParamsFile } from '../../../src/core/pipeline/paramsFile';
import { PythonFloat } from '../../../src/core/pipeline/paramValue';
import { commands, dedent, parse, problemLines } from './pipelineFixture';

void test('pipelineParamsFiles always names params.yaml (DVC loads it whenever it exists), then vars files', () => {
  assert.deepEqual(pipelineParamsFiles('stages:\n  a:\n    cmd: echo\n'), ['params.yaml']);
  assert.deepEqual(pipelineParamsFiles(''), ['params.yaml']);
  assert.deepEqual(
    pipelineParamsFiles(
      dedent(`
        vars:
          - conf/a.yaml
          - ./b.json:x,y
          - {inline: 1}
          - conf/a.yaml:z
        stages:
          s:
            wdir: sub
            vars: [local.toml]
            cmd: echo
          g:
            foreach: [1]
            do:
              vars: [../up.yaml]
              cmd: echo
      `),
    ),
    ['params.yaml', 'conf/a.yaml', 'b.json', 'sub/local.toml', '../up.yaml'],
  );
  assert.deepEqual(pipelineParamsFiles('not: [valid'), ['params.yaml']);
});

void test('params files in YAML, JSON and TOML interpolate alike (int vs float kept)', () => {
  const text =
    'vars:\n  - p.json\n  - p.toml\nstages:\n  s:\n    cmd: echo ${y.a} ${y.b} ${j.a} ${j.b} ${t.a} ${t.b} ${t.s.x}\n';
  const pipeline = parse(text, {
    'params.yaml': 'y:\n  a: 1\n  b: 1.0\n',
    'p.json': '{"j": {"a": 1, "b": 1.0}}',
    'p.toml': '[t]\na = 1\nb = 1.0\n[t.s]\nx = "toml"\n',
  });
  assert.deepEqual(pipeline.problems, []);
  assert.equal(commands(pipeline).s, 'echo 1 1.0 1 1.0 1 1.0 toml');
});

void test('params files with syntax errors are reported in that file, at its line', () => {
  const pipeline = parse('vars: [bad.json, bad.toml]\nstages:\n  s:\n    cmd: echo ${x}\n', {
    'params.yaml': 'x: [1\n',
    'bad.json': '{"a": }',
    'bad.toml': 'a = 1\nb = = 2\n',
  });
  const byFile = pipeline.problems
    .filter((problem) => problem.file !== 'dvc.yaml')
    .map((problem) => `${problem.file}:${problem.range.startLine + 1}`);
  assert.deepEqual(byFile, ['params.yaml:2', 'bad.json:1', 'bad.toml:2']);
});

void test('a params file that is not a mapping is an error', () => {
  const result = parseParamsFile('list.yaml', '- a\n- b\n');
  assert.equal(result.values, undefined);
  assert.match(result.problems[0]?.message ?? '', /must hold a mapping/);
});

void test('Python params files are a warning, not a crash', () => {
  const pipeline = parse('vars: [params.py]\nstages:\n  s:\n    cmd: echo\n', { 'params.py': 'LR = 0.1\n' });
  assert.deepEqual(
    pipeline.problems.map((problem) => [problem.severity, problem.file]),
    [['warning', 'params.py']],
  );
  assert.match(pipeline.problems[0]?.message ?? '', /not supported/);
});

void test('problems in params files of nested pipelines carry repository-relative paths', () => {
  const pipeline = parse('stages:\n  s:\n    cmd: echo ${x}\n', { 'params.yaml': 'x: [\n' }, 'sub/dvc.yaml');
  assert.equal(pipeline.problems[0]?.file, 'sub/params.yaml');
});

void test('values keep their kinds: ints, floats, booleans, null, nested', () => {
  const { values } = parseParamsFile(
    'p.yaml',
    'i: 3\nf: 3.0\ne: 1e-3\nb: true\nn: ~\nl: [1, x]\nm: {k: v}\n',
  );
  assert.equal(values?.get('i'), 3);
  assert.deepEqual(values?.get('f'), new PythonFloat(3));
  assert.deepEqual(values?.get('e'), new PythonFloat(0.001));
  assert.equal(values?.get('b'), true);
  assert.equal(values?.get('n'), null);
  assert.deepEqual(values?.get('l'), [1, 'x']);
  assert.deepEqual(values?.get('m'), new Map([['k', 'v']]));
});

void test('a broken params.yaml is reported even when nothing is interpolated (DVC fails the dvc.yaml)', () => {
  const pipeline = parse('stages:\n  s:\n    cmd: echo\n', { 'params.yaml': '- not\n- a mapping\n' });
  assert.deepEqual(
    pipeline.problems.map((problem) => [problem.file, problem.message]),
    [['params.yaml', "'params.yaml' must hold a mapping of names to values, not a list"]],
  );
});

void test('a missing default params.yaml is fine until a value is needed', () => {
  assert.deepEqual(problemLines(parse('stages:\n  s:\n    cmd: echo ${x}\n')), [
    `3:Stage "s": cannot resolve '\${x}' in 'cmd': 'x' is not defined`,
  ]);
});
