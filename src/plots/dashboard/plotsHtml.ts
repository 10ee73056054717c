/**
 * The dashboard's page. Kept to the one function a shared webview shell would provide (CSP, stylesheet,
 * nonce'd script, embedded first snapshot), so it can delegate to that module once it exists.
 *
 * CSP: scripts by nonce only; no 'unsafe-eval' (Vega runs with `ast: true` and vega-interpreter instead of
 * compiling expressions with `new Function`) and no 'unsafe-inline' for scripts or styles: vega-embed's
 * injected stylesheet (`defaultStyle`) and vega-tooltip's (`disableDefaultStyle`) are turned off and
 * media/plots.css styles both; positions Vega sets go through the CSSOM, which the CSP allows.
 * Images: from the webview's resource origin (the images folder is a local resource root) and `data:`
 * (PNG export renders through a canvas).
 */
import { embeddedJson } from '../../pipeline/dag/dagHtml';
import type { PlotsInitialData } from './protocol';

export interface PlotsHtmlInput {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly initial: PlotsInitialData;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function plotsHtml(input: PlotsHtmlInput): string {
  const csp = [
    "default-src 'none'",
    `img-src ${input.cspSource} data: blob:`,
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
<title>Plots</title>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="initial-data">${embeddedJson(input.initial)}</script>
<script nonce="${attribute(input.nonce)}" src="${attribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
