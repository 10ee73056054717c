import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCliJson } from '../../../src/core/cliJson';
import { parseMetricsDiff, parseParamsDiff } from '../../../src/core/report/diffOutputs';
import { buildReportMarkdown, changeVerdict } from '../../../src/core/report/reportMarkdown';

const fixture = (name: string): unknown =>
  parseCliJson(readFileSync(join(__dirname, '..', '..', 'fixtures', 'dvc-report', name), 'utf8'));

/** The table row whose second cell is `key`. */
function row(markdown: string, key: string): string[] {
  const line = markdown.split('\n').find((text) => text.split('|')[2]?.trim() === key);
  assert.ok(line, `a row for ${key} in\n${markdown}`);
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

void describe('report markdown', () => {
  void it('reads recorded metrics and params diffs (nulls are absent sides)', () => {
    const metrics = parseMetricsDiff(fixture('metrics-diff-added-removed.json'));
    const loss = metrics.find((change) => change.key === 'loss');
    assert.deepEqual(loss, { file: 'metrics.json', key: 'loss', old: undefined, new: 0.41, diff: undefined });
    const params = parseParamsDiff(fixture('params-diff.json'));
    assert.deepEqual(
      params.map((change) => [change.key, change.old, change.new, change.diff]),
      [
        ['train.epochs', 40, 20, -20],
        ['train.learning_rate', 0.5, 0.1, -0.4],
      ],
    );
  });

  void it('signs each change and marks it better or worse by direction', () => {
    const markdown = buildReportMarkdown({
      base: 'main',
      target: 'workspace',
      metrics: parseMetricsDiff(fixture('metrics-diff-added-removed.json')),
      params: parseParamsDiff(fixture('params-diff-added.json')),
      directions: { precision: 'lower' },
    });
    assert.match(markdown, /^## DVC report: `workspace` vs `main`/);
    // accuracy: higher is better by name, it fell.
    assert.deepEqual(row(markdown, 'accuracy'), [
      'metrics.json',
      'accuracy',
      '0.98',
      '0.96',
      '▼ -0.02',
      '🔴',
    ]);
    // The setting wins over the name: a lower precision is better here.
    assert.equal(row(markdown, 'precision')[5], '🟢');
    assert.deepEqual(row(markdown, 'loss').slice(2, 6), ['—', '0.41', 'added', '']);
    assert.deepEqual(row(markdown, 'recall').slice(2, 5), ['0.9756', '—', 'removed']);
    assert.deepEqual(row(markdown, 'train.epochs'), ['params.yaml', 'train.epochs', '40', '20', '-20']);
    assert.deepEqual(row(markdown, 'evaluate.optimizer').slice(2), ['—', 'adam', 'added']);
  });

  void it('says when nothing changed, lists notes and plot images', () => {
    const markdown = buildReportMarkdown({
      base: 'HEAD',
      target: 'HEAD',
      metrics: parseMetricsDiff(fixture('metrics-diff-empty.json')),
      params: [],
      notes: ["DVC failed to load some metrics for following revisions: 'HEAD~1'."],
      images: [{ title: 'ROC curve', path: 'plots/roc curve.png' }],
    });
    assert.match(markdown, /No metric changed\./);
    assert.match(markdown, /No param changed\./);
    assert.match(markdown, /> DVC failed to load some metrics/);
    assert.match(markdown, /!\[ROC curve\]\(plots\/roc%20curve\.png\)/);
  });

  void it('keeps workspace text from breaking the table', () => {
    const markdown = buildReportMarkdown({
      base: 'a',
      target: 'b',
      metrics: [{ file: 'm.json', key: 'a|b', old: '<x>', new: 'y', diff: undefined }],
      params: [],
    });
    assert.match(markdown, /a\\\|b/);
    assert.match(markdown, /\\<x\\>/);
  });

  void it('decides verdicts from the sign and the direction', () => {
    assert.equal(changeVerdict(0.1, 'higher'), 'better');
    assert.equal(changeVerdict(0.1, 'lower'), 'worse');
    assert.equal(changeVerdict(-0.1, 'lower'), 'better');
    assert.equal(changeVerdict(0, 'lower'), 'unchanged');
    assert.equal(changeVerdict(0.1, undefined), 'neutral');
  });
});
