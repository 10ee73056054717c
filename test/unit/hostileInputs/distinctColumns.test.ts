import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenValues, lastFlatKeySegment } from '../../../src/core/experiments/flattenValues';
import { readDelimited } from '../../../src/core/plots/delimitedRows';
import { withFileError } from '../../../src/core/plots/workspaceRows';
import type { TemplatePlot } from '../../../src/core/plots/plotModel';

void test('metric keys a.b and a: {b} stay two columns, each with its value', () => {
  const flat = flattenValues({ 'a.b': 1, a: { b: 2 }, plain: { c: 3 } });
  assert.deepEqual(flat, { '"a.b"': 1, 'a.b': 2, 'plain.c': 3 });
  assert.deepEqual(flattenValues({ train: { 'val.loss': 0.1 } }), { 'train."val.loss"': 0.1 });
  assert.equal(lastFlatKeySegment('train."val.loss"'), 'val.loss');
  assert.equal(lastFlatKeySegment('"a.b"'), 'a.b');
  assert.equal(lastFlatKeySegment('train.loss'), 'loss');
});

void test('a CSV with an unterminated quote is an error, not fewer rows', () => {
  const read = readDelimited('step,note\n0,"ok"\n1,"broken\n2,lost\n3,lost\n', ',');
  assert.ok('error' in read);
  assert.match(read.error, /line 3 is never closed/);
  const good = readDelimited('step,note\n0,"a\nb"\n', ',');
  assert.ok('table' in good && good.table.rows.length === 1);
});

void test('a broken series file turns its plot into an error card', () => {
  const plot: TemplatePlot = {
    kind: 'template',
    id: 'loss.csv',
    title: 'loss',
    spec: { data: { values: [{ step: '0', rev: 'workspace' }] } },
    revisions: [{ rev: 'workspace', state: 'ok', points: 1 }],
  };
  const failed = withFileError(plot, 'never closed');
  assert.equal(failed.kind, 'failed');
  assert.ok(failed.kind === 'failed' && failed.message === 'never closed');
  const twoRevisions: TemplatePlot = {
    ...plot,
    spec: {
      data: {
        values: [
          { step: '0', rev: 'workspace' },
          { step: '0', rev: 'main' },
        ],
      },
    },
    revisions: [...plot.revisions, { rev: 'main', state: 'ok', points: 1 }],
  };
  const partly = withFileError(twoRevisions, 'never closed');
  assert.equal(partly.kind, 'template');
  assert.deepEqual(partly.revisions[0], {
    rev: 'workspace',
    state: 'error',
    points: 0,
    error: 'never closed',
  });
});
