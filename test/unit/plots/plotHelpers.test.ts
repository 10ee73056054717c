import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plotRows, rowsToCsv, rowsToJson } from '../../../src/core/plots/plotData';
import { plotDefinitions, unknownTemplateOf } from '../../../src/core/plots/plotTemplates';
import { recolourSpec, revisionColours } from '../../../src/core/plots/revisionColours';
import { plotsFixtureText } from './plotsFixtures';

void describe('unknown templates', () => {
  void it('reads the template name from DVC’s recorded failure', () => {
    assert.equal(unknownTemplateOf(plotsFixtureText('unknown-template.stderr.txt')), 'no-such-template');
    assert.equal(unknownTemplateOf('ERROR: something else'), undefined);
  });

  void it('lists top-level and stage plots with their templates', () => {
    const text = [
      'stages:',
      '  train:',
      '    cmd: python train.py',
      '    plots:',
      '      - loss.csv:',
      '          template: bad',
      '      - image.png',
      'plots:',
      '  - ROC curve:',
      '      template: simple',
      '      y: {roc.json: tpr}',
      '  - acc.json',
    ].join('\n');
    assert.deepEqual(plotDefinitions(text), [
      { id: 'ROC curve', template: 'simple' },
      { id: 'acc.json' },
      { id: 'loss.csv', template: 'bad' },
      { id: 'image.png' },
    ]);
    assert.deepEqual(plotDefinitions(': not yaml ['), []);
  });
});

void describe('revision colours', () => {
  void it('gives the workspace the first colour and keeps a revision’s colour when others are missing', () => {
    const colours = revisionColours(['workspace', 'a', 'b']);
    assert.equal(colours.get('workspace'), '#945dd6');
    assert.equal(colours.get('a'), '#13adc7');
    assert.equal(colours.get('b'), '#f46837');
    assert.equal(revisionColours(['a', 'b']).get('a'), '#945dd6');
  });

  void it('rewrites every colour scale over rev, leaving the data untouched', () => {
    const rows = [{ rev: 'b' }];
    const spec = {
      data: { values: rows },
      encoding: { color: { field: 'rev', scale: { domain: ['b'], range: ['#945dd6'] } } },
      layer: [{ encoding: { color: { field: 'rev', type: 'nominal' } } }],
    };
    const out = recolourSpec(spec, revisionColours(['workspace', 'a', 'b']));
    assert.deepEqual(out.encoding.color.scale.range, ['#f46837']);
    assert.equal(out.data.values, rows);
    assert.deepEqual(spec.encoding.color.scale.range, ['#945dd6']);
  });
});

void describe('plot data export', () => {
  const spec = {
    data: {
      values: [
        { step: 0, loss: '1.0', rev: 'workspace' },
        { step: 1, loss: 'a,"b"', rev: 'v1', filename: 'val.csv' },
      ],
    },
  };
  void it('writes CSV with every field and quoting', () => {
    assert.equal(
      rowsToCsv(plotRows(spec)),
      'step,loss,rev,filename\n0,1.0,workspace,\n1,"a,""b""",v1,val.csv\n',
    );
  });
  void it('writes JSON rows', () => {
    assert.deepEqual(JSON.parse(rowsToJson(plotRows(spec))), spec.data.values);
    assert.deepEqual(plotRows({ data: 'x' }), []);
  });
});
