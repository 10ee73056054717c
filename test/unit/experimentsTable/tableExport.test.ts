import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, toCsv } from '../../../src/core/experimentsTable/tableCsv';
import { defaultTableUiState } from '../../../src/core/experimentsTable/tableUiState';
import { TableModel } from '../../../webview/experiments/tableModel';
import { visibleTableCsv } from '../../../webview/experiments/visibleCsv';
import { syntheticSnapshot } from './syntheticTable';

void test('CSV fields are quoted per RFC 4180 and lines end with CRLF', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(toCsv(['a', 'b'], [['1', 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
});

void test('text a spreadsheet would run as a formula is defused; negative numbers are not', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('-0.5'), '-0.5');
});

void test('the export has the shown rows and columns, in their order, with full-precision values', () => {
  const model = new TableModel();
  model.setSnapshot(syntheticSnapshot(20, 15, { commits: 2 }));
  const state = { ...defaultTableUiState, filterText: 'exp', hiddenColumns: [model.snapshot.columns[0]!.id] };
  const layout = model.layout(state);
  const lines = visibleTableCsv(model, layout).split('\r\n');
  assert.equal(lines.length, layout.rows.length + 2);
  const header = lines[0]!.split(',');
  assert.deepEqual(header.slice(0, 3), ['Experiment', 'State', 'SHA']);
  assert.equal(header.length, 3 + layout.columns.length);
  assert.ok(
    !header.includes(`params.yaml:${model.snapshot.columns[0]!.path}`),
    'the hidden column is left out',
  );
  assert.ok(layout.rows.every((flat) => flat.matched || model.row(flat.index)!.kind === 'commit'));
  assert.match(lines[1]!, /^main,,a+/, 'a commit kept as the parent of matching experiments');
});
