import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePipeline, pipelineParamsFiles } from '../../../src/core/pipeline';
import { parseParamsFile } from '../../../src/core/pipeline/paramsFile';
import { flattenValues, tooDeepValue } from '../../../src/core/experiments/flattenValues';
import { MAX_NESTING_DEPTH } from '../../../src/core/parseLimits/parseLimits';
import { parseWorkspacePipeline } from '../../../src/core/pipeline/workspacePipeline';
import { aliasBomb, aliasBombDvcYaml, deepJson, deepVarsDvcYaml, largeParamsYaml } from './hostileDocuments';

function parse(text: string, file = 'dvc.yaml', params = new Map<string, string | undefined>()) {
  pipelineParamsFiles(text, file);
  return parsePipeline({ file, text, paramsFiles: params });
}

void test('an alias bomb in vars is refused fast, with its message at the file', () => {
  const started = performance.now();
  const pipeline = parse(aliasBombDvcYaml(9, 9));
  assert.ok(performance.now() - started < 2000, 'refused within 2 s');
  assert.equal(pipeline.stages.length, 0);
  assert.equal(pipeline.problems.length, 1);
  assert.match(pipeline.problems[0]?.message ?? '', /^'dvc\.yaml' has too many aliases/);
  assert.equal(pipeline.problems[0]?.severity, 'error');
});

void test('an alias bomb in params.yaml is refused; the dvc.yaml says params.yaml cannot be read', () => {
  const params = parseParamsFile('params.yaml', aliasBomb(9, 9));
  assert.equal(params.values, undefined);
  assert.match(params.problems[0]?.message ?? '', /too many aliases/);
  const pipeline = parse(
    'stages:\n  a:\n    cmd: echo a\n',
    'dvc.yaml',
    new Map([['params.yaml', aliasBomb(9, 9)]]),
  );
  assert.deepEqual(
    pipeline.stages.map((stage) => stage.name),
    ['a'],
  );
  assert.ok(
    pipeline.problems.some(
      (problem) => problem.file === 'params.yaml' && /too many aliases/.test(problem.message),
    ),
  );
});

void test('a few aliases to shared defaults are read as before', () => {
  const text = 'base: &base {lr: 0.1, epochs: 3}\ntrain: *base\nfine: {<<: *base, lr: 0.01}\n';
  const params = parseParamsFile('params.yaml', text);
  assert.deepEqual(params.problems, []);
  assert.equal(params.values?.size, 3);
});

void test('an alias inside the node it names is refused, not followed forever', () => {
  const params = parseParamsFile('params.yaml', 'a: &a\n  b: *a\n');
  assert.equal(params.values, undefined);
  assert.match(params.problems[0]?.message ?? '', /refers to a node that contains it/);
});

void test('vars nested 2,000 deep give a "nested deeper than" error; other pipelines still parse', () => {
  const deep = parse(deepVarsDvcYaml(2000), 'deep/dvc.yaml');
  assert.equal(deep.stages.length, 0);
  assert.match(deep.problems[0]?.message ?? '', new RegExp(`nested deeper than ${MAX_NESTING_DEPTH} levels`));
  const other = parse('stages:\n  ok:\n    cmd: echo ok\n', 'other/dvc.yaml');
  assert.deepEqual(
    other.stages.map((stage) => stage.name),
    ['ok'],
  );
  assert.deepEqual(other.problems, []);
});

void test('nesting just inside the budget is read', () => {
  const pipeline = parse(deepVarsDvcYaml(MAX_NESTING_DEPTH - 5));
  assert.deepEqual(pipeline.problems, []);
  assert.equal(pipeline.stages.length, 1);
});

void test('JSON and TOML params nested 20,000 deep are refused without a stack overflow', () => {
  const json = parseParamsFile('params.json', deepJson(20_000));
  assert.match(json.problems[0]?.message ?? '', /nested deeper than|nested too deeply/);
  const toml = parseParamsFile('params.toml', `a = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
  assert.equal(toml.values, undefined);
  const tables = parseParamsFile(
    'params.toml',
    `[${Array.from({ length: 2000 }, (_, index) => `k${index}`).join('.')}]\nx = 1\n`,
  );
  assert.match(tables.problems[0]?.message ?? '', /nested deeper than/);
});

void test('a params file over the size budget is refused with the size, without being parsed', () => {
  const started = performance.now();
  const params = parseParamsFile('params.yaml', largeParamsYaml(5));
  assert.ok(performance.now() - started < 2000);
  assert.match(
    params.problems[0]?.message ?? '',
    /^'params\.yaml' is larger than 4 MB \(\d+\.\d MB\): DVC Lens reads it through DVC only$/,
  );
});

void test('a file too large to read is reported at the file; the dvc.yaml is still read', () => {
  const pipeline = parseWorkspacePipeline({
    file: 'dvc.yaml',
    dvcYaml: { kind: 'bytes', bytes: new TextEncoder().encode('stages:\n  a:\n    cmd: echo a\n') },
    paramsFiles: new Map([['params.yaml', { kind: 'tooLarge', size: 50 * 1024 * 1024 }]]),
    dvcLock: { kind: 'missing' },
  });
  assert.deepEqual(
    pipeline.stages.map((stage) => stage.name),
    ['a'],
  );
  assert.deepEqual(
    pipeline.problems.map((problem) => `${problem.file}: ${problem.message}`),
    ["params.yaml: 'params.yaml' is larger than 4 MB (50.0 MB): DVC Lens reads it through DVC only"],
  );
});

void test('metrics nested 20,000 deep flatten without a stack overflow, cut at the nesting budget', () => {
  let data: Record<string, unknown> = { loss: 0.5 };
  for (let level = 0; level < 20_000; level++) data = { a: data };
  const flat = flattenValues({ ...data, acc: 0.9 });
  assert.equal(flat.acc, 0.9);
  const [deepKey, deepValue] = Object.entries(flat)[0] ?? [];
  assert.equal(deepValue, tooDeepValue);
  assert.equal(deepKey?.split('.').length, MAX_NESTING_DEPTH + 1);
  let list: unknown = 1;
  for (let level = 0; level < 20_000; level++) list = [list];
  assert.doesNotThrow(() => flattenValues({ list }));
});
