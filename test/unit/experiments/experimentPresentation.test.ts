import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findExperiment } from '../../../src/core/experiments/experimentModel';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { experimentTooltip, formatElapsed } from '../../../src/experiments/experimentTooltip';
import { expShowArguments } from '../../../src/experiments/experimentsService';
import { expShowFixture } from './expShowFixtures';

void describe('experiment presentation', () => {
  void it('formats elapsed time of a running experiment', () => {
    assert.equal(formatElapsed(42_000), '0:42');
    assert.equal(formatElapsed(12 * 60_000 + 5_000), '12:05');
    assert.equal(formatElapsed(3_723_000), '1:02:03');
    assert.equal(formatElapsed(-5), '0:00');
  });

  void it('lists state, error, metrics and params of a failed experiment in its tooltip as plain text', () => {
    const row = findExperiment(parseExpShow(expShowFixture('finished.json')), 'fails');
    assert.ok(row);
    const text = experimentTooltip(row);
    assert.match(text, /^fails {2}\(ddcbc9f\)/);
    assert.match(text, /State: failed/);
    assert.match(text, /Error: Experiment run failed/);
    assert.match(text, /params\.yaml:train\.epochs = abc/);
  });

  void it('keeps HTML in names and values as text', () => {
    const row = parseExpShow(expShowFixture('special-values.json')).workspace;
    assert.ok(row);
    assert.match(experimentTooltip(row), /params\.yaml:model\.label = <b>bold<\/b>/);
  });
});

void describe('exp show arguments', () => {
  void it('asks for -n, --rev or -A', () => {
    assert.deepEqual(expShowArguments({}), ['exp', 'show', '--json']);
    assert.deepEqual(expShowArguments({ commits: 10 }), ['exp', 'show', '--json', '--num', '10']);
    assert.deepEqual(expShowArguments({ revs: ['a', 'b'] }), [
      'exp',
      'show',
      '--json',
      '--rev',
      'a',
      '--rev',
      'b',
    ]);
    assert.deepEqual(expShowArguments({ allCommits: true, commits: 3 }), [
      'exp',
      'show',
      '--json',
      '--all-commits',
    ]);
  });
});
