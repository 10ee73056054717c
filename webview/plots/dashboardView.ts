/**
 * The dashboard page: toolbar (revisions, refresh, status), the legend (one colour per revision), and two
 * collapsible sections (template plots with error cards; image plots). Cards are kept across snapshots by
 * plot id and re-render only when their data changed; only cards near the viewport render
 * (IntersectionObserver), so hundreds of plots stay responsive.
 */
import { arrangePlots, movePlot, stepPlot } from '../../src/core/plots/plotSelection';
import { PLOT_SIZES } from '../../src/core/plots/specView';
import { applyUiChange } from '../../src/core/protocols/plotsUiState';
import type {
  ExportFormat,
  LegendEntry,
  PlotCard,
  PlotsSectionId,
  PlotsSnapshot,
  PlotsUiChange,
  PlotsUiState,
  PlotsWebviewMessage,
} from '../../src/core/protocols/plotsProtocol';
import { htmlElement } from '../shared/dom';
import { focusGrip, makeArrangeable, type ArrangementHost } from './cardArrangement';
import { CustomSection } from './custom/customSection';
import { ImagePlotCard, type ImageCardHost } from './imageCard';
import { failedCardElement, TemplatePlotCard, type CardHost } from './templateCard';

type Card = TemplatePlotCard | ImagePlotCard | { readonly id: string; readonly element: HTMLElement };

const sectionTitles: Record<PlotsSectionId, string> = { templates: 'Plots', images: 'Images' };

export class DashboardView implements CardHost, ImageCardHost, ArrangementHost {
  legend: readonly LegendEntry[] = [];
  private readonly toolbar = htmlElement('div', { class: 'toolbar' });
  private readonly legendElement = htmlElement('ul', { class: 'legend', 'aria-label': 'Revisions' });
  private readonly banner = htmlElement('div', { class: 'banner', role: 'alert' });
  private readonly sections = new Map<
    PlotsSectionId,
    { element: HTMLElement; body: HTMLElement; header: HTMLButtonElement }
  >();
  private readonly status = htmlElement('span', { class: 'status' });
  private readonly sizeSelect = htmlElement('select', { class: 'plot-size', 'aria-label': 'Plot size' });
  /** Renders per image card id: an image card is rebuilt when its data changes, its count carries on. */
  private readonly imageRenders = new Map<string, number>();
  /** The step picked per image card with steps (page state: a new run starts at its newest step). */
  private readonly imageSteps = new Map<string, number>();
  private cards = new Map<string, { card: Card; json: string }>();
  private readonly observer: IntersectionObserver;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private firstRenderMarked = false;
  private readonly custom: CustomSection;
  /** The plots of the last snapshot, all of them: hiding and reordering redraw from these. */
  private plots: readonly PlotCard[] = [];
  private readonly choose = htmlElement('button', { title: 'Choose which plots show' }, 'Choose Plots…');

