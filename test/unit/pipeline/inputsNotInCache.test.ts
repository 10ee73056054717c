import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePipeline } from '../../../src/core/pipeline';
import { inputsNotInCache } from '../../../src/core/dag/inputsNotInCache';

const pipeline = parsePipeline({
  file: 'dvc.yaml',
  text: [
    'stages:',
    '  prepare:',
    '    cmd: p',
    '    deps: [src/prepare.py, data/data.xml, data/labels.csv]',
    '    outs: [data/prepared]',
    '  train:',
    '    cmd: t',
    '    deps: [src/train.py, data/prepared]',
    '    outs: [model.json]',
    '',
  ].join('\n'),
  paramsFiles: new Map(),
});
const notInCache = ['data/data.xml', 'data/labels.csv', 'data/prepared/', 'model.json'].map((path) =>
  path.replace(/\/$/, ''),
);

void test("a run's inputs not in the local cache: its own deps, and upstream ones when upstream runs too", () => {
  assert.deepEqual(inputsNotInCache([pipeline], ['train'], false, notInCache), ['data/prepared']);
  assert.deepEqual(inputsNotInCache([pipeline], ['train'], true, notInCache), [
    'data/data.xml',
    'data/labels.csv',
    'data/prepared',
  ]);
  assert.deepEqual(inputsNotInCache([pipeline], ['prepare'], true, ['data/prepared/train.csv']), []);
  assert.deepEqual(inputsNotInCache([pipeline], ['train'], false, ['data/prepared/train.csv']), [
    'data/prepared',
  ]);
});
