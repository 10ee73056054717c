import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNonceOnlyCsp, pageCsp } from '../webviewShell/pageChecks';
import { toTableSnapshot } from '../../../src/core/experimentsTable/tableValues';
import { tableHtml } from '../../../src/experiments/table/tableHtml';
import type { TableColumn, TableInitialData } from '../../../src/core/protocols/experimentsTableProtocol';

const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(1)>';
const column: TableColumn = {
  id: 'params:params.yaml:name',
  group: 'params:params.yaml',
  kind: 'params',
  label: 'name',
  path: 'name',
  type: 'string',
};

function page(): string {
  const snapshot = toTableSnapshot(
    [column],
    [
      {
        id: 'e1',
        label: hostile,
        description: hostile,
        kind: 'experiment',
        values: { [column.id]: hostile },
      },
    ],
  );
  return tableHtml({
    cspSource: 'https://webview.example',
    nonce: 'bm9uY2Utdmlldw==',
    scriptUri: 'https://webview.example/dist/webview/experiments.js',
    styleUri: 'https://webview.example/media/experimentsTable.css',
    initial: { snapshot, error: hostile },
  });
}

void test('the CSP allows nothing by default, scripts only by nonce, styles, images and fonts from the webview source', () => {
  assertNonceOnlyCsp(pageCsp(page()), 'bm9uY2Utdmlldw==', 'https://webview.example');
});

void test('every script element carries the nonce or is inert JSON; no inline script, no style attribute', () => {
  const html = page();
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? '');
  assert.equal(scripts.filter((attributes) => attributes.includes('nonce=')).length, 1);
  for (const attributes of scripts)
    assert.ok(
      attributes.includes('nonce="bm9uY2Utdmlldw==" src=') || attributes.includes('type="application/json"'),
      attributes,
    );
  // Outside the inert JSON (where the hostile strings are, as data), no inline style or handler.
  const markup = html.replace(/(<script type="application\/json"[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
  assert.doesNotMatch(markup, /\sstyle=/);
  assert.doesNotMatch(markup, /\son\w+=/);
  assert.doesNotMatch(markup, /alert/);
});

void test('workspace strings cannot close their script elements, and the data reads back intact', () => {
  const html = page();
  assert.equal(html.match(/<\/script>/g)?.length, 3, 'initial data, one column, the script');
  const initialJson = /<script type="application\/json" id="initial-data">([\s\S]*?)<\/script>/.exec(
    html,
  )?.[1];
  const columnJson = /<script type="application\/json" id="values-0">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(initialJson && columnJson);
  assert.ok(!initialJson.includes('<') && !columnJson.includes('<'), 'no < inside the JSON');
  const initial = JSON.parse(initialJson) as TableInitialData;
  assert.equal(initial.snapshot.rows[0]?.label, hostile);
  assert.equal(initial.error, hostile);
  assert.equal(initial.valuesInPage, true);
  assert.deepEqual(initial.snapshot.values, []);
  assert.deepEqual(JSON.parse(columnJson), [hostile]);
});
