import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  gitignoreEntry,
  importOutputProblem,
  isDvcTemporaryFile,
  isImportRecord,
  normalizeImportOutput,
  withoutLine,
} from '../../../src/core/data/importOutput';

void test('outputs must be inside the repository, outside .dvc and .git', () => {
  for (const ok of ['data.csv', 'data/raw/table.csv', './data/x', 'images/'])
    assert.equal(importOutputProblem(ok), undefined, ok);
  for (const bad of [
    '',
    '/etc/passwd',
    '../outside.csv',
    'data/../../x',
    '.dvc/cache/x',
    '.git/x',
    '.',
    'x.dvc',
  ])
    assert.ok(importOutputProblem(bad), bad);
  assert.equal(normalizeImportOutput('./data//raw/'), 'data/raw');
});

void test('the .gitignore line DVC adds for an output, and taking it out again', () => {
  assert.equal(gitignoreEntry('data/table.csv'), '/table.csv');
  assert.equal(gitignoreEntry('table.csv'), '/table.csv');
  assert.equal(withoutLine('/raw.csv\n/table.csv\n', '/table.csv'), '/raw.csv\n');
  assert.equal(withoutLine('/table.csv\n', '/table.csv'), '');
  assert.equal(withoutLine('/a\r\n/table.csv\r\n/b\r\n', '/table.csv'), '/a\r\n/b\r\n');
  assert.equal(withoutLine('/a', '/table.csv'), '/a');
});

void test('temporary files DVC 3.67.1 left after a killed download are recognised, nothing else', () => {
  assert.ok(isDvcTemporaryFile('.A8ccL2J7j_wZ9eTQyo96sw.tmp'));
  assert.ok(isDvcTemporaryFile('.7a80wHxrE1oiphYirHzbXg.tmp'));
  assert.ok(!isDvcTemporaryFile('data.tmp'));
  assert.ok(!isDvcTemporaryFile('.gitignore'));
  assert.ok(!isDvcTemporaryFile('.short.tmp'));
});

void test('import records have deps, dvc add records do not', () => {
  assert.ok(isImportRecord('md5: x\nfrozen: true\ndeps:\n- path: http://h/f\nouts:\n- path: f\n'));
  assert.ok(!isImportRecord('outs:\n- md5: x\n  path: raw.csv\n'));
});
