import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNonceOnlyCsp, pageCsp } from '../webviewShell/pageChecks';
import { dagHtml } from '../../../src/pipeline/dag/dagHtml';
import { buildDagSnapshot } from '../../../src/pipeline/dag/dagSnapshot';
import { dedent, parse } from '../pipeline/pipelineFixture';

const hostile = '</script><script>alert(1)</script>';

function page(): string {
  const pipeline = parse(
    dedent(`
      stages:
        "${hostile}":
          cmd: echo
    `),
  );
  return dagHtml({
    cspSource: 'https://webview.example',
    nonce: 'bm9uY2Utdmlldw==',
    scriptUri: 'https://webview.example/dist/webview/dag.js',
    styleUri: 'https://webview.example/media/dag/dag.css',
    snapshot: buildDagSnapshot([{ root: 'file:///repo', name: 'repo', pipelines: [pipeline] }]),
  });
}

void test('the CSP allows nothing by default, scripts only by nonce, styles, images and fonts from the webview source', () => {
  assertNonceOnlyCsp(pageCsp(page()), 'bm9uY2Utdmlldw==', 'https://webview.example');
});

void test('every script element carries the nonce or is inert JSON', () => {
  const html = page();
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? '');
  assert.equal(scripts.length, 2);
  for (const attributes of scripts)
    assert.ok(
      attributes.includes('nonce="bm9uY2Utdmlldw=="') || attributes.includes('type="application/json"'),
      attributes,
    );
});

void test('the embedded snapshot cannot close its script element, and reads back intact', () => {
  const html = page();
  const json = /<script type="application\/json" id="initial-snapshot">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(json);
  assert.ok(!json.includes('<'), 'no < inside the JSON');
  const snapshot = JSON.parse(json) as { nodes: { label: string }[] };
  assert.equal(snapshot.nodes[0]?.label, hostile);
  assert.equal(html.match(/<\/script>/g)?.length, 2);
});
