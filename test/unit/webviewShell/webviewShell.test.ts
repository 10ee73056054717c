import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNonceOnlyCsp, pageCsp } from './pageChecks';
import { isNameList, messageGuard } from '../../../src/webviewShell/messageChecks';
import { webviewHtml } from '../../../src/webviewShell/webviewHtml';

const hostile = '</script><script>alert(1)</script>';

function page(codicons: boolean): string {
  return webviewHtml({
    cspSource: 'https://webview.example',
    nonce: 'bm9uY2U=',
    scriptUri: 'https://webview.example/dist/webview/compare.js',
    styleUri: 'https://webview.example/media/compare.css',
    ...(codicons ? { codiconUri: 'https://webview.example/dist/webview/codicons/codicon.css' } : {}),
    title: `Compare ${hostile}`,
    data: [{ id: 'initial-data', json: JSON.stringify({ label: hostile }) }],
  });
}

void test('one nonce-only CSP for every panel; the codicon stylesheet only when asked for, before the panel’s', () => {
  const html = page(true);
  assertNonceOnlyCsp(pageCsp(html), 'bm9uY2U=', 'https://webview.example');
  const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]);
  assert.deepEqual(links, [
    'https://webview.example/dist/webview/codicons/codicon.css',
    'https://webview.example/media/compare.css',
  ]);
  assert.equal([...page(false).matchAll(/<link rel="stylesheet"/g)].length, 1);
});

void test('inert data cannot close its element and reads back intact; the title is text', () => {
  const html = page(false);
  const json =
    /<script type="application\/json" id="initial-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  assert.ok(!json.includes('<'));
  assert.equal((JSON.parse(json) as { label: string }).label, hostile);
  assert.equal(html.match(/<\/script>/g)?.length, 2);
  assert.ok(!html.includes(`<title>Compare ${hostile}`));
});

void test('message guards: one check per type, nothing from the prototype, bounded name lists', () => {
  type Message = { type: 'ready' } | { type: 'open'; path: string };
  const guard = messageGuard<Message>({
    ready: () => true,
    open: (message) => typeof message.path === 'string',
  });
  assert.ok(guard({ type: 'ready' }));
  assert.ok(guard({ type: 'open', path: 'a' }));
  for (const value of [{ type: 'open' }, { type: 'toString' }, { type: 'constructor' }, [], 'ready', null])
    assert.equal(guard(value), false, JSON.stringify(value));
  assert.ok(isNameList(['a', 'b']));
  assert.equal(isNameList([]), false);
  assert.equal(isNameList(['a', '']), false);
});
