import type { DagViewState } from '../../src/core/protocols/dagProtocol';
import type { Box } from './layout';

const minZoom = 0.05;
const maxZoom = 4;
/** Below this the node labels cannot be read. */
const readableZoom = 0.6;

/** Zoom (wheel, buttons) and pan (drag) of the scene; reports every change so the page can keep it. */
export class Viewport {
  zoom = 1;
  panX = 0;
  panY = 0;
  private scene: SVGGElement | undefined;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly onChange: (state: Pick<DagViewState, 'zoom' | 'panX' | 'panY'>) => void,
  ) {
    svg.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const bounds = svg.getBoundingClientRect();
        this.zoomAt(
          Math.exp(-event.deltaY * 0.0015),
          event.clientX - bounds.left,
          event.clientY - bounds.top,
        );
      },
      { passive: false },
    );
    let drag: { x: number; y: number; panX: number; panY: number; moved: boolean } | undefined;
    svg.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, panX: this.panX, panY: this.panY, moved: false };
    });
    svg.addEventListener('pointermove', (event) => {
      if (!drag) return;
      // Capture only once the pointer really moves, so that a plain click still reaches the node under it.
      if (!drag.moved && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < 4) return;
      if (!drag.moved) {
        drag.moved = true;
        svg.setPointerCapture(event.pointerId);
        svg.classList.add('dragging');
      }
      this.set(this.zoom, drag.panX + event.clientX - drag.x, drag.panY + event.clientY - drag.y);
    });
    const end = (): void => {
      drag = undefined;
      svg.classList.remove('dragging');
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
  }

  attach(scene: SVGGElement): void {
    this.scene = scene;
    this.apply();
  }

  set(zoom: number, panX: number, panY: number): void {
    this.zoom = Math.min(maxZoom, Math.max(minZoom, zoom));
    this.panX = panX;
    this.panY = panY;
    this.apply();
    this.onChange({ zoom: this.zoom, panX: this.panX, panY: this.panY });
  }

  /** Zooms by `factor` keeping the point (x, y) of the view where it is. */
  zoomAt(factor: number, x = this.svg.clientWidth / 2, y = this.svg.clientHeight / 2): void {
    const zoom = Math.min(maxZoom, Math.max(minZoom, this.zoom * factor));
    const scale = zoom / this.zoom;
    this.set(zoom, x - (x - this.panX) * scale, y - (y - this.panY) * scale);
  }

  /** Shows the whole graph, never enlarged beyond 100%. */
  fit(width: number, height: number): void {
    const viewWidth = this.svg.clientWidth || 800;
    const viewHeight = this.svg.clientHeight || 600;
    const zoom = Math.min(1, viewWidth / Math.max(width, 1), viewHeight / Math.max(height, 1));
    this.set(zoom, (viewWidth - width * zoom) / 2, Math.max(0, (viewHeight - height * zoom) / 2));
  }

  /**
   * The first view without saved state: the whole graph when it is readable so, otherwise its top at a
   * readable zoom (a 500-stage chain fitted whole is a grey line).
   */
  overview(width: number, height: number): void {
    const viewWidth = this.svg.clientWidth || 800;
    const whole = Math.min(
      1,
      viewWidth / Math.max(width, 1),
      (this.svg.clientHeight || 600) / Math.max(height, 1),
    );
    if (whole >= readableZoom) return this.fit(width, height);
    const zoom = Math.max(readableZoom, Math.min(1, viewWidth / Math.max(width, 1)));
    this.set(zoom, Math.max(0, (viewWidth - width * zoom) / 2), 0);
  }

  /** Pans so that the box is in view, centring it when it was outside; zooms in when text is unreadable. */
  reveal(box: Box): void {
    if (this.zoom < readableZoom) {
      this.set(1, this.svg.clientWidth / 2 - box.x, this.svg.clientHeight / 2 - box.y);
      return;
    }
    const x = box.x * this.zoom + this.panX;
    const y = box.y * this.zoom + this.panY;
    const margin = 40;
    if (x > margin && y > margin && x < this.svg.clientWidth - margin && y < this.svg.clientHeight - margin)
      return;
    this.set(
      this.zoom,
      this.svg.clientWidth / 2 - box.x * this.zoom,
      this.svg.clientHeight / 2 - box.y * this.zoom,
    );
  }

  private apply(): void {
    this.scene?.setAttribute('transform', `translate(${this.panX},${this.panY}) scale(${this.zoom})`);
  }
}
