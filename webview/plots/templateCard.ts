/**
 * A template plot's card: title, tools (log scale, smoothing, zoom reset, full screen, exports), the chart,
 * and what each revision lacks. The chart is drawn from DVC's spec through pure spec options (src/core/plots)
 * with the choices persisted for the page; zoom and pan are the spec's scale-bound interval selection, and
 * where a person zooms to is saved so a live update or a reopened page keeps it.
 */
import {
  isLinePlot,
  withLogScale,
  withoutTemplateSmoothingInput,
  withSmoothing,
} from '../../src/core/plots/specOptions';
import {
  PLOT_PIXELS,
  withSize,
  withZoom,
  zoomDomainOf,
  type ZoomDomain,
} from '../../src/core/plots/specView';
import type {
  ExportFormat,
  FailedCard,
  LegendEntry,
  PlotRenderReport,
  PlotsUiChange,
  PlotsUiState,
  TemplateCard,
} from '../../src/core/protocols/plotsProtocol';
import { htmlElement } from '../shared/dom';
import { cardTools, type CardTools } from './cardTools';
import { drawnRevisions, exportView, renderSpec, type RenderedPlot } from './vegaRender';

export interface CardHost {
  readonly legend: readonly LegendEntry[];
  readonly state: PlotsUiState;
  change(change: PlotsUiChange): void;
  requestExport(id: string, format: ExportFormat): void;
  /** Called after every render attempt so the page can report to the host. */
  didRender(): void;
}

const ZOOM_SAVE_DELAY_MS = 300;

export class TemplatePlotCard {
  readonly element: HTMLElement;
  private readonly chart: HTMLElement;
  private readonly tools: CardTools;
  private rendered: RenderedPlot | undefined;
  private status: PlotRenderReport['status'] = 'notInView';
  private error: string | undefined;
  private drawn: string[] = [];
  /** The options of the last draw, as a key: a change of them redraws. */
  private drawnKey: string | undefined;
  private drawnPoints = 0;
  private drawnZoom = false;
  private renders = 0;
  private inView = false;
  private rendering: Promise<void> | undefined;
  private zoomTimer: ReturnType<typeof setTimeout> | undefined;
  /** The zoom on screen: drawn with, or made with the mouse since. */
  private shownZoom: ZoomDomain | undefined;

  constructor(
    private data: TemplateCard,
    private readonly host: CardHost,
  ) {
    this.element = htmlElement('section', { class: 'plot-card', 'data-plot-id': data.id });
    const header = htmlElement('header', { class: 'plot-card-header' });
    header.append(htmlElement('h3', { class: 'plot-title', title: data.id }, data.title));
    this.tools = cardTools(
      data.title,
      { logScale: withLogScale(data.spec) !== undefined, smoothing: isLinePlot(data.spec) },
      {
        toggleLogScale: () => host.change({ kind: 'logScale', id: data.id, on: !this.options().log }),
        setSmoothing: (weight) => host.change({ kind: 'smoothing', id: data.id, weight }),
        resetZoom: () => host.change({ kind: 'zoom', id: data.id }),
        toggleFullScreen: () =>
          host.change({ kind: 'fullScreen', ...(this.options().fullScreen ? {} : { id: data.id }) }),
        export: (format) => host.requestExport(data.id, format),
      },
    );
    header.append(this.tools.element);
    this.chart = htmlElement('div', { class: 'plot-chart' });
    this.element.append(
      header,
      this.chart,
      revisionNotes(data),
      ...(data.note ? [htmlElement('p', { class: 'plot-note' }, data.note)] : []),
    );
  }

  get id(): string {
    return this.data.id;
  }

  /** Drawn (or failed) if near the viewport; cards out of view count as settled. */
  get settled(): boolean {
    return !this.inView || this.status === 'rendered' || this.status === 'failed';
  }

  get hasRendered(): boolean {
    return this.status === 'rendered';
  }

  report(): PlotRenderReport {
    const options = this.options();
    return {
      id: this.data.id,
      status: this.status,
      ...(this.error ? { error: this.error } : {}),
      logScale: this.drawnKey !== undefined && options.log,
      drawnRevisions: this.drawn,
      loadedImages: [],
      renders: this.renders,
      points: this.drawnPoints,
      smoothing: this.drawnKey !== undefined ? options.smoothing : 0,
      zoomed: this.drawnZoom,
      fullScreen: options.fullScreen,
      size: options.size,
    };
  }

  /** The IntersectionObserver says whether the card is near the viewport; only such cards render. */
  setInView(inView: boolean): void {
    this.inView = inView;
    if (inView && (this.status === 'notInView' || this.drawnKey !== optionsKey(this.options())))
      void this.render();
  }

  /** The persisted options changed (any card's: the size is the page's): redraw when they differ for us. */
  optionsChanged(): void {
    this.element.classList.toggle('full-screen', this.options().fullScreen);
    this.tools.show(this.options());
    if (this.inView && this.drawnKey !== optionsKey(this.options())) void this.render();
  }

  /**
   * The saved zoom changed. What the mouse did is already on screen (`shownZoom` says so); a reset or a zoom
   * set from elsewhere (the host, for tests) draws again.
   */
  zoomChanged(domain: ZoomDomain | undefined): void {
    if (JSON.stringify(domain) === JSON.stringify(this.shownZoom)) return;
    if (this.inView) void this.render();
    else this.drawnKey = undefined;
  }

  focusFullScreenButton(): void {
    this.tools.focusFullScreen();
  }

