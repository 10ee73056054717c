import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorContextAt, pathRelativeTo } from '../../../src/core/pipeline/analysis';

const text = [
  'stages:', //                        0
  '  prepare:', //                     1
  '    cmd: python prepare.py', //     2
  '    deps:', //                      3
  '      - data/raw.csv', //           4
  '      - ', //                       5
  '    params:', //                    6
  '      - tr', //                     7
  '      - config.json:', //           8
  '          - mo', //                 9
  '  "quoted stage":', //             10
  '    foreach: [a]', //              11
  '    do:', //                       12
  '      deps:', //                   13
  '        -', //                     14
  '      outs:', //                   15
  '        - x', //                   16
  'plots:', //                        17
  '  - a.csv', //                     18
].join('\n');

void test('a stage key is a stage name; nested keys are not', () => {
  assert.deepEqual(cursorContextAt(text, 1, 4), { kind: 'stageName', stage: 'prepare' });
  assert.deepEqual(cursorContextAt(text, 10, 5), { kind: 'stageName', stage: 'quoted stage' });
  assert.deepEqual(cursorContextAt(text, 2, 5), { kind: 'none' });
  assert.deepEqual(cursorContextAt(text, 2, 20), { kind: 'none' });
});

void test('entries of deps and params lists, also half typed and inside foreach templates', () => {
  assert.deepEqual(cursorContextAt(text, 5, 8), { kind: 'depsList', stage: 'prepare', typed: '' });
  assert.deepEqual(cursorContextAt(text, 4, 12), { kind: 'depsList', stage: 'prepare', typed: 'data' });
  assert.deepEqual(cursorContextAt(text, 7, 10), { kind: 'paramsList', stage: 'prepare', typed: 'tr' });
  assert.deepEqual(cursorContextAt(text, 9, 14), {
    kind: 'paramsList',
    stage: 'prepare',
    file: 'config.json',
    typed: 'mo',
  });
  assert.deepEqual(cursorContextAt(text, 14, 9), { kind: 'depsList', stage: 'quoted stage', typed: '' });
});

void test('other lists and the top-level plots are no completion context', () => {
  assert.deepEqual(cursorContextAt(text, 16, 11), { kind: 'none' });
  assert.deepEqual(cursorContextAt(text, 18, 9), { kind: 'none' });
  assert.deepEqual(cursorContextAt(text, 99, 0), { kind: 'none' });
});

void test('paths are written relative to the dvc.yaml folder', () => {
  assert.equal(pathRelativeTo('', 'data/x.csv'), 'data/x.csv');
  assert.equal(pathRelativeTo('sub', 'sub/data/x.csv'), 'data/x.csv');
  assert.equal(pathRelativeTo('sub/deep', 'other/x.csv'), '../../other/x.csv');
});
