import type { DagSnapshot } from './protocol';

export interface DagHtmlInput {
  /** `webview.cspSource`: where styles, images and fonts may come from. */
  readonly cspSource: string;
  /** A fresh random nonce (base64 or hex) for the one script. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly snapshot: DagSnapshot;
}

/** JSON safe inside a `<script>` element: no `<` (so no `</script>`), no line separators JS chokes on. */
export function embeddedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The panel's page: a nonce-only CSP, the stylesheet and script from the extension's folders, and the first
 * snapshot as inert JSON so the first paint needs no round trip. Pure, so a unit test can check the CSP.
 */
export function dagHtml(input: DagHtmlInput): string {
  const csp = [
    "default-src 'none'",
    `img-src ${input.cspSource} data:`,
    `style-src ${input.cspSource}`,
    `script-src 'nonce-${input.nonce}'`,
    `font-src ${input.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(input.styleUri)}">
<title>Pipeline DAG</title>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="initial-snapshot">${embeddedJson(input.snapshot)}</script>
<script nonce="${attribute(input.nonce)}" src="${attribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
