import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  expandGrid,
  experimentNameProblem,
  gridNames,
  overrideArguments,
  splitValueList,
} from '../../../src/core/experiments/experimentOverrides';
import { experimentErrorHint } from '../../../src/core/experiments/experimentErrorHint';
import { parseExpDiff } from '../../../src/core/experiments/parseExpDiff';
import { formatExperimentValue, headlineMetric } from '../../../src/core/experiments/headlineMetric';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { findExperiment } from '../../../src/core/experiments/experimentModel';
import { expShowFixture } from './expShowFixtures';

void describe('experiment overrides', () => {
  void it('prefixes the file only when it is not params.yaml', () => {
    assert.deepEqual(
      overrideArguments([
        { file: 'params.yaml', key: 'train.lr', value: '0.1' },
        { file: 'conf/params.toml', key: 'data.batch', value: '64' },
      ]),
      ['-S', 'train.lr=0.1', '-S', 'conf/params.toml:data.batch=64'],
    );
  });

  void it('expands a grid into every combination and names them', () => {
    const grid = expandGrid([
      { file: 'params.yaml', key: 'a', values: ['1', '2'] },
      { file: 'params.yaml', key: 'b', values: ['x', 'y', 'z'] },
    ]);
    assert.equal(grid.length, 6);
    assert.deepEqual(
      grid.map((combination) => combination.map((override) => override.value).join('')),
      ['1x', '1y', '1z', '2x', '2y', '2z'],
    );
    assert.deepEqual(gridNames('lr', 2), ['lr-1', 'lr-2']);
    assert.deepEqual(gridNames('lr', 1), ['lr']);
    assert.deepEqual(gridNames(undefined, 2), [undefined, undefined]);
  });

  void it('splits comma-separated values but not inside lists or quotes', () => {
    assert.deepEqual(splitValueList(' 0.1, 0.2 ,[64, 32], "a,b",, '), ['0.1', '0.2', '[64, 32]', '"a,b"']);
  });

  void it('explains names git would refuse', () => {
    assert.equal(experimentNameProblem('lr-small_2'), undefined);
    assert.ok(experimentNameProblem('<script>x</script>'));
    assert.ok(experimentNameProblem('a b'));
    assert.ok(experimentNameProblem('-x'));
    assert.ok(experimentNameProblem('a..b'));
  });
});

void describe('parseExpDiff on recorded output', () => {
  void it('lists params then metrics, with old, new and DVC difference', () => {
    const entries = parseExpDiff(expShowFixture('diff.json'));
    assert.deepEqual(
      entries.map((entry) => `${entry.kind} ${entry.file} ${entry.key}`),
      [
        'param params.yaml train.epochs',
        'param params.yaml train.l2',
        'metric metrics.json accuracy',
        'metric metrics.json f1',
        'metric metrics.json precision',
        'metric metrics.json recall',
      ],
    );
    const epochs = entries[0];
    assert.equal(epochs?.old, 40);
    assert.equal(epochs?.new, 10);
    assert.equal(epochs?.diff, -30);
    assert.deepEqual(parseExpDiff(null), []);
  });
});

void describe('headline metric', () => {
  const model = parseExpShow(expShowFixture('finished.json'));
  const row = findExperiment(model, 'lr-small');

  void it('is the first metric of the first file, or the one the setting names', () => {
    assert.ok(row);
    assert.deepEqual(headlineMetric(row), { file: 'metrics.json', key: 'accuracy', value: 0.9733 });
    assert.equal(headlineMetric(row, 'f1')?.value, 0.9756);
    assert.equal(headlineMetric(row, 'metrics.json:recall')?.value, 0.9756);
    assert.equal(headlineMetric(row, 'other.json:recall'), undefined);
    const queued = findExperiment(parseExpShow(expShowFixture('queued.json')), 'slow');
    assert.ok(queued);
    assert.equal(headlineMetric(queued), undefined);
  });

  void it('formats values for a narrow place', () => {
    assert.equal(formatExperimentValue(0.123456), '0.1235');
    assert.equal(formatExperimentValue(40), '40');
    assert.equal(formatExperimentValue(Number.NaN), 'NaN');
    assert.equal(formatExperimentValue(Number.NEGATIVE_INFINITY), '-Infinity');
    assert.equal(formatExperimentValue([64, 32]), '[64,32]');
    assert.equal(formatExperimentValue(undefined), '');
  });
});

void describe('experiment error hints', () => {
  void it('says what to do about a staged index, a held lock and a taken name', () => {
    assert.match(
      experimentErrorHint(
        'unexpected error - Stash apply resulted in merge conflicts: 1 uncommitted changes exist in the index',
      ) ?? '',
      /git reset/,
    );
    assert.match(experimentErrorHint('Unable to acquire lock') ?? '', /Wait/);
    assert.match(
      experimentErrorHint(
        "Experiment conflicts with existing experiment 'x'. Experiment 'x' already exists",
      ) ?? '',
      /another name/,
    );
    assert.equal(experimentErrorHint('Experiment run failed'), undefined);
  });
});
