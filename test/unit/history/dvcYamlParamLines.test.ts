import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dvcYamlParamLines } from '../../../src/core/history/dvcYamlParamLines';
import { paramGroupChanged, paramGroupText } from '../../../src/core/history/paramAnnotationText';

void describe('dvc.yaml params lines', () => {
  void it('maps keys, sections, files and their keys to the params they name', () => {
    const text = [
      'stages:', // 0
      '  train:', // 1
      '    cmd: python train.py', // 2
      '    params:', // 3
      '      - train.lr', // 4
      '      - evaluate', // 5
      '      - custom.yaml:', // 6
      '          - model.depth', // 7
      '      - other.json:', // 8
      '  sweep:', // 9
      '    foreach: [1, 2]', // 10
      '    do:', // 11
      '      cmd: echo ${item}', // 12
      '      params:', // 13
      '        - seed', // 14
      '    deps: [data]', // 15
    ].join('\n');
    assert.deepEqual(
      [...dvcYamlParamLines(text)],
      [
        [4, { file: 'params.yaml', key: 'train.lr' }],
        [5, { file: 'params.yaml', key: 'evaluate' }],
        [6, { file: 'custom.yaml', key: undefined }],
        [7, { file: 'custom.yaml', key: 'model.depth' }],
        [8, { file: 'other.json', key: undefined }],
        [14, { file: 'params.yaml', key: 'seed' }],
      ],
    );
  });

  void it('maps nothing in broken or stage-less files', () => {
    assert.equal(dvcYamlParamLines('stages: [').size, 0);
    assert.equal(dvcYamlParamLines('plots:\n  - a.csv\n').size, 0);
  });

  void it('summarizes a section or a file against HEAD', () => {
    const head = { 'train.lr': '0.1', 'train.epochs': '10', 'evaluate.threshold': '0.5' };
    assert.equal(paramGroupText('train', head, head), '2 params, as at HEAD');
    assert.equal(
      paramGroupText('train', head, { ...head, 'train.lr': '0.2' }),
      '2 params, 1 changed since HEAD: lr 0.1 → 0.2',
    );
    assert.equal(
      paramGroupText('', head, { ...head, 'evaluate.threshold': '0.6', extra: '1' }),
      '4 params, 2 changed since HEAD: evaluate.threshold 0.5 → 0.6, extra ∅ → 1',
    );
    assert.equal(paramGroupText('missing', head, head), 'no such params at HEAD');
    assert.equal(paramGroupChanged('train', head, head), false);
    assert.equal(paramGroupChanged('train', head, { ...head, 'train.epochs': '11' }), true);
    assert.equal(paramGroupChanged('evaluate', head, { ...head, 'train.epochs': '11' }), false);
  });
});
