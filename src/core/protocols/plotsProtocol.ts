/**
 * The messages between the plots dashboard's host (src/plots/dashboard) and its webview (webview/plots).
 * Types only: both sides import this file; the host checks what arrives with `isPlotsWebviewMessage`.
 * Every string from the workspace (plot ids, titles, revision names, DVC's messages) is shown as text.
 */
import type { PanelReadyMessage, PanelSaveStateMessage } from './panelMessages';
import type { PlotRevision } from '../plots/plotModel';
import type { PlotSize, ZoomDomain } from '../plots/specView';
import type { CustomPlotsAction, CustomPlotsSection } from './customPlotsProtocol';

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

/** One step of an image plot logged per step (DVCLive's `<name>/<step>.png`). */
export interface ImageStepCard {
  readonly step: number;
  /** DVC's plot id of this step's file. */
  readonly id: string;
  readonly revisions: readonly ImageRevision[];
}

export interface ImageCard {
  readonly kind: 'image';
  /** DVC's plot id, or the folder of a plot logged per step. */
  readonly id: string;
  readonly title: string;
  /** The images (of the last step, for a plot with steps). */
  readonly revisions: readonly ImageRevision[];
  /** Set for an image logged per step: every step, ascending; the card shows one with a slider. */
  readonly steps?: readonly ImageStepCard[];
}

/** A plot DVC could not render in any revision: an error card. */
export interface FailedCard {
  readonly kind: 'failed';
  readonly id: string;
  readonly title: string;
  readonly message: string;
  readonly revisions: readonly PlotRevision[];
  /** Its data is not in the local cache: the card has a Pull button (posts `pull`). */
  readonly dataNotInCache?: boolean;
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
  /** DVC's reasons that name no plot (every plot failed), shown above the cards with Pull. */
  readonly problems?: readonly string[];
  /** `dvcLens.plots.maxRevisions`, for the hint next to the revisions button. */
  readonly maxRevisions: number;
  /** The "Custom" section (src/plots/custom); absent where the host has no custom plots feature. */
  readonly custom?: CustomPlotsSection;
}

/**
 * What persists per workspace: collapsed sections, the plots shown with a log scale, and (absent in states
 * saved by older versions) smoothing and zoom per plot, the page's plot size and the plot shown full-screen.
 */
export interface PlotsUiState {
  readonly collapsed: readonly string[];
  readonly logScale: readonly string[];
  /** Smoothing weight per plot id, in (0, 0.99]; a plot not listed is not smoothed. */
  readonly smoothing?: Readonly<Record<string, number>>;
  /** The part of a chart a person zoomed or panned to, per plot id. */
  readonly zoom?: Readonly<Record<string, ZoomDomain>>;
  /** Chart size for the whole page (default medium, DVC's own). */
  readonly size?: PlotSize;
  /** The plot id shown full-screen, if any. */
  readonly fullScreen?: string;
  /** Plot ids a person hid (Choose Plots, or a card's Hide button). */
  readonly hidden?: readonly string[];
  /** Plot ids in the order a person put them (drag, Alt+Up/Down); plots not listed follow in DVC's order. */
  readonly order?: readonly string[];
}

/** One change of the persisted UI state, as a card's control (or a test, through the host) makes it. */
export type PlotsUiChange =
  | { readonly kind: 'logScale'; readonly id: string; readonly on: boolean }
  | { readonly kind: 'smoothing'; readonly id: string; readonly weight: number }
  /** Undefined `domain`: the zoom is reset. */
  | { readonly kind: 'zoom'; readonly id: string; readonly domain?: ZoomDomain }
  /** Undefined `id`: leave full-screen. */
  | { readonly kind: 'fullScreen'; readonly id?: string }
  | { readonly kind: 'size'; readonly size: PlotSize }
  /** The whole list of hidden plot ids (Choose Plots sets it, a card's Hide adds to it). */
  | { readonly kind: 'hiddenPlots'; readonly hidden: readonly string[] }
  /** The whole saved order of plot ids. */
  | { readonly kind: 'plotOrder'; readonly order: readonly string[] };

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
  /** How many times this card drew its chart or images since the page opened (live updates: 1 per change). */
  readonly renders: number;
  /** Data rows in the chart as last drawn, all revisions (template plots). */
  readonly points: number;
  /** The smoothing weight the chart was drawn with (0: off). */
  readonly smoothing: number;
  /** Drawn with a zoomed domain (persisted); false after a reset. */
  readonly zoomed: boolean;
  readonly fullScreen: boolean;
  /** The page's plot size when it was drawn. */
  readonly size: PlotSize;
  /** Image plots with several steps: the steps, and the one shown. */
  readonly steps?: readonly number[];
  readonly step?: number;
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
  | { readonly type: 'setLogScale'; readonly id: string; readonly on: boolean }
  /** Applies a UI change as if the person used the control (tests and commands). */
  | { readonly type: 'applyUiChange'; readonly change: PlotsUiChange };

/** Webview → host. */
export type PlotsWebviewMessage =
  | PanelReadyMessage
  | { readonly type: 'refresh' }
  | { readonly type: 'selectRevisions' }
  | { readonly type: 'showLog' }
  /** Pull the repository's data (a card whose data is not in the local cache asked). */
  | { readonly type: 'pull' }
  /** The person asked to export a plot: the host asks where (save dialog) and writes it. */
  | { readonly type: 'export'; readonly id: string; readonly format: ExportFormat }
  /** The answer to `exportRequest`: `content` is SVG text or PNG bytes in base64; undefined on failure. */
  | {
      readonly type: 'exported';
      readonly requestId: number;
      readonly content?: string;
      readonly error?: string;
    }
  | PanelSaveStateMessage<PlotsUiState>
  /** `shown`: the plot ids on the page, in the order shown (hidden ones left out). */
  | {
      readonly type: 'rendered';
      readonly reports: readonly PlotRenderReport[];
      readonly shown?: readonly string[];
    }
  /** The person asked to choose which plots show (the host's quick pick). */
  | { readonly type: 'choosePlots' }
  /** The Custom section: add, edit, remove a custom plot, or what it drew (src/plots/custom). */
  | { readonly type: 'customPlots'; readonly action: CustomPlotsAction };
