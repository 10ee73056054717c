/**
 * The one page shell every DVC Lens webview uses: a nonce-only CSP (no 'unsafe-inline', no 'unsafe-eval'),
 * stylesheets and one script from the extension's folders, and the first data as inert JSON elements so the
 * first paint needs no round trip. Pure (no `vscode`), so a unit test can check the CSP of every panel.
 */

/** Where a page's assets are, as webview URIs; see `webviewPageAssets` for how the host computes them. */
export interface WebviewPageAssets {
  /** `webview.cspSource`: where styles, images and fonts may come from. */
  readonly cspSource: string;
  /** A fresh random nonce (base64 or hex) for the one script. */
  readonly nonce: string;
  readonly scriptUri: string;
  /** The panel's stylesheet; it `@import`s media/webviewBase.css itself, so a page needs no second link. */
  readonly styleUri: string;
  /** The codicon stylesheet, for pages that draw `<span class="codicon codicon-…">`. */
  readonly codiconUri?: string;
}

/** One inert `<script type="application/json">` element: its id and its JSON text (made inert here). */
export interface InertJsonElement {
  readonly id: string;
  readonly json: string;
}

export interface WebviewHtmlInput extends WebviewPageAssets {
  readonly title: string;
  readonly data: readonly InertJsonElement[];
  /** Image sources beyond the extension's folders and `data:` (the plots page exports through `blob:`). */
  readonly extraImageSources?: readonly string[];
}

/** A value as JSON safe inside a `<script>` element (for pages built outside this shell, e.g. benchmarks). */
export function embeddedJson(value: unknown): string {
  return inertJsonText(JSON.stringify(value));
}

/** JSON text made safe inside a `<script>` element: no `<` (so no `</script>`), no separators JS chokes on. */
export function inertJsonText(text: string): string {
  return text
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The page. Positions a script computes are set through the CSSOM (`element.style.top`), which a CSP without
 * 'unsafe-inline' styles allows; `style="..."` attributes would not be.
 */
export function webviewHtml(input: WebviewHtmlInput): string {
  const csp = [
    "default-src 'none'",
    ['img-src', input.cspSource, 'data:', ...(input.extraImageSources ?? [])].join(' '),
    `style-src ${input.cspSource}`,
    `script-src 'nonce-${input.nonce}'`,
    `font-src ${input.cspSource}`,
  ].join('; ');
  const styles = [...(input.codiconUri ? [input.codiconUri] : []), input.styleUri].map(
    (uri) => `<link rel="stylesheet" href="${attribute(uri)}">`,
  );
  const data = input.data.map(
    (element) =>
      `<script type="application/json" id="${attribute(element.id)}">${inertJsonText(element.json)}</script>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.join('\n')}
<title>${attribute(input.title)}</title>
</head>
<body>
<div id="app"></div>
${data.join('\n')}
<script nonce="${attribute(input.nonce)}" src="${attribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
