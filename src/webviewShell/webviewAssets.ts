/**
 * The host side of the page shell: the webview URIs of a panel's script and stylesheets, a fresh nonce, and
 * the panel options that allow exactly those folders. The codicon font and stylesheet are copied by
 * scripts/build.mjs from @vscode/codicons into dist/webview/codicons (so they are packaged with dist/).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { WebviewPageAssets } from './webviewHtml';

export interface PageAssetNames {
  /** The webview entry's name: `dist/webview/<script>.js`. */
  readonly script: string;
  /** The panel's own stylesheet, relative to `media/`. */
  readonly style: string;
  /** Link codicon.css so the page can use `<span class="codicon codicon-…">`. */
  readonly codicons?: boolean;
}

export function webviewPageAssets(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  names: PageAssetNames,
): WebviewPageAssets {
  const uri = (...segments: string[]): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  return {
    cspSource: webview.cspSource,
    nonce: randomBytes(18).toString('base64'),
    scriptUri: uri('dist', 'webview', `${names.script}.js`),
    styleUri: uri('media', ...names.style.split('/')),
    ...(names.codicons ? { codiconUri: uri('dist', 'webview', 'codicons', 'codicon.css') } : {}),
  };
}

/** Scripts on, and nothing readable but the bundled webview code and media. */
export function webviewPanelOptions(
  extensionUri: vscode.Uri,
  extra: vscode.WebviewPanelOptions = {},
): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
    ...extra,
  };
}
