/**
 * The messages every panel's protocol shares (src/webviewShell/panelHost.ts handles them for every panel).
 */

/** Webview → host, first on every page load: the script runs and listens; the host may now post. */
export interface PanelReadyMessage {
  readonly type: 'ready';
}

/** Webview → host: the page's UI state changed; the host keeps it per workspace and embeds it next time. */
export interface PanelSaveStateMessage<S> {
  readonly type: 'saveState';
  readonly state: S;
}
