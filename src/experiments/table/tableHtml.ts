import { embeddedJson } from '../../pipeline/dag/dagHtml';
import type { TableInitialData } from './protocol';

export interface TableHtmlInput {
  /** `webview.cspSource`: where styles, images and fonts may come from. */
  readonly cspSource: string;
  /** A fresh random nonce for the one script. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly initial: TableInitialData;
}

/** JSON text made safe inside a `<script>` element (as `embeddedJson` does for a value). */
function inertJsonText(text: string): string {
  return text
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The table's page: a nonce-only CSP (no 'unsafe-inline', no 'unsafe-eval'), the stylesheet and script from
 * the extension's folders, and the first snapshot as inert JSON so the first paint needs no round trip.
 * Positions of the virtualized cells are set through the CSSOM (`element.style.top`), which a CSP without
 * 'unsafe-inline' styles allows; `style="..."` attributes would not be.
 */
export function tableHtml(input: TableHtmlInput): string {
  const csp = [
    "default-src 'none'",
    `img-src ${input.cspSource} data:`,
    `style-src ${input.cspSource}`,
    `script-src 'nonce-${input.nonce}'`,
    `font-src ${input.cspSource}`,
  ].join('; ');
  // Each column's cells in their own inert element: the page parses the few it shows, not all 40 MB.
  const { values, ...snapshot } = input.initial.snapshot;
  const initial = { ...input.initial, snapshot: { ...snapshot, values: [] }, valuesInPage: true };
  const columns = values
    .map(
      (text, index) => `<script type="application/json" id="values-${index}">${inertJsonText(text)}</script>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(input.styleUri)}">
<title>Experiments</title>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="initial-data">${embeddedJson(initial)}</script>
${columns}
<script nonce="${attribute(input.nonce)}" src="${attribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
