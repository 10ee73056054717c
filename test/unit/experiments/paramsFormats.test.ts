import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import {
  ignoredPythonOverrides,
  overridableParams,
  overrideInputText,
} from '../../../src/core/experiments/experimentOverrides';

void test('the input box starts from text DVC reads back as exactly the value', () => {
  for (const value of [0.00012345, 1e-7, 3, 'adam', '1.0', 'true', '', 'a: b', true, null, [64, 32]]) {
    const text = overrideInputText(value);
    assert.deepEqual(parse(text) as unknown, value, `${JSON.stringify(value)} as ${text}`);
  }
  assert.equal(overrideInputText(0.00012345), '0.00012345');
  assert.equal(overrideInputText('1.0'), '"1.0"');
  assert.equal(overrideInputText('adam'), 'adam');
  assert.equal(overrideInputText(Number.NaN), '.nan');
  assert.equal(overrideInputText(-Infinity), '-.inf');
});

void test('params of YAML, JSON, TOML and Python files are all offered, in DVC’s order', () => {
  const params = overridableParams({
    'params.yaml': { 'train.lr': 0.1 },
    'params.json': { lr: 0.5 },
    'params.toml': { 'train.epochs': 3 },
    'params.py': { BATCH: 32, 'Model.dropout': 0.2 },
  });
  assert.deepEqual(
    params.map((param) => `${param.file}:${param.key}=${param.inputText}`),
    [
      'params.yaml:train.lr=0.1',
      'params.json:lr=0.5',
      'params.toml:train.epochs=3',
      'params.py:BATCH=32',
      'params.py:Model.dropout=0.2',
    ],
  );
});

void test('string values of Python params files are reported: DVC would leave them unchanged', () => {
  const params = { 'params.py': { NAME: 'x', BATCH: 32 }, 'params.json': { name: 'y' } };
  assert.deepEqual(
    ignoredPythonOverrides(
      [
        { file: 'params.py', key: 'NAME', value: 'hello' },
        { file: 'params.py', key: 'BATCH', value: '64' },
        { file: 'params.json', key: 'name', value: 'z' },
      ],
      params,
    ),
    ['params.py:NAME'],
  );
});
