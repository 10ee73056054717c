import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  addTopLevelPlot,
  applyInsertion,
  yamlScalar,
  type PlotDefinition,
} from '../../../src/core/pipeline/addTopLevelPlot';
import { plotDataFields } from '../../../src/core/pipeline/plotDataFields';

const loss: PlotDefinition = { file: 'plots/loss.csv', x: 'epoch', y: ['loss'], template: 'linear' };

function added(text: string, definition: PlotDefinition = loss): string {
  const result = addTopLevelPlot(text, definition);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return applyInsertion(text, result.insertion);
}

void describe('adding a top-level plot to dvc.yaml', () => {
  void it('appends to an existing plots list, keeping every other line (comments, quoting) as written', () => {
    const text = [
      '# The pipeline.',
      'stages:',
      '  train:',
      '    cmd: "python train.py"   # quoted on purpose',
      'plots:',
      '  # the ROC curve',
      '  - ROC curve:',
      '      x: fpr',
      '      y:',
      '        plots/roc.json: tpr',
      '',
      '# trailing comment',
      '',
    ].join('\n');
    const result = added(text);
    const lines = result.split('\n');
    assert.deepEqual(lines.slice(0, 10), text.split('\n').slice(0, 10));
    // The new item sits right after the last one; the lines around it are untouched.
    assert.deepEqual(lines.slice(10, 15), [
      '  - plots/loss.csv:',
      '      template: linear',
      '      x: epoch',
      '      y: loss',
      '',
    ]);
    assert.ok(result.includes('cmd: "python train.py"   # quoted on purpose'));
    assert.ok(result.endsWith('# trailing comment\n'));
    const parsed = parseYaml(result) as { plots: Record<string, unknown>[] };
    assert.deepEqual(parsed.plots[1], { 'plots/loss.csv': { template: 'linear', x: 'epoch', y: 'loss' } });
  });

  void it('follows the list indentation of the file (items at column 0 too)', () => {
    const text = 'stages: {}\nplots:\n- plots/a.csv\n';
    const parsed = parseYaml(added(text)) as { plots: unknown[] };
    assert.equal(parsed.plots.length, 2);
    assert.ok(added(text).includes('\n- plots/loss.csv:\n    template: linear\n'));
  });

  void it('creates the plots section when there is none, and fills an empty `plots:`', () => {
    const none = added('stages:\n  a:\n    cmd: echo', { file: 'm.json', y: ['acc', 'loss'] });
    assert.deepEqual(parseYaml(none), {
      stages: { a: { cmd: 'echo' } },
      plots: [{ 'm.json': { y: ['acc', 'loss'] } }],
    });
    const empty = added('plots:\nstages:\n  a:\n    cmd: echo\n');
    assert.deepEqual((parseYaml(empty) as { plots: unknown[] }).plots, [
      { 'plots/loss.csv': { template: 'linear', x: 'epoch', y: 'loss' } },
    ]);
  });

  void it('refuses a duplicate, a flow-style list, a broken file and a plot without y', () => {
    const cases: [string, PlotDefinition, RegExp][] = [
      ['plots:\n  - plots/loss.csv\n', loss, /already has a plot named plots\/loss\.csv/],
      ['plots: [a.csv]\n', loss, /one-line/],
      ['stages: [\n', loss, /does not parse/],
      ['plots:\n  - a.csv\n', { file: 'b.csv', y: [] }, /at least one y/],
      ['plots: 3\n', loss, /not a list/],
    ];
    for (const [text, definition, reason] of cases) {
      const result = addTopLevelPlot(text, definition);
      assert.equal(result.ok, false, text);
      assert.match(result.ok ? '' : result.reason, reason);
    }
  });

  void it('quotes what plain YAML would misread', () => {
    assert.equal(yamlScalar('plots/loss.csv'), 'plots/loss.csv');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('0.5'), '"0.5"');
    assert.equal(yamlScalar('a: b'), '"a: b"');
    assert.equal(yamlScalar('#tag'), '"#tag"');
    assert.equal(yamlScalar('loss '), '"loss "');
  });
});

void describe('field names of plot data files', () => {
  void it('reads CSV and TSV headers, JSON and YAML records (top-level list or under a key)', () => {
    assert.deepEqual(plotDataFields('a.csv', 'epoch,"loss"\n1,0.5\n'), {
      ok: true,
      fields: ['epoch', 'loss'],
    });
    assert.deepEqual(plotDataFields('a.tsv', 'step\tacc\r\n1\t0.9\n'), { ok: true, fields: ['step', 'acc'] });
    assert.deepEqual(plotDataFields('roc.json', '{"roc": [{"fpr": 0, "tpr": 0}]}'), {
      ok: true,
      fields: ['fpr', 'tpr'],
    });
    assert.deepEqual(plotDataFields('p.yaml', '- {x: 1, y: 2}\n'), { ok: true, fields: ['x', 'y'] });
  });

  void it('says why a file gives no fields', () => {
    const reasons: [string, string, RegExp][] = [
      ['a.json', '{not json', /does not parse/],
      ['a.json', '{"acc": 0.9}', /no list of records/],
      ['a.csv', '', /no header/],
      ['a.png', 'x', /not a JSON, YAML, CSV or TSV/],
    ];
    for (const [file, text, reason] of reasons) {
      const result = plotDataFields(file, text);
      assert.match(result.ok ? '' : result.reason, reason);
    }
  });
});
