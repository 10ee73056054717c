/** A template plot's card: title, toolbar (log scale, exports), the chart, and what each revision lacks. */
import { withLogScale } from '../../src/core/plots/specOptions';
import type {
  ExportFormat,
  FailedCard,
  LegendEntry,
  PlotRenderReport,
  TemplateCard,
} from '../../src/plots/dashboard/protocol';
import { htmlElement } from '../shared/dom';
import { drawnRevisions, exportView, renderSpec, type RenderedPlot } from './vegaRender';

export interface CardHost {
  readonly legend: readonly LegendEntry[];
  isLogScale(id: string): boolean;
  setLogScale(id: string, on: boolean): void;
  requestExport(id: string, format: ExportFormat): void;
  /** Called after every render attempt so the page can report to the host. */
  didRender(): void;
}

export class TemplatePlotCard {
  readonly element: HTMLElement;
  private readonly chart: HTMLElement;
  private readonly logButton: HTMLButtonElement;
  private rendered: RenderedPlot | undefined;
  private status: PlotRenderReport['status'] = 'notInView';
  private error: string | undefined;
  private drawn: string[] = [];
  private renderedLog = false;
  private inView = false;
  private rendering: Promise<void> | undefined;

  constructor(
    private data: TemplateCard,
    private readonly host: CardHost,
  ) {
    this.element = htmlElement('section', { class: 'plot-card', 'data-plot-id': data.id });
    const header = htmlElement('header', { class: 'plot-card-header' });
    header.append(htmlElement('h3', { class: 'plot-title', title: data.id }, data.title));
    const tools = htmlElement('div', { class: 'plot-tools' });
    const logScale = withLogScale(data.spec) !== undefined;
    this.logButton = htmlElement(
      'button',
      { class: 'tool', title: 'Logarithmic y axis', 'aria-pressed': 'false' },
      'log y',
    );
    this.logButton.disabled = !logScale;
    this.logButton.addEventListener('click', () => host.setLogScale(data.id, !host.isLogScale(data.id)));
    tools.append(this.logButton);
    for (const format of ['svg', 'png', 'csv', 'json'] as const) {
      const button = htmlElement(
        'button',
        { class: 'tool', title: `Export as ${format.toUpperCase()}` },
        format.toUpperCase(),
      );
      button.addEventListener('click', () => host.requestExport(data.id, format));
      tools.append(button);
    }
    header.append(tools);
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
    return {
      id: this.data.id,
      status: this.status,
      ...(this.error ? { error: this.error } : {}),
      logScale: this.renderedLog,
      drawnRevisions: this.drawn,
      loadedImages: [],
    };
  }

  /** The IntersectionObserver says whether the card is near the viewport; only such cards render. */
  setInView(inView: boolean): void {
    this.inView = inView;
    if (inView && (this.status === 'notInView' || this.renderedLog !== this.host.isLogScale(this.data.id)))
      void this.render();
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
    this.rendered?.finalize();
  }

  private async draw(): Promise<void> {
    const log = this.host.isLogScale(this.data.id);
    const spec = (log ? withLogScale(this.data.spec) : undefined) ?? this.data.spec;
    this.logButton.setAttribute('aria-pressed', String(log));
    this.rendered?.finalize();
    this.rendered = undefined;
    try {
      this.rendered = await renderSpec(this.chart, spec);
      this.status = 'rendered';
      this.error = undefined;
      this.renderedLog = log;
      this.drawn = drawnRevisions(this.chart, this.host.legend);
    } catch (error: unknown) {
      this.status = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      this.chart.replaceChildren(
        htmlElement('p', { class: 'plot-error' }, `This plot could not be drawn: ${this.error}`),
      );
    }
    this.host.didRender();
  }
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
export function failedCardElement(data: FailedCard): HTMLElement {
  const element = htmlElement('section', {
    class: 'plot-card failed',
    'data-plot-id': data.id,
    role: 'alert',
  });
  element.append(htmlElement('h3', { class: 'plot-title' }, data.title));
  element.append(htmlElement('p', { class: 'plot-error' }, data.message));
  element.append(revisionNotes(data));
  return element;
}
