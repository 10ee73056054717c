import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isParamsFileName, paramKeyLines } from '../../../src/core/history/paramKeyLines';
import { tomlKeyLines } from '../../../src/core/history/tomlKeyLines';

void describe('TOML key lines', () => {
  void it('maps sections and keys to dotted params, skipping multi-line values and arrays of tables', () => {
    const text = [
      'seed = 1 # top level', // 0
      '', // 1
      '[train]', // 2
      'lr = 0.1', // 3
      'layers = [', // 4
      '  64,', // 5
      '  32,', // 6
      ']', // 7
      'note = """', // 8
      'a = 1', // 9
      '"""', // 10
      '"quoted.key" = "x"', // 11
      'opt.name = "adam"', // 12
      '[ evaluate . "deep" ]', // 13
      'threshold = 0.5', // 14
      'inline = { a = 1, b = [2, 3] }', // 15
      '[[runs]]', // 16
      'name = "a"', // 17
      '[after]', // 18
      'x = "[not an array"', // 19
      'y = 2', // 20
    ].join('\n');
    assert.deepEqual(
      [...tomlKeyLines(text)],
      [
        [0, 'seed'],
        [3, 'train.lr'],
        [4, 'train.layers'],
        [8, 'train.note'],
        [11, 'train.quoted.key'],
        [12, 'train.opt.name'],
        [14, 'evaluate.deep.threshold'],
        [15, 'evaluate.deep.inline'],
        [19, 'after.x'],
        [20, 'after.y'],
      ],
    );
  });

  void it('params.toml files are params files, mapped by their lines', () => {
    assert.equal(isParamsFileName('sub/params.toml'), true);
    assert.deepEqual([...paramKeyLines('[train]\nlr = 0.5\n', 'params.toml')], [[1, 'train.lr']]);
  });
});
