import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutEmbedOverrides } from '../../../src/core/plots/embedOverrides';

void test('a spec whose usermeta.embedOptions turns the actions menu on loses it before vega-embed', () => {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    mark: 'line',
    data: { values: [{ step: 0, loss: 1 }] },
    usermeta: {
      embedOptions: {
        actions: true,
        editorUrl: 'https://example.invalid/editor',
        loader: { baseURL: 'https://example.invalid/' },
        sourceFooter: '<img src=x>',
      },
    },
  };
  const safe = withoutEmbedOverrides(spec);
  assert.equal('usermeta' in safe, false);
  assert.deepEqual(safe, { $schema: spec.$schema, mark: 'line', data: spec.data });
  assert.equal(safe.data, spec.data, 'the rows are shared, not copied');
  assert.ok('usermeta' in spec, 'the original spec is not changed');
});

void test('a spec without usermeta is passed on as it is', () => {
  const spec = { mark: 'point' };
  assert.equal(withoutEmbedOverrides(spec), spec);
});
