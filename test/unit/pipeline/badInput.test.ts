import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePipeline } from '../../../src/core/pipeline';
import { dedent, parse, problemLines, stageNames } from './pipelineFixture';

void test('a YAML syntax error is reported at its line; stages before it are still read', () => {
  const pipeline = parse('stages:\n  ok:\n    cmd: echo ok\n  broken:\n    cmd: "unterminated\n');
  assert.ok(stageNames(pipeline).includes('ok'));
  const syntax = pipeline.problems.filter((problem) => problem.message.startsWith('YAML syntax error'));
  assert.ok(syntax.length > 0);
  assert.equal(syntax[0]?.severity, 'error');
  assert.equal(syntax[0]?.range.startLine, 4);
});

void test('garbage that is not YAML does not throw', () => {
  for (const text of [
    '{{{{',
    ': : :',
    '\t- x\n\t  y: [',
    '- a\n- b\n',
    '42',
    '"just a string"',
    'stages: 3',
  ]) {
    assert.doesNotThrow(() => parsePipeline({ file: 'dvc.yaml', text, paramsFiles: new Map() }), text);
    assert.ok(parse(text).problems.length > 0, text);
  }
});

void test('repeated keys are a YAML error at the repeat; the stage is listed once', () => {
  const pipeline = parse('stages:\n  a:\n    cmd: x\n    cmd: y\n  a:\n    cmd: z\n  b:\n    cmd: w\n');
  assert.deepEqual(stageNames(pipeline), ['a', 'b']);
  assert.deepEqual(problemLines(pipeline), [
    "5:YAML syntax error: Map keys must be unique ('a' repeats)",
    "4:YAML syntax error: Map keys must be unique ('cmd' repeats)",
  ]);
});

void test('stages written as a list', () => {
  assert.deepEqual(problemLines(parse('stages:\n  - a\n')), [
    "2:'stages' must be a mapping of stage names to definitions, not a list",
  ]);
});

void test('cmd missing, cmd a number, deps a string, frozen not a boolean', () => {
  const pipeline = parse(
    dedent(`
      stages:
        train:
          deps: [x]
        count:
          cmd: 3
        copy:
          cmd: cp a b
          deps: a
          frozen: yes
    `),
  );
  assert.deepEqual(stageNames(pipeline), ['train', 'count', 'copy']);
  assert.deepEqual(problemLines(pipeline), [
    `2:Stage "train": 'cmd' is missing`,
    `5:Stage "count": 'cmd' must be a string or a list of strings, not a number`,
    `8:Stage "copy": 'deps' must be a list of paths, not a string`,
    `9:Stage "copy": 'frozen' must be true or false, not a string`,
  ]);
  const missing = pipeline.problems[0];
  assert.deepEqual(missing?.range, { startLine: 1, startCharacter: 2, endLine: 1, endCharacter: 7 });
});

void test('foreach over a missing variable names it, at the foreach value', () => {
  const pipeline = parse('stages:\n  build:\n    foreach: ${regions}\n    do:\n      cmd: echo ${item}\n');
  assert.deepEqual(pipeline.stages, []);
  assert.deepEqual(problemLines(pipeline), [
    `3:Stage "build": cannot resolve '\${regions}' in 'foreach': 'regions' is not defined`,
  ]);
  assert.deepEqual(pipeline.problems[0]?.range, {
    startLine: 2,
    startCharacter: 13,
    endLine: 2,
    endCharacter: 23,
  });
});

void test('foreach over a scalar, foreach without do', () => {
  const pipeline = parse('stages:\n  a:\n    foreach: 3\n    do:\n      cmd: echo\n  b:\n    foreach: [x]\n');
  assert.deepEqual(problemLines(pipeline), [
    `3:Stage "a": 'foreach' must be a list or a dictionary (got int)`,
    `6:Stage "b": 'do' is missing`,
  ]);
});

void test('unknown top-level key', () => {
  const pipeline = parse('foo: 1\nstages:\n  a:\n    cmd: echo\n');
  assert.deepEqual(stageNames(pipeline), ['a']);
  assert.deepEqual(problemLines(pipeline), [
    "1:Unknown top-level key 'foo' (dvc.yaml takes stages, vars, params, metrics, plots, artifacts, datasets)",
  ]);
});

void test('interpolating an unknown key points at the ${...} itself', () => {
  const pipeline = parse('stages:\n  a:\n    cmd: echo ${nope.x} done\n');
  assert.deepEqual(problemLines(pipeline), [
    `3:Stage "a": cannot resolve '\${nope.x}' in 'cmd': 'nope.x' is not defined`,
  ]);
  assert.deepEqual(pipeline.problems[0]?.range, {
    startLine: 2,
    startCharacter: 14,
    endLine: 2,
    endCharacter: 23,
  });
  assert.deepEqual(
    pipeline.stages[0]?.items.map((item) => item.label),
    ['echo ${nope.x} done'],
  );
});

void test('an invalid expression is reported', () => {
  const pipeline = parse('stages:\n  a:\n    cmd: echo ${a..b}\n');
  assert.match(
    pipeline.problems[0]?.message ?? '',
    /^Stage "a": cannot resolve '\$\{a\.\.b\}' in 'cmd': invalid expression/,
  );
});

void test("a stage name with '@' cannot be addressed by DVC", () => {
  assert.deepEqual(problemLines(parse('stages:\n  a@b:\n    cmd: echo\n')), [
    `2:Stage "a@b": a stage name cannot contain '@'`,
  ]);
});

void test('vars with interpolation, and vars that are not a list', () => {
  assert.deepEqual(problemLines(parse('vars:\n  - x: ${y}\nstages:\n  a:\n    cmd: echo\n')), [
    "2:'vars' cannot use ${...} interpolation",
  ]);
  assert.deepEqual(problemLines(parse('vars: params.yaml\nstages:\n  a:\n    cmd: echo\n')), [
    "1:'vars' must be a list of file names and mappings, not a string",
  ]);
});

void test('options of outs and plots are checked', () => {
  const pipeline = parse(
    'stages:\n  a:\n    cmd: echo\n    outs:\n      - x:\n          cache: no\n          colour: red\n      - y:\n',
  );
  assert.deepEqual(problemLines(pipeline), [
    "6:Stage \"a\": option 'cache' of 'x' must be true or false",
    "7:Stage \"a\": unknown option 'colour' for 'x' in 'outs'",
    "8:Stage \"a\": the options of 'y' in 'outs' must be a mapping (like 'cache: false'), not null",
  ]);
});
