import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyzePipeline,
  dependencyPaths,
  producedPaths,
  stageParamsFiles,
  type PipelineAnalysisInput,
} from '../../../src/core/pipeline/analysis';
import { dedent, parse } from '../pipeline/pipelineFixture';

const dvcYaml = dedent(`
  stages:
    prepare:
      cmd: python prepare.py
      deps:
        - data/raw.csv
        - prepare.py
      outs:
        - data/prepared
    train:
      cmd: python train.py
      deps:
        - data/prepared/train.csv
        - data/features.csv
      params:
        - train.epochs
        - train.missing
        - config.json:
            - model.depth
        - absent.yaml:
            - lr
      outs:
        - model.pkl
`);

function input(overrides: Partial<PipelineAnalysisInput> = {}): PipelineAnalysisInput {
  const pipeline = parse(dvcYaml, {}, 'dvc.yaml');
  return {
    existingPaths: new Set(['data/raw.csv', 'prepare.py']),
    paramsFiles: new Map<string, string | undefined>([
      ['params.yaml', 'train:\n  epochs: 10\n'],
      ['config.json', '{"model": {"depth": 3}}'],
      ['absent.yaml', undefined],
    ]),
    producedPaths: producedPaths([pipeline]),
    ...overrides,
  };
}

function messages(problems: ReturnType<typeof analyzePipeline>): string[] {
  return problems.map((problem) => `${problem.range.startLine}:${problem.severity}:${problem.message}`);
}

void test('a missing dep nothing produces is a warning; one an upstream stage writes is not', () => {
  const pipeline = parse(dvcYaml);
  const problems = analyzePipeline(pipeline, input());
  const deps = messages(problems).filter((line) => line.includes('Dependency'));
  assert.deepEqual(deps, [
    "12:warning:Dependency 'data/features.csv' does not exist yet; no stage produces it (add the file, or a stage with it in 'outs')",
  ]);
});

void test('a missing params key is an error at the key naming file and key; a missing params file too', () => {
  const problems = analyzePipeline(parse(dvcYaml), input());
  const params = messages(problems).filter((line) => !line.includes('Dependency'));
  assert.deepEqual(params, [
    "15:error:Params key 'train.missing' is not in 'params.yaml'",
    "19:error:Params file 'absent.yaml' does not exist",
  ]);
  assert.ok(problems.every((problem) => problem.file === 'dvc.yaml'));
});

void test('a missing params.yaml is an error for each key naming it', () => {
  const problems = analyzePipeline(
    parse(dvcYaml),
    input({ paramsFiles: new Map([['params.yaml', undefined]]) }),
  );
  assert.deepEqual(
    messages(problems).filter((line) => line.includes('Params')),
    [
      "14:error:Params file 'params.yaml' does not exist",
      "15:error:Params file 'params.yaml' does not exist",
    ],
  );
});

void test('pipelines in subfolders work with repository-relative paths', () => {
  const text = dedent(`
    stages:
      fit:
        cmd: python fit.py
        wdir: src
        deps:
          - ../data/in.csv
          - ../../outside.csv
        params:
          - lr
  `);
  const pipeline = parse(text, {}, 'sub/dvc.yaml');
  assert.deepEqual(dependencyPaths(pipeline), ['sub/data/in.csv', 'outside.csv']);
  assert.deepEqual(stageParamsFiles(pipeline), ['sub/src/params.yaml']);
  const problems = analyzePipeline(pipeline, {
    existingPaths: new Set(['outside.csv']),
    paramsFiles: new Map([['sub/src/params.yaml', 'lr: 0.1\n']]),
    producedPaths: ['sub/data'],
  });
  assert.deepEqual(problems, []);
});

void test('foreach stages report a template problem once; interpolated and URL deps are skipped', () => {
  const text = dedent(`
    stages:
      build:
        foreach: [us, eu]
        do:
          cmd: make \${item}
          deps:
            - missing.csv
            - https://example.com/data.csv
          params:
            - nope
  `);
  const problems = analyzePipeline(parse(text), {
    existingPaths: new Set(),
    paramsFiles: new Map([['params.yaml', 'a: 1\n']]),
    producedPaths: [],
  });
  assert.deepEqual(
    problems.map((problem) => problem.message.split(';')[0]),
    ["Dependency 'missing.csv' does not exist yet", "Params key 'nope' is not in 'params.yaml'"],
  );
});

void test('params files that were not read, or are Python, are not judged', () => {
  const problems = analyzePipeline(parse(dvcYaml), input({ paramsFiles: new Map() }));
  assert.ok(problems.every((problem) => problem.message.startsWith('Dependency')));
});
