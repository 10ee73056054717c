/** An image plot: one image per revision, side by side, each captioned with its revision and colour. */
import type {
  ImageCard,
  LegendEntry,
  PlotRenderReport,
  PlotsUiState,
} from '../../src/plots/dashboard/protocol';
import { htmlElement } from '../shared/dom';

export class ImagePlotCard {
  readonly element: HTMLElement;
  private readonly loaded = new Set<string>();

  constructor(
    private readonly data: ImageCard,
    legend: readonly LegendEntry[],
    /** This card's draw count on the page, this one included. */
    private readonly renders: number,
    private readonly host: { readonly state: PlotsUiState },
    onLoad: () => void,
  ) {
    this.element = htmlElement('section', { class: 'plot-card image', 'data-plot-id': data.id });
    this.element.append(htmlElement('h3', { class: 'plot-title', title: data.id }, data.title));
    const grid = htmlElement('div', { class: 'image-grid' });
    for (const revision of data.revisions) {
      const cell = htmlElement('figure', { class: 'image-cell' });
      const caption = htmlElement('figcaption', {});
      const swatch = htmlElement('span', { class: 'swatch' });
      swatch.style.backgroundColor =
        legend.find((entry) => entry.rev === revision.rev)?.colour ?? 'transparent';
      caption.append(swatch, htmlElement('span', {}, revision.rev));
      if (revision.imageUri) {
        // Lazy: images of several MB load only when scrolled near.
        const image = htmlElement('img', {
          alt: `${data.title} at ${revision.rev}`,
          loading: 'lazy',
          src: revision.imageUri,
        });
        image.addEventListener('load', () => {
          this.loaded.add(revision.rev);
          onLoad();
        });
        cell.append(image);
      } else {
        const text = revision.state === 'error' ? (revision.error ?? 'error') : 'not available';
        cell.append(htmlElement('p', { class: `image-missing ${revision.state}` }, text));
      }
      cell.append(caption);
      grid.append(cell);
    }
    this.element.append(grid);
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
    };
  }
}