  constructor(
    root: HTMLElement,
    private readonly post: (message: PlotsWebviewMessage) => void,
    private uiState: PlotsUiState,
    private readonly saveState: (state: PlotsUiState) => void,
  ) {
    const revisions = htmlElement('button', { class: 'primary' }, 'Revisions…');
    revisions.addEventListener('click', () => post({ type: 'selectRevisions' }));
    const refresh = htmlElement('button', {}, 'Refresh');
    refresh.addEventListener('click', () => post({ type: 'refresh' }));
    for (const size of PLOT_SIZES) this.sizeSelect.append(htmlElement('option', { value: size }, size));
    this.sizeSelect.value = this.uiState.size ?? 'medium';
    this.sizeSelect.addEventListener('change', () => {
      const size = PLOT_SIZES.find((candidate) => candidate === this.sizeSelect.value);
      if (size) this.change({ kind: 'size', size });
    });
    const sizeLabel = htmlElement('label', { class: 'plot-size-label' }, 'Size ');
    sizeLabel.append(this.sizeSelect);
    this.choose.addEventListener('click', () => post({ type: 'choosePlots' }));
    this.toolbar.append(revisions, refresh, this.choose, sizeLabel, this.status);
    root.append(this.toolbar, this.legendElement, this.banner);
    root.ownerDocument.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.state.fullScreen !== undefined) {
        event.preventDefault();
        this.change({ kind: 'fullScreen' });
      }
    });
    root.ownerDocument.body.classList.toggle('has-full-screen', this.uiState.fullScreen !== undefined);
    root.ownerDocument.body.dataset.plotSize = this.uiState.size ?? 'medium';
    for (const id of ['templates', 'images'] as const) {
      const element = htmlElement('section', { class: 'plots-section', 'data-section': id });
      const header = htmlElement(
        'button',
        { class: 'section-header', 'aria-expanded': 'true' },
        sectionTitles[id],
      );
      header.addEventListener('click', () => this.toggleSection(id));
      const body = htmlElement('div', { class: 'section-body' });
      element.append(header, body);
      root.append(element);
      this.sections.set(id, { element, body, header });
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.plotId;
          const card = id === undefined ? undefined : this.cards.get(id)?.card;
          if (card instanceof TemplatePlotCard) card.setInView(entry.isIntersecting);
        }
      },
      { rootMargin: '100px 0px' },
    );
    this.applySections();
    // The Custom section (webview/plots/custom) keeps its collapsed state in the same list as the others.
    this.custom = new CustomSection(root, {
      post,
      isCollapsed: (id) => this.state.collapsed.includes(id),
      toggleCollapsed: (id) =>
        this.update({
          ...this.state,
          collapsed: this.state.collapsed.includes(id)
            ? this.state.collapsed.filter((candidate) => candidate !== id)
            : [...this.state.collapsed, id],
        }),
    });
  }

  show(snapshot: PlotsSnapshot): void {
    this.legend = snapshot.revisions;
    this.legendElement.replaceChildren(
      ...snapshot.revisions.map((entry) => {
        const item = htmlElement('li', { class: 'legend-entry' });
        const swatch = htmlElement('span', { class: 'swatch' });
        swatch.style.backgroundColor = entry.colour;
        item.append(swatch, htmlElement('span', {}, entry.rev));
        return item;
      }),
    );
    this.status.textContent = snapshot.loading
      ? 'Loading plots…'
      : `${snapshot.plots.length} plot(s), ${snapshot.revisions.length} revision(s) (up to ${snapshot.maxRevisions} besides the workspace)`;
    this.showError(snapshot.error, snapshot.problems);
    this.plots = snapshot.plots;
    this.showCards();
    this.custom.show(snapshot.custom, snapshot.revisions);
  }

  chosenStep(id: string): number | undefined {
    return this.imageSteps.get(id);
  }

  chooseStep(id: string, step: number | undefined): void {
    if (step === undefined) this.imageSteps.delete(id);
    else this.imageSteps.set(id, step);
  }

  get state(): PlotsUiState {
    return this.uiState;
  }

  /** A persisted choice changed (a card's control, the size box, Escape, or the host for tests). */
  change(change: PlotsUiChange): void {
    const leaving = change.kind === 'fullScreen' ? this.uiState.fullScreen : undefined;
    this.update(applyUiChange(this.uiState, change));
    const templateCard = (id: string | undefined): TemplatePlotCard | undefined => {
      const card = id === undefined ? undefined : this.cards.get(id)?.card;
      return card instanceof TemplatePlotCard ? card : undefined;
    };
    switch (change.kind) {
      case 'zoom':
        templateCard(change.id)?.zoomChanged(change.domain);
        return;
      case 'size':
        this.sizeSelect.value = change.size;
        document.body.dataset.plotSize = change.size;
        for (const { card } of this.cards.values())
          if (card instanceof TemplatePlotCard) card.optionsChanged();
        return;
      case 'hiddenPlots':
      case 'plotOrder':
        this.showCards();
        return;
      case 'fullScreen': {
        document.body.classList.toggle('has-full-screen', change.id !== undefined);
        templateCard(leaving)?.optionsChanged();
        const entering = templateCard(change.id);
        entering?.optionsChanged();
        // Keyboard users land on the control that leaves again, or back on the one they pressed.
        (entering ?? templateCard(leaving))?.focusFullScreenButton();
        if (!entering) templateCard(leaving)?.element.scrollIntoView({ block: 'nearest' });
        return;
      }
      default:
        templateCard(change.id)?.optionsChanged();
    }
  }

  movePlot(id: string, index: number): void {
    this.reorder(id, movePlot(this.sectionIds(id), id, index, this.uiState.order));
  }

  stepPlot(id: string, step: -1 | 1): void {
    this.reorder(id, stepPlot(this.sectionIds(id), id, step, this.uiState.order));
  }

  hidePlot(id: string): void {
    this.change({ kind: 'hiddenPlots', hidden: [...(this.uiState.hidden ?? []), id] });
  }

  sectionIds(id: string): readonly string[] {
    const section = this.sectionOf(id);
    return arrangePlots(this.plots, this.uiState.order, this.uiState.hidden)
      .shown.filter((plot) => sectionOfPlot(plot) === section)
      .map((plot) => plot.id);
  }

  private reorder(id: string, order: readonly string[]): void {
    this.change({ kind: 'plotOrder', order });
    focusGrip(this.cards.get(id)?.card.element);
  }

  private sectionOf(id: string): PlotsSectionId {
    const plot = this.plots.find((candidate) => candidate.id === id);
    return plot ? sectionOfPlot(plot) : 'templates';
  }

  requestExport(id: string, format: ExportFormat): void {
    this.post({ type: 'export', id, format });
  }

  /** The rendered SVG or PNG of a plot, for the host's export. */
  async exportPlot(id: string, format: 'svg' | 'png'): Promise<string> {
    const card = this.cards.get(id)?.card;
    if (!(card instanceof TemplatePlotCard)) throw new Error(`'${id}' is not a chart`);
    return card.export(format);
  }

  didRender(): void {
    this.markFirstRender();
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      const reports = [...this.cards.values()].flatMap(({ card }) =>
        card instanceof TemplatePlotCard || card instanceof ImagePlotCard ? [card.report()] : [],
      );
      this.post({ type: 'rendered', reports, shown: [...this.cards.keys()] });
    }, 50);
  }

  /** The first time every chart near the viewport is drawn: the first-render clock the benchmark reads. */
  private markFirstRender(): void {
    if (this.firstRenderMarked) return;
    const charts = [...this.cards.values()].flatMap(({ card }) =>
      card instanceof TemplatePlotCard ? [card] : [],
    );
    if (!charts.some((card) => card.hasRendered) || !charts.every((card) => card.settled)) return;
    this.firstRenderMarked = true;
    performance.mark('plots-rendered');
    performance.measure('plots-first-render', 'plots-start', 'plots-rendered');
  }

  private showCards(): void {
    const next = new Map<string, { card: Card; json: string }>();
    const bodies: Record<PlotsSectionId, HTMLElement[]> = { templates: [], images: [] };
    const { shown, hidden } = arrangePlots(this.plots, this.uiState.order, this.uiState.hidden);
    this.choose.textContent = hidden.length > 0 ? `Choose Plots… (${hidden.length} hidden)` : 'Choose Plots…';
    // Cards in the sections' order, so the rendered report lists them as a person sees them.
    const ordered = [
      ...shown.filter((plot) => plot.kind !== 'image'),
      ...shown.filter((plot) => plot.kind === 'image'),
    ];
    for (const plot of ordered) {
      const json = JSON.stringify(plot);
      const previous = this.cards.get(plot.id);
      let card = previous?.json === json ? previous.card : undefined;
      if (!card && previous?.card instanceof TemplatePlotCard && plot.kind === 'template') {
        previous.card.update(plot);
        card = previous.card;
      }
      card ??= this.createCard(plot);
      next.set(plot.id, { card, json });
      bodies[sectionOfPlot(plot)].push(card.element);
    }
    for (const [id, { card }] of this.cards)
      if (next.get(id)?.card !== card) {
        this.observer.unobserve(card.element);
        if (card instanceof TemplatePlotCard) card.dispose();
      }
    this.cards = next;
    // Re-appending cards takes the focus from a control inside one (a grip after Alt+Up): give it back.
    const focused = document.activeElement;
    for (const [id, section] of this.sections) {
      section.body.replaceChildren(...bodies[id]);
      section.element.hidden = bodies[id].length === 0;
      section.header.textContent = `${sectionTitles[id]} (${bodies[id].length})`;
    }
    if (focused instanceof HTMLElement && focused !== document.activeElement && focused.isConnected)
      focused.focus();
    for (const { card } of next.values()) this.observer.observe(card.element);
    this.didRender();
  }

  private createCard(plot: PlotCard): Card {
    const card = this.newCard(plot);
    makeArrangeable(card.element, plot.id, plot.title, this);
    return card;
  }

  private newCard(plot: PlotCard): Card {
    switch (plot.kind) {
      case 'template':
        return new TemplatePlotCard(plot, this);
      case 'image': {
        const renders = (this.imageRenders.get(plot.id) ?? 0) + 1;
        this.imageRenders.set(plot.id, renders);
        return new ImagePlotCard(plot, renders, this);
      }
      case 'failed':
        return {
          id: plot.id,
          element: failedCardElement(
            plot,
            plot.dataNotInCache ? () => this.post({ type: 'pull' }) : undefined,
          ),
        };
    }
  }

  /** The last refresh's failure, else DVC's reasons that name no plot (with Pull: usually data not pulled). */
  private showError(error: string | undefined, problems: readonly string[] | undefined): void {
    const text =
      error ?? (problems?.length ? `DVC could not load every plot: ${problems.join('; ')}` : undefined);
    this.banner.hidden = text === undefined;
    if (text === undefined) return;
    const showLog = htmlElement('button', {}, 'Show Log');
    showLog.addEventListener('click', () => this.post({ type: 'showLog' }));
    const actions = [showLog];
    if (error === undefined) {
      const pull = htmlElement('button', {}, 'Pull');
      pull.addEventListener('click', () => this.post({ type: 'pull' }));
      actions.unshift(pull);
    }
    this.banner.replaceChildren(htmlElement('span', {}, text), ...actions);
  }

  private toggleSection(id: PlotsSectionId): void {
    const collapsed = this.uiState.collapsed.includes(id)
      ? this.uiState.collapsed.filter((candidate) => candidate !== id)
      : [...this.uiState.collapsed, id];
    this.update({ ...this.uiState, collapsed });
    this.applySections();
  }

  private applySections(): void {
    for (const [id, section] of this.sections) {
      const collapsed = this.uiState.collapsed.includes(id);
      section.header.setAttribute('aria-expanded', String(!collapsed));
      section.body.hidden = collapsed;
    }
  }

  private update(state: PlotsUiState): void {
    this.uiState = state;
    this.saveState(state);
  }
}

function sectionOfPlot(plot: PlotCard): PlotsSectionId {
  return plot.kind === 'image' ? 'images' : 'templates';
}
