import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  findParamKeyRange,
  hasParamKey,
  paramKeysOf,
  paramValuesOf,
  paramsFormatOf,
} from '../../../src/core/pipeline/analysis';
import type { SourceRange } from '../../../src/core/pipeline';

function at(range: SourceRange | undefined): string | undefined {
  return range && `${range.startLine}:${range.startCharacter}-${range.endLine}:${range.endCharacter}`;
}

const yamlText = 'seed: 1\ntrain:\n  epochs: 10\n  "lr.max": 0.1\n  layers:\n    - 64\n    - 32\n';

void test('YAML: keys, nested keys, keys holding dots and list items are found at their place', () => {
  assert.equal(at(findParamKeyRange(yamlText, 'yaml', 'seed')), '0:0-0:4');
  assert.equal(at(findParamKeyRange(yamlText, 'yaml', 'train')), '1:0-1:5');
  assert.equal(at(findParamKeyRange(yamlText, 'yaml', 'train.epochs')), '2:2-2:8');
  assert.equal(at(findParamKeyRange(yamlText, 'yaml', 'train.lr.max')), '3:2-3:10');
  assert.equal(at(findParamKeyRange(yamlText, 'yaml', 'train.layers.1')), '6:6-6:8');
  assert.equal(findParamKeyRange(yamlText, 'yaml', 'train.nope'), undefined);
  assert.equal(findParamKeyRange('{{{', 'yaml', 'x'), undefined);
});

void test('JSON keys are found through the YAML parser', () => {
  const json = '{\n  "train": {\n    "epochs": 10\n  }\n}\n';
  assert.equal(at(findParamKeyRange(json, 'json', 'train.epochs')), '2:4-2:12');
  assert.equal(findParamKeyRange(json, 'json', 'epochs'), undefined);
});

void test('TOML: tables, dotted and quoted keys, and a section named by a sub-table', () => {
  const toml = [
    'seed = 1',
    '',
    '[train]',
    'epochs = 10 # comment',
    'optimizer.name = "adam"',
    '"lr.max" = 0.1',
    '',
    '[model.encoder]',
    '  depth = 3',
  ].join('\n');
  assert.equal(at(findParamKeyRange(toml, 'toml', 'seed')), '0:0-0:4');
  assert.equal(at(findParamKeyRange(toml, 'toml', 'train')), '2:1-2:6');
  assert.equal(at(findParamKeyRange(toml, 'toml', 'train.epochs')), '3:0-3:6');
  assert.equal(at(findParamKeyRange(toml, 'toml', 'train.optimizer.name')), '4:0-4:14');
  assert.equal(at(findParamKeyRange(toml, 'toml', 'train.lr.max')), '5:0-5:8');
  assert.equal(at(findParamKeyRange(toml, 'toml', 'model')), '7:1-7:14');
  assert.equal(at(findParamKeyRange(toml, 'toml', 'model.encoder.depth')), '8:2-8:7');
  assert.equal(findParamKeyRange(toml, 'toml', 'depth'), undefined);
});

void test('paramKeysOf lists sections and leaves, dotted, in file order', () => {
  assert.deepEqual(paramKeysOf(yamlText, 'yaml'), [
    'seed',
    'train',
    'train.epochs',
    'train.lr.max',
    'train.layers',
  ]);
  assert.deepEqual(paramKeysOf('[a]\nb = 1\n[a.c]\nd = "x"\n', 'toml'), ['a', 'a.b', 'a.c', 'a.c.d']);
  assert.deepEqual(paramKeysOf('{"x": {"y": true}}', 'json'), ['x', 'x.y']);
  assert.deepEqual(paramKeysOf('not: [valid', 'yaml'), []);
});

void test('hasParamKey follows sections, dotted names and list indexes', () => {
  const values = paramValuesOf(yamlText, 'yaml');
  assert.ok(values);
  for (const key of ['seed', 'train', 'train.epochs', 'train.lr.max', 'train.layers.0'])
    assert.ok(hasParamKey(values, key), key);
  for (const key of ['train.lr', 'train.layers.2', 'seed.x', 'nope'])
    assert.ok(!hasParamKey(values, key), key);
});

void test('params formats follow the extension like DVC', () => {
  assert.deepEqual(['a.yaml', 'b.yml', 'c.JSON', 'd.toml', 'e.py', 'f'].map(paramsFormatOf), [
    'yaml',
    'yaml',
    'json',
    'toml',
    'python',
    'yaml',
  ]);
});
