import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePipeline } from '../../../src/core/pipeline';
import { analyzePipeline, isProduced, producedPaths } from '../../../src/core/pipeline/analysis';
import { producedIndexOf } from '../../../src/core/pipeline/analysis/producedIndex';
import { manyStagesDvcYaml } from './hostileDocuments';

const params = `train:\n${Array.from({ length: 50 }, (_, index) => `  k${index}: ${index}`).join('\n')}\n`;

function analyzeStages(count: number): { problems: number; lookups: number } {
  const pipeline = parsePipeline({
    file: 'dvc.yaml',
    text: manyStagesDvcYaml(count),
    paramsFiles: new Map(),
  });
  assert.equal(pipeline.stages.length, count);
  const produced = producedPaths([pipeline]);
  const problems = analyzePipeline(pipeline, {
    existingPaths: new Set(Array.from({ length: count }, (_, index) => `data/in${index}.csv`)),
    paramsFiles: new Map([['params.yaml', params]]),
    producedPaths: produced,
  });
  return { problems: problems.length, lookups: producedIndexOf(produced).lookups };
}

void test('pipeline analysis does work linear in the stages (produced paths are indexed)', () => {
  const small = analyzeStages(2_000);
  const large = analyzeStages(20_000);
  // Only the first stage's `out/o-1.csv` is neither present nor produced.
  assert.equal(small.problems, 1);
  assert.equal(large.problems, 1);
  // Ten times the stages, about ten times the lookups (a scan per dep would be a hundred times).
  assert.ok(large.lookups <= small.lookups * 11, `${large.lookups} lookups vs ${small.lookups}`);
});

void test('a produced path, a file inside a produced folder and a folder holding outputs all count', () => {
  const produced = ['out/model', 'data/prepared/train.csv'];
  assert.equal(isProduced('out/model', produced), true);
  assert.equal(isProduced('out/model/weights.bin', produced), true);
  assert.equal(isProduced('data/prepared', produced), true);
  assert.equal(isProduced('data', produced), true);
  assert.equal(isProduced('data/raw.csv', produced), false);
  assert.equal(isProduced('out/mod', produced), false);
});
