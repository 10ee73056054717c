/**
 * An image plot: one image per revision, side by side, each captioned with its revision and colour. An image
 * logged per step gets a step slider (a range input: Tab reaches it, arrows/Home/End move it) that swaps the
 * row of images; it follows the newest step while a run adds steps, unless the person moved it back.
 */
import type {
  ImageCard,
  ImageRevision,
  LegendEntry,
  PlotRenderReport,
  PlotsUiState,
} from '../../src/core/protocols/plotsProtocol';
import { htmlElement } from '../shared/dom';

export interface ImageCardHost {
  readonly legend: readonly LegendEntry[];
  readonly state: PlotsUiState;
  /** The step a person picked for a card with steps; undefined: the newest. */
  chosenStep(id: string): number | undefined;
  chooseStep(id: string, step: number | undefined): void;
  /** An image loaded or the step changed: the page reports again. */
  didRender(): void;
}

export class ImagePlotCard {
  readonly element: HTMLElement;
  private readonly grid = htmlElement('div', { class: 'image-grid' });
  private readonly loaded = new Set<string>();
  private shownStep: number | undefined;

  constructor(
    private readonly data: ImageCard,
    /** This card's draw count on the page, this one included. */
    private readonly renders: number,
    private readonly host: ImageCardHost,
  ) {
    this.element = htmlElement('section', { class: 'plot-card image', 'data-plot-id': data.id });
    this.element.dataset.renders = String(renders);
    this.element.append(htmlElement('h3', { class: 'plot-title', title: data.id }, data.title));
    const steps = data.steps ?? [];
    if (steps.length > 0) this.element.append(this.stepSlider());
    this.element.append(this.grid);
    this.showStep();
  }

  get id(): string {
    return this.data.id;
  }

  report(): PlotRenderReport {
    return {
      id: this.data.id,
      status: 'image',
      logScale: false,
      drawnRevisions: [],
      loadedImages: [...this.loaded],
      renders: this.renders,
      points: 0,
      smoothing: 0,
      zoomed: false,
      fullScreen: false,
      size: this.host.state.size ?? 'medium',
      ...(this.data.steps ? { steps: this.data.steps.map((entry) => entry.step), ...this.stepReport() } : {}),
    };
  }

  /** Shows the step the person chose (or the newest) with a row of images per revision. */
  private showStep(): void {
    const steps = this.data.steps ?? [];
    const chosen = this.host.chosenStep(this.data.id);
    const entry = steps.find((candidate) => candidate.step === chosen) ?? steps[steps.length - 1];
    this.shownStep = entry?.step;
    this.loaded.clear();
    this.grid.replaceChildren(
      ...(entry?.revisions ?? this.data.revisions).map((revision) => this.cell(revision)),
    );
    this.element.dataset.step = entry === undefined ? '' : String(entry.step);
  }

  private stepReport(): { step?: number } {
    return this.shownStep === undefined ? {} : { step: this.shownStep };
  }

  private stepSlider(): HTMLElement {
    const steps = this.data.steps ?? [];
    const last = steps.length - 1;
    const chosen = this.host.chosenStep(this.data.id);
    const index = Math.max(
      0,
      steps.findIndex((entry) => entry.step === chosen),
    );
    const slider = htmlElement('input', {
      type: 'range',
      class: 'step-slider',
      min: 0,
      max: last,
      step: 1,
      value: chosen === undefined ? last : index,
      'aria-label': `Step of ${this.data.title}`,
    });
    const label = htmlElement('span', { class: 'step-value' });
    const describe = (): void => {
      const position = Number(slider.value);
      const text = `step ${steps[position]?.step ?? ''} (${position + 1} of ${steps.length})`;
      label.textContent = text;
      slider.setAttribute('aria-valuetext', text);
    };
    slider.addEventListener('input', () => {
      const position = Number(slider.value);
      // At the last position the card follows new steps again.
      this.host.chooseStep(this.data.id, position === last ? undefined : steps[position]?.step);
      describe();
      this.showStep();
      this.host.didRender();
    });
    describe();
    const wrapper = htmlElement('label', { class: 'step-control' });
    wrapper.append(slider, label);
    return wrapper;
  }

  private cell(revision: ImageRevision): HTMLElement {
    const cell = htmlElement('figure', { class: 'image-cell' });
    const caption = htmlElement('figcaption', {});
    const swatch = htmlElement('span', { class: 'swatch' });
    swatch.style.backgroundColor =
      this.host.legend.find((entry) => entry.rev === revision.rev)?.colour ?? 'transparent';
    caption.append(swatch, htmlElement('span', {}, revision.rev));
    if (revision.imageUri) {
      // Lazy: images of several MB load only when scrolled near.
      const image = htmlElement('img', {
        alt: `${this.data.title} at ${revision.rev}`,
        loading: 'lazy',
        src: revision.imageUri,
      });
      image.addEventListener('load', () => {
        this.loaded.add(revision.rev);
        this.host.didRender();
      });
      cell.append(image);
    } else {
      const text = revision.state === 'error' ? (revision.error ?? 'error') : 'not available';
      cell.append(htmlElement('p', { class: `image-missing ${revision.state}` }, text));
    }
    cell.append(caption);
    return cell;
  }
}
