/**
 * The dashboard's page, built by the shared webview shell.
 *
 * CSP: scripts by nonce only; no 'unsafe-eval' (Vega runs with `ast: true` and vega-interpreter instead of
 * compiling expressions with `new Function`) and no 'unsafe-inline' for scripts or styles: vega-embed's
 * injected stylesheet (`defaultStyle`) and vega-tooltip's (`disableDefaultStyle`) are turned off and
 * media/plots.css styles both; positions Vega sets go through the CSSOM, which the CSP allows.
 * Images: from the webview's resource origin (the images folder is a local resource root) and `data:`
 * (PNG export renders through a canvas).
 */
import { webviewHtml, type WebviewPageAssets } from '../../webviewShell/webviewHtml';
import type { PlotsInitialData } from '../../core/protocols/plotsProtocol';

export interface PlotsHtmlInput extends WebviewPageAssets {
  readonly initial: PlotsInitialData;
}

export function plotsHtml(input: PlotsHtmlInput): string {
  const { initial, ...assets } = input;
  return webviewHtml({
    ...assets,
    title: 'Plots',
    data: [{ id: 'initial-data', json: JSON.stringify(initial) }],
    extraImageSources: ['blob:'],
  });
}
