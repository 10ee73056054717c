import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCliJson } from '../../../src/core/cliJson';
import { parseDataDiff, parseNameStatus, swapChanges } from '../../../src/core/compare/compareChanges';
import {
  buildCompareModel,
  swapDiffEntries,
  visibleRows,
  type CompareRow,
} from '../../../src/core/compare/compareModel';
import { parseExpDiff } from '../../../src/core/experiments/parseExpDiff';
import { isCompareWebviewMessage } from '../../../src/experiments/compare/compareMessages';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'dvc-compare');
const fixture = (name: string): unknown => parseCliJson(readFileSync(join(fixtures, name), 'utf8'));

function model(directions: Record<string, unknown> = {}, file = 'exp-diff-all.json') {
  return buildCompareModel({
    a: { ref: 'slow', label: 'slow' },
    b: { ref: 'fast', label: 'fast' },
    entries: parseExpDiff(fixture(file)),
    data: parseDataDiff(fixture('data-diff-experiments.json')),
    files: [],
    directions,
  });
}

const row = (rows: readonly CompareRow[], key: string): CompareRow => {
  const found = rows.find((candidate) => candidate.key === key);
  assert.ok(found, key);
  return found;
};

void test('params: both values, absolute and relative change, neutral; unchanged rows marked unchanged', () => {
  const { params } = model();
  const rate = row(params, 'train.learning_rate');
  assert.equal(rate.a, '0.05');
  assert.equal(rate.b, '0.8');
  assert.ok(rate.changed);
  assert.ok(Math.abs((rate.absolute ?? 0) - 0.75) < 1e-12);
  assert.ok(Math.abs((rate.relative ?? 0) - 15) < 1e-12);
  assert.equal(rate.verdict, 'neutral');
  const epochs = row(params, 'train.epochs');
  assert.deepEqual([epochs.absolute, epochs.relative], [-30, -0.75]);
  const seed = row(params, 'prepare.seed');
  assert.equal(seed.changed, false);
  assert.equal(seed.absolute, 0);
});

void test('only changed (the default) equals what `dvc exp diff` without --all lists', () => {
  const all = model();
  const changedOnly = parseExpDiff(fixture('exp-diff.json'));
  const shown = [...visibleRows(all.params, true), ...visibleRows(all.metrics, true)];
  assert.deepEqual(
    shown.map((entry) => `${entry.kind}:${entry.file}:${entry.key}`).sort(),
    changedOnly.map((entry) => `${entry.kind}:${entry.file}:${entry.key}`).sort(),
  );
  assert.equal(visibleRows(all.params, false).length, 6);
});

void test('metrics are better or worse by direction: names guess, the setting wins', () => {
  const guessed = model();
  assert.equal(row(guessed.metrics, 'accuracy').direction, 'higher');
  assert.equal(row(guessed.metrics, 'accuracy').verdict, 'worse');
  const configured = model({ accuracy: 'lower', 'metrics.json:f1': 'lower' });
  assert.equal(row(configured.metrics, 'accuracy').verdict, 'better');
  assert.equal(row(configured.metrics, 'f1').verdict, 'better');
  assert.equal(row(configured.metrics, 'recall').verdict, 'worse');
});

void test('relative change is absent when A is 0; absent values stay absent; non-numbers have no change', () => {
  const built = buildCompareModel({
    a: { ref: 'a', label: 'a' },
    b: { ref: 'b', label: 'b' },
    entries: [
      { kind: 'metric', file: 'm.json', key: 'loss', old: 0, new: 0.5, diff: 0.5 },
      { kind: 'metric', file: 'm.json', key: 'new_metric', old: undefined, new: 3, diff: undefined },
      { kind: 'param', file: 'p.yaml', key: 'model', old: 'cnn', new: 'rnn', diff: undefined },
      { kind: 'param', file: 'p.yaml', key: 'layers', old: [1, 2], new: [1, 2], diff: undefined },
      // What DVC 3.67.1 says of a metric the older commit lacks: `{"old": null, "new": 0.98}`.
      { kind: 'metric', file: 'm.json', key: 'acc', old: null, new: 0.98, diff: undefined },
    ],
    data: [],
    files: [],
    directions: {},
  });
  const loss = row(built.metrics, 'loss');
  assert.equal(loss.relative, undefined);
  assert.equal(loss.verdict, 'worse');
  const added = row(built.metrics, 'new_metric');
  assert.deepEqual([added.a, added.b, added.changed, added.absolute], [undefined, '3', true, undefined]);
  const acc = row(built.metrics, 'acc');
  assert.deepEqual([acc.a, acc.b, acc.changed, acc.verdict], [undefined, '0.98', true, 'neutral']);
  const name = row(built.params, 'model');
  assert.deepEqual([name.changed, name.absolute, name.verdict], [true, undefined, 'neutral']);
  assert.equal(row(built.params, 'layers').changed, false);
});

