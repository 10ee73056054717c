import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expShowArguments } from '../../../src/experiments/experimentsService';
import {
  FlagLikeValueError,
  looksLikeOption,
  optionalValue,
  optionValue,
  positionals,
  refuseOptionLike,
} from '../../../src/cli/safeArguments';
import { plotsDiffArguments } from '../../../src/plots/plotsService';
import { overrideArguments } from '../../../src/core/experiments/experimentOverrides';

void test('a value that starts with - is glued to its option; others follow it as typed', () => {
  assert.deepEqual(optionValue('--remote', '-u'), ['--remote=-u']);
  assert.deepEqual(optionValue('--deps', '--help'), ['--deps=--help']);
  assert.deepEqual(optionValue('--params', 'p.yaml:a=b'), ['--params', 'p.yaml:a=b']);
  assert.deepEqual(optionalValue('--rev', undefined), []);
  assert.deepEqual(optionalValue('--rev', '-x'), ['--rev=-x']);
});

void test('positionals go after -- when one of them looks like an option, as they are otherwise', () => {
  assert.deepEqual(positionals(['-data.csv', 'b']), ['--', '-data.csv', 'b']);
  assert.deepEqual(positionals(['b', '--help']), ['--', 'b', '--help']);
  assert.deepEqual(positionals(['train', 'data/x.csv']), ['train', 'data/x.csv']);
  assert.deepEqual(positionals([]), []);
});

void test('a value that cannot be protected is refused with the reason', () => {
  assert.ok(looksLikeOption('-x'));
  assert.ok(looksLikeOption('--help'));
  assert.ok(!looksLikeOption('x-y'));
  assert.ok(!looksLikeOption(' -x'));
  assert.equal(refuseOptionLike('train', 'The plot', 'why'), 'train');
  assert.throws(
    () => refuseOptionLike('--help', 'The stage command', 'DVC would read it as an option.'),
    (error: unknown) =>
      error instanceof FlagLikeValueError &&
      error.message === "The stage command '--help' starts with '-': DVC would read it as an option.",
  );
});

void test('plots diff: revisions after -- when needed (always after --targets), a target like a flag refused', () => {
  assert.deepEqual(plotsDiffArguments(['-rev', 'workspace'], '/tmp/-img'), [
    'plots',
    'diff',
    '--json',
    '--out',
    '/tmp/-img',
    '--',
    '-rev',
    'workspace',
  ]);
  assert.deepEqual(plotsDiffArguments(['HEAD'], '/img', ['loss.csv']), [
    'plots',
    'diff',
    '--json',
    '--out',
    '/img',
    '--targets',
    'loss.csv',
    '--',
    'HEAD',
  ]);
  assert.throws(() => plotsDiffArguments(['HEAD'], '/img', ['-p.csv']), FlagLikeValueError);
});

void test('exp show refuses a revision that would read as an option; -S refuses an override that would', () => {
  assert.deepEqual(expShowArguments({ revs: ['main'] }), ['exp', 'show', '--json', '--rev', 'main']);
  assert.throws(() => expShowArguments({ revs: ['--all-commits'] }), FlagLikeValueError);
  assert.throws(
    () => overrideArguments([{ file: '-p.yaml', key: 'a', value: '1' }]),
    /'-p.yaml:a=1' starts with '-'/,
  );
});
