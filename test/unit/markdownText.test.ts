import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkdown } from '../../src/core/markdownText';

void test('markdown specials in workspace text stay text', () => {
  assert.equal(escapeMarkdown('params.yaml'), 'params\\.yaml');
  assert.equal(
    escapeMarkdown('x](command:dvcLens.copyCommitSha?%5B%5D) ![t](https://e.invalid/p.png'),
    'x\\]\\(command\\:dvcLens\\.copyCommitSha\\?\\%5B\\%5D\\) \\!\\[t\\]\\(https\\:\\/\\/e\\.invalid\\/p\\.png',
  );
  assert.equal(
    escapeMarkdown('*a* _b_ `c` <b> $(icon) #h | ~'),
    '\\*a\\* \\_b\\_ \\`c\\` \\<b\\> \\$\\(icon\\) \\#h \\| \\~',
  );
  assert.equal(escapeMarkdown('two\nlines\r\nhere'), 'two lines here');
  assert.equal(escapeMarkdown('naïve ünïcode 1'), 'naïve ünïcode 1');
});