void test('workspace first: the revision-vs-workspace diff is turned round', () => {
  const swapped = swapDiffEntries(parseExpDiff(fixture('exp-diff.json')));
  const rate = swapped.find((entry) => entry.key === 'train.learning_rate');
  assert.deepEqual([rate?.old, rate?.new, rate?.diff], [0.8, 0.05, -0.75]);
});

void test('dvc diff: added, deleted, modified and renamed data; swapped for the other direction', () => {
  const changes = parseDataDiff(fixture('data-diff-workspace.json'));
  assert.deepEqual(changes, [
    { change: 'added', path: 'data/extra.csv' },
    { change: 'renamed', path: 'data/raw-moved.csv', oldPath: 'data/raw.csv' },
    { change: 'modified', path: 'model/model.json' },
  ]);
  assert.deepEqual(swapChanges(changes), [
    { change: 'deleted', path: 'data/extra.csv' },
    { change: 'renamed', path: 'data/raw.csv', oldPath: 'data/raw-moved.csv' },
    { change: 'modified', path: 'model/model.json' },
  ]);
  assert.deepEqual(model().data, [{ change: 'modified', path: 'model/model.json' }]);
});

void test('git name-status -z: modified, added, deleted, renamed (and copies as added)', () => {
  const output = [
    'M',
    'src/train.py',
    'A',
    'src/new.py',
    'D',
    'old.txt',
    'R087',
    'a.py',
    'b.py',
    'C100',
    'x',
    'y',
    '',
  ].join('\0');
  assert.deepEqual(parseNameStatus(output), [
    { change: 'renamed', path: 'b.py', oldPath: 'a.py' },
    { change: 'deleted', path: 'old.txt' },
    { change: 'added', path: 'src/new.py' },
    { change: 'modified', path: 'src/train.py' },
    { change: 'added', path: 'y' },
  ]);
  assert.deepEqual(parseNameStatus(''), []);
});

void test('HTML in names, keys and values travels as plain text, never interpreted', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const built = buildCompareModel({
    a: { ref: hostile, label: hostile },
    b: { ref: 'b', label: 'b' },
    entries: [{ kind: 'param', file: hostile, key: hostile, old: hostile, new: 'x', diff: undefined }],
    data: [{ change: 'added', path: hostile }],
    files: [{ change: 'modified', path: hostile }],
    directions: {},
  });
  const param = built.params[0];
  assert.deepEqual([param?.file, param?.key, param?.a], [hostile, hostile, hostile]);
  assert.equal(built.a.label, hostile);
  assert.equal(JSON.parse(JSON.stringify(built)).files[0].path, hostile);
});

void test('the host accepts only the compare messages it knows', () => {
  assert.ok(isCompareWebviewMessage({ type: 'ready' }));
  assert.ok(isCompareWebviewMessage({ type: 'openFile', path: 'src/train.py' }));
  assert.ok(isCompareWebviewMessage({ type: 'showLog' }));
  for (const value of [
    null,
    {},
    { type: 'openFile' },
    { type: 'openFile', path: '' },
    { type: 'toString' },
    { type: 'run' },
  ])
    assert.equal(isCompareWebviewMessage(value), false, JSON.stringify(value));
});
