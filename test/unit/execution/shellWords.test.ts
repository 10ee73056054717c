import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { shellCommandLine, shellWord } from '../../../src/core/execution/shellWords';

const run = promisify(execFile);

const HOSTILE = [
  `it's`,
  '"double"',
  '$(touch /tmp/dvc-lens-pwned)',
  '`id`',
  '$HOME',
  'a\nb',
  '-rf',
  '--option=value',
  '~/x',
  'A=b',
  '',
  ' spaced ',
  '*',
  '; rm -rf ~ #',
  "'",
  '\\',
];

void test('plain words stay readable; anything else is single-quoted', () => {
  assert.equal(shellWord('/work/runs/dvc-lens-12.log'), '/work/runs/dvc-lens-12.log');
  assert.equal(shellWord('-rf'), '-rf');
  assert.equal(shellWord('~/x'), `'~/x'`);
  assert.equal(shellWord('A=b'), `'A=b'`);
  assert.equal(shellWord(''), `''`);
  assert.equal(shellWord(`it's`), `'it'\\''s'`);
});

void test('sh and bash read every quoted value back exactly, as one argument each', async () => {
  for (const shell of ['sh', 'bash']) {
    const line = shellCommandLine(['printf', '%s\\0', ...HOSTILE]);
    const { stdout } = await run(shell, ['-c', line]);
    assert.deepEqual(stdout.split('\0').slice(0, -1), HOSTILE, shell);
  }
});

void test('a command line needs a program', () => {
  assert.throws(() => shellCommandLine([]), /needs a program/);
});
