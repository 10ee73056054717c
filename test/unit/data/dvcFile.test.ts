import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDvcFile } from '../../../src/core/data/dvcFile';
import { fixtureText } from './dataFixtures';

void test('the .dvc file dvc add writes for a folder', () => {
  const parsed = parseDvcFile(fixtureText('images.dvc'));
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.outs, [
    {
      path: 'images',
      md5: '0e04c3e5b51733a4e26c912bad6623d7.dir',
      size: 8,
      nfiles: 2,
      isDirectory: true,
      line: 2,
    },
  ]);
});

void test('a file entry has no nfiles and is not a folder', () => {
  const parsed = parseDvcFile(
    'outs:\n- md5: c193497a1a06b2c72230e6146ff47080\n  size: 4\n  hash: md5\n  path: raw.csv\n',
  );
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.outs[0]?.isDirectory, false);
  assert.equal(parsed.outs[0]?.nfiles, undefined);
  assert.equal(parsed.outs[0]?.size, 4);
});

void test('broken YAML and wrong shapes become problems with their lines', () => {
  const broken = parseDvcFile('outs:\n- md5: abc\n  path: [unclosed\n');
  assert.equal(broken.outs.length, 0);
  assert.ok(broken.problems.length > 0);
  assert.ok((broken.problems[0]?.line ?? 0) >= 3);

  assert.deepEqual(parseDvcFile('- a\n').problems, [{ message: 'A .dvc file must be a mapping', line: 1 }]);
  assert.deepEqual(parseDvcFile('md5: x\n').problems, [{ message: 'The file has no "outs" list', line: 1 }]);
  assert.deepEqual(parseDvcFile('wdir: .\nouts: raw.csv\n').problems, [
    { message: '"outs" must be a list', line: 2 },
  ]);

  const shapes = parseDvcFile('outs:\n- md5: 1\n  size: -4\n  path: a\n- just text\n- size: 3\n');
  assert.deepEqual(shapes.problems, [
    { message: '"md5" of a must be text', line: 2 },
    { message: '"size" of a must be a whole number', line: 3 },
    { message: 'Each entry of "outs" must be a mapping', line: 5 },
    { message: 'An entry of "outs" has no "path"', line: 6 },
  ]);
  assert.deepEqual(
    shapes.outs.map((out) => out.path),
    ['a'],
  );
});
