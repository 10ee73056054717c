/**
 * The compare panel's protocol, shared by the host (src/experiments/compare) and the webview
 * (webview/compare); types only. The host checks what arrives with `isCompareWebviewMessage`
 * (src/experiments/compare/compareMessages.ts). Every string in it (names, keys, paths, values) is
 * workspace text: the webview renders it with `textContent`, never as HTML.
 */
import type { PanelReadyMessage } from './panelMessages';
import type { CompareModel, CompareRevision } from '../compare/compareModel';

export type { CompareModel, CompareRevision, CompareRow, CompareVerdict } from '../compare/compareModel';
export type { FileChange, FileChangeKind } from '../compare/compareChanges';

/** What the panel shows: DVC and git still answering, the model, or why it failed. */
export type CompareViewState =
  | { readonly kind: 'loading'; readonly a: CompareRevision; readonly b: CompareRevision }
  | {
      readonly kind: 'ready';
      readonly model: CompareModel;
      /** "eval/metrics.json: data not in the local cache" when DVC marked metrics so: one line with Pull. */
      readonly notInCache?: string;
    }
  | {
      readonly kind: 'error';
      readonly a: CompareRevision;
      readonly b: CompareRevision;
      /** DVC's or git's message, shown as text with a "Show log" button. */
      readonly message: string;
    };

/** Embedded in the page as inert JSON (`initial-data`), so the first paint needs no round trip. */
export interface CompareInitialData {
  readonly state: CompareViewState;
}

/** Host -> webview: a new state (after loading, a refresh, or a settings change). */
export type CompareHostMessage = { readonly type: 'state'; readonly state: CompareViewState };

/** Webview -> host. */
export type CompareWebviewMessage =
  /** The page is listening; the host answers with the latest state. */
  | PanelReadyMessage
  /** A changed source file was clicked: open the diff editor between the two revisions. */
  | { readonly type: 'openFile'; readonly path: string }
  /** The error state's "Show log" button. */
  | { readonly type: 'showLog' }
  /** Ask DVC and git again. */
  | { readonly type: 'refresh' }
  /** Swap sides A and B. */
  | { readonly type: 'swap' }
  /** The "data not in the local cache" line's Pull button. */
  | { readonly type: 'pull' };

/** The webview's own UI state (getState/setState): survives hiding the panel. */
export interface CompareUiState {
  readonly onlyChanged: boolean;
}
