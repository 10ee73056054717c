/**
 * The messages between the plots dashboard's host (src/plots/dashboard) and its webview (webview/plots).
 * Types only: both sides import this file; the host checks what arrives with `isPlotsWebviewMessage`.
 * Every string from the workspace (plot ids, titles, revision names, DVC's messages) is shown as text.
 */
import type { PlotRevision } from '../../core/plots/plotModel';
import type { CustomPlotsAction, CustomPlotsSection } from '../custom/customPlotsProtocol';

/** One revision in the legend, with the colour it has in every plot. */
export interface LegendEntry {
  readonly rev: string;
  readonly colour: string;
}

/** A template plot, its spec already in our colours (and thinned when huge). */
export interface TemplateCard {
  readonly kind: 'template';
  readonly id: string;
  readonly title: string;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly revisions: readonly PlotRevision[];
  /** Set when the data was downsampled for display. */
  readonly note?: string;
}

/** An image revision as the webview loads it. */
export interface ImageRevision extends PlotRevision {
  /** A webview URI (with a version query so a rewritten file is reloaded). */
  readonly imageUri?: string;
}

export interface ImageCard {
  readonly kind: 'image';
  readonly id: string;
  readonly title: string;
  readonly revisions: readonly ImageRevision[];
}

/** A plot DVC could not render in any revision: an error card. */
export interface FailedCard {
  readonly kind: 'failed';
  readonly id: string;
  readonly title: string;
  readonly message: string;
  readonly revisions: readonly PlotRevision[];
}

export type PlotCard = TemplateCard | ImageCard | FailedCard;

/** Everything the page shows; sent whole (first embedded in the HTML, then on every change). */
export interface PlotsSnapshot {
  readonly revisions: readonly LegendEntry[];
  readonly plots: readonly PlotCard[];
  /** A `dvc plots diff` is running; the plots are those of the previous one. */
  readonly loading: boolean;
  /** Why the last refresh failed (DVC's sentence), shown above the last good plots. */
  readonly error?: string;
  /** `dvcLens.plots.maxRevisions`, for the hint next to the revisions button. */
  readonly maxRevisions: number;
  /** The "Custom" section (src/plots/custom); absent where the host has no custom plots feature. */
  readonly custom?: CustomPlotsSection;
}

/** What persists per workspace: collapsed sections and the plots shown with a log scale. */
export interface PlotsUiState {
  readonly collapsed: readonly string[];
  readonly logScale: readonly string[];
}

export type ExportFormat = 'svg' | 'png' | 'csv' | 'json';

/** The sections of the page, in order; their ids are what `collapsed` holds. */
export type PlotsSectionId = 'templates' | 'images';

/** What the page drew for one plot, reported after each render (read by tests through the host). */
export interface PlotRenderReport {
  readonly id: string;
  readonly status: 'rendered' | 'failed' | 'notInView' | 'image';
  readonly error?: string;
  readonly logScale: boolean;
  /** Revisions whose colour appears on a drawn mark (line, point, rect) in the rendered SVG. */
  readonly drawnRevisions: readonly string[];
  /** Images loaded (image plots), by revision. */
  readonly loadedImages: readonly string[];
}

export interface PlotsInitialData {
  readonly snapshot: PlotsSnapshot;
  readonly uiState?: PlotsUiState;
}

/** Host → webview. */
export type PlotsHostMessage =
  | { readonly type: 'snapshot'; readonly snapshot: PlotsSnapshot }
  /** Asks the page for a rendered plot (SVG text or PNG base64) to save; answered with `exported`. */
  | {
      readonly type: 'exportRequest';
      readonly requestId: number;
      readonly id: string;
      readonly format: 'svg' | 'png';
    }
  | { readonly type: 'setLogScale'; readonly id: string; readonly on: boolean };

/** Webview → host. */
export type PlotsWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'selectRevisions' }
  | { readonly type: 'showLog' }
  /** The person asked to export a plot: the host asks where (save dialog) and writes it. */
  | { readonly type: 'export'; readonly id: string; readonly format: ExportFormat }
  /** The answer to `exportRequest`: `content` is SVG text or PNG bytes in base64; undefined on failure. */
  | {
      readonly type: 'exported';
      readonly requestId: number;
      readonly content?: string;
      readonly error?: string;
    }
  | { readonly type: 'saveState'; readonly state: PlotsUiState }
  | { readonly type: 'rendered'; readonly reports: readonly PlotRenderReport[] }
  /** The Custom section: add, edit, remove a custom plot, or what it drew (src/plots/custom). */
  | { readonly type: 'customPlots'; readonly action: CustomPlotsAction };