  /** New data for the same plot id: re-render now when in view, else when it comes into view. */
  update(data: TemplateCard): void {
    this.data = data;
    this.status = 'notInView';
    this.element.querySelector('.plot-revisions')?.replaceWith(revisionNotes(data));
    if (this.inView) void this.render();
  }

  async render(): Promise<void> {
    // One render at a time per card; a change during one is picked up by the next call.
    await this.rendering;
    this.rendering = this.draw();
    await this.rendering;
  }

  async export(format: 'svg' | 'png'): Promise<string> {
    if (!this.rendered) await this.render();
    if (!this.rendered) throw new Error(this.error ?? 'The plot did not render.');
    return exportView(this.rendered.view, format);
  }

  dispose(): void {
    if (this.zoomTimer) clearTimeout(this.zoomTimer);
    this.rendered?.finalize();
  }

  private options(): DrawOptions {
    const state = this.host.state;
    return {
      log: state.logScale.includes(this.data.id),
      smoothing: state.smoothing?.[this.data.id] ?? 0,
      fullScreen: state.fullScreen === this.data.id,
      size: state.size ?? 'medium',
    };
  }

  private async draw(): Promise<void> {
    const options = this.options();
    const zoomDomain = this.host.state.zoom?.[this.data.id];
    this.tools.show(options);
    this.element.classList.toggle('full-screen', options.fullScreen);
    let spec = withoutTemplateSmoothingInput(this.data.spec);
    if (options.log) spec = withLogScale(spec) ?? spec;
    spec = withSmoothing(spec, options.smoothing);
    spec = withSize(spec, options.fullScreen ? fullScreenPixels() : PLOT_PIXELS[options.size]);
    const zoom = withZoom(spec, zoomDomain);
    if (zoom) spec = zoom.spec;
    if (this.zoomTimer) clearTimeout(this.zoomTimer);
    this.rendered?.finalize();
    this.rendered = undefined;
    try {
      this.rendered = await renderSpec(this.chart, spec);
      this.status = 'rendered';
      this.error = undefined;
      this.drawnKey = optionsKey(options);
      this.drawnZoom = zoom !== undefined && zoomDomain !== undefined;
      this.shownZoom = this.drawnZoom ? zoomDomain : undefined;
      this.drawnPoints = rowCount(spec);
      this.renders += 1;
      this.drawn = drawnRevisions(this.chart, this.host.legend);
      if (zoom) this.saveZoomOnChange(zoom.param, spec);
    } catch (error: unknown) {
      this.status = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      this.drawnKey = optionsKey(options);
      this.chart.replaceChildren(
        htmlElement('p', { class: 'plot-error' }, `This plot could not be drawn: ${this.error}`),
      );
    }
    this.element.dataset.renders = String(this.renders);
    this.element.dataset.points = String(this.drawnPoints);
    this.host.didRender();
  }

  /** Wheel and drag change the selection's signal; the resting zoom is saved (not redrawn: it is shown). */
  private saveZoomOnChange(param: string, spec: Readonly<Record<string, unknown>>): void {
    const view = this.rendered?.view;
    view?.addSignalListener(param, (_name: string, value: unknown) => {
      if (this.zoomTimer) clearTimeout(this.zoomTimer);
      this.zoomTimer = setTimeout(() => {
        const domain = zoomDomainOf(spec, value);
        this.drawnZoom = domain !== undefined;
        this.shownZoom = domain;
        this.host.change({ kind: 'zoom', id: this.data.id, ...(domain ? { domain } : {}) });
      }, ZOOM_SAVE_DELAY_MS);
    });
  }
}

interface DrawOptions {
  readonly log: boolean;
  readonly smoothing: number;
  readonly fullScreen: boolean;
  readonly size: NonNullable<PlotsUiState['size']>;
}

function optionsKey(options: DrawOptions): string {
  return JSON.stringify(options);
}

/** The chart's size when its card fills the panel (room left for the header and the revision notes). */
function fullScreenPixels(): { width: number; height: number } {
  return {
    width: Math.max(300, window.innerWidth - 120),
    height: Math.max(200, window.innerHeight - 180),
  };
}

function rowCount(spec: Readonly<Record<string, unknown>>): number {
  const data = spec.data;
  return typeof data === 'object' && data !== null && 'values' in data && Array.isArray(data.values)
    ? data.values.length
    : 0;
}

/** Under the chart: each revision that has no data here, marked "not available" or with DVC's message. */
export function revisionNotes(data: TemplateCard | FailedCard): HTMLElement {
  const list = htmlElement('ul', { class: 'plot-revisions' });
  for (const revision of data.revisions) {
    if (revision.state === 'ok') continue;
    const item = htmlElement('li', { class: `revision-note ${revision.state}` });
    item.append(htmlElement('span', { class: 'revision-name' }, revision.rev));
    item.append(
      htmlElement('span', {}, revision.state === 'missing' ? 'not available' : (revision.error ?? 'error')),
    );
    list.append(item);
  }
  return list;
}

/** A plot DVC could not render at all: the error card, so the others still show. */
export function failedCardElement(data: FailedCard, pull?: () => void): HTMLElement {
  const element = htmlElement('section', {
    class: 'plot-card failed',
    'data-plot-id': data.id,
    role: 'alert',
  });
  element.append(htmlElement('h3', { class: 'plot-title' }, data.title));
  element.append(htmlElement('p', { class: 'plot-error' }, data.message));
  if (pull) {
    // Data not in the local cache is a state with an action, not a dead end.
    const button = htmlElement('button', { class: 'plot-pull' }, 'Pull');
    button.addEventListener('click', pull);
    element.append(button);
  }
  element.append(revisionNotes(data));
  return element;
}
