/** Checks every panel's page must pass, shared by the unit tests of the panels' HTML. */
import assert from 'node:assert/strict';

/** The page's Content-Security-Policy, with HTML-escaped quotes read back. */
export function pageCsp(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'the page has a CSP meta tag');
  return match[1]!.replace(/&#39;|&apos;/g, "'");
}

/** Nothing by default, scripts only by nonce, styles, images and fonts from the webview source, no unsafe-*. */
export function assertNonceOnlyCsp(policy: string, nonce: string, source: string): void {
  const escapedSource = source.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  assert.match(policy, /^default-src 'none'; /);
  assert.match(policy, new RegExp(`script-src 'nonce-${nonce.replace(/[+=/]/g, '\\$&')}'`));
  assert.match(policy, new RegExp(`style-src ${escapedSource}(;|$)`));
  assert.match(policy, new RegExp(`img-src ${escapedSource} data:`));
  assert.match(policy, new RegExp(`font-src ${escapedSource}`));
  assert.doesNotMatch(policy, /unsafe-|\*/);
}
