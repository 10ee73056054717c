/**
 * Parallel coordinates as our own SVG (no Vega: brushing stays a few lines of code and its state is plain
 * DOM a test can read). One vertical axis per column, one polyline per experiment in its legend colour.
 * Brushing: drag along an axis to keep only the lines passing through that range (the others dim); a click
 * on the axis clears its brush. Keyboard: each axis is focusable; ↑/↓ brush the upper/lower half or move the
 * brush, Shift+↑/↓ grow/shrink it, Enter brushes the middle half, Escape/Delete clears it.
 */
import {
  axisDomain,
  brushAfterKey,
  brushFromDrag,
  insideBrushes,
  valueToY,
  type AxisDomain,
  type Brush,
  type BrushKey,
} from '../../../src/core/plots/custom/parallelBrushing';
import type { CustomPlotCard, CustomPlotRenderReport } from '../../../src/core/protocols/customPlotsProtocol';
import { htmlElement, svgElement } from '../../shared/dom';
import {
  cardFrame,
  neutralColour,
  revisionsWithColours,
  type CardFrame,
  type CustomCardHost,
} from './customCardFrame';

const HEIGHT = 260;
const EXTENT = { top: 36, bottom: HEIGHT - 24 };
const AXIS_GAP = 150;
const SIDE = 80;

function formatValue(value: number): string {
  return Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-3)
    ? value.toExponential(2)
    : String(Number(value.toPrecision(4)));
}

function keyOf(event: KeyboardEvent): BrushKey | undefined {
  if (event.key === 'ArrowUp') return event.shiftKey ? 'grow' : 'up';
  if (event.key === 'ArrowDown') return event.shiftKey ? 'shrink' : 'down';
  if (event.key === 'Enter' || event.key === ' ') return 'create';
  if (event.key === 'Escape' || event.key === 'Delete' || event.key === 'Backspace') return 'clear';
  return undefined;
}

export class ParallelCard {
  readonly element: HTMLElement;
  private readonly frame: CardFrame;
  private readonly clearButton: HTMLButtonElement;
  private brushes: Brush[] = [];
  private lines: SVGPolylineElement[] = [];
  private brushRects = new Map<string, SVGRectElement>();

  constructor(
    private card: CustomPlotCard,
    private readonly host: CustomCardHost,
  ) {
    this.frame = cardFrame(card, host);
    this.element = this.frame.element;
    this.clearButton = htmlElement(
      'button',
      { class: 'tool', title: 'Clear every brush of this plot' },
      'Clear brushes',
    );
    this.clearButton.addEventListener('click', () => this.setBrushes([]));
    this.frame.tools.prepend(this.clearButton);
    this.update(card);
  }

  report(): CustomPlotRenderReport {
    const drawn = this.lines.length;
    return {
      id: this.card.id,
      kind: 'parallel',
      status: this.card.entries.length === 0 ? 'empty' : 'rendered',
      axes: this.brushRects.size,
      points: 0,
      lines: drawn,
      dimmed: this.lines.filter((line) => line.classList.contains('dimmed')).length,
      brushedAxes: this.brushes.map((brush) => brush.axis),
      drawnRevisions: revisionsWithColours(
        this.host.legend,
        this.lines.map((line) => line.getAttribute('stroke') ?? ''),
      ),
    };
  }

  /** New data: redrawn; brushes on axes that are still there stay. */
  update(card: CustomPlotCard): void {
    this.card = card;
    this.frame.setNotes(card);
    this.brushes = this.brushes.filter((brush) => card.axes.some((axis) => axis.id === brush.axis));
    this.draw();
  }

  dispose(): void {
    // Nothing outside the card's own elements to release.
  }

  private domains(): Map<string, AxisDomain> {
    return new Map(this.card.axes.map((axis) => [axis.id, axisDomain(axis.min, axis.max)]));
  }

  private draw(): void {
    const chart = this.frame.chart;
    this.lines = [];
    this.brushRects = new Map();
    if (this.card.entries.length === 0) {
      chart.replaceChildren();
      this.applyBrushes();
      return;
    }
    const axes = this.card.axes;
    const width = SIDE * 2 + AXIS_GAP * Math.max(1, axes.length - 1);
    const xOf = (index: number): number => SIDE + index * AXIS_GAP;
    const domains = this.domains();
    const svg = svgElement('svg', {
      class: 'parallel-coordinates',
      width,
      height: HEIGHT,
      role: 'img',
      'aria-label': `Parallel coordinates of ${this.card.entries.length} experiments over ${axes.map((axis) => axis.label).join(', ')}`,
    });
    const neutral = neutralColour();
    const linesGroup = svgElement('g', { class: 'pc-lines' });
    for (const entry of this.card.entries) {
      const points = axes
        .map((axis, index) => {
          const domain = domains.get(axis.id) ?? axisDomain(0, 1);
          return `${xOf(index)},${valueToY(entry.values[index] ?? 0, domain, EXTENT).toFixed(1)}`;
        })
        .join(' ');
      const line = svgElement('polyline', {
        class: 'pc-line',
        points,
        stroke: entry.colour ?? neutral,
        'data-row': entry.rowId,
        'data-rev': entry.rev,
      });
      const values = axes.map((axis, index) => `${axis.label}: ${formatValue(entry.values[index] ?? 0)}`);
      line.append(svgElement('title', {}, [entry.label, ...values].join('\n')));
      linesGroup.append(line);
      this.lines.push(line);
    }
    svg.append(linesGroup);
    axes.forEach((axis, index) =>
      svg.append(this.axisGroup(axis, xOf(index), domains.get(axis.id) ?? axisDomain(0, 1))),
    );
    chart.replaceChildren(svg);
    this.applyBrushes();
  }

  private axisGroup(axis: CustomPlotCard['axes'][number], x: number, domain: AxisDomain): SVGGElement {
    const group = svgElement('g', {
      class: 'pc-axis',
      tabindex: 0,
      'data-axis': axis.id,
      'aria-label': `${axis.label}, ${formatValue(axis.min)} to ${formatValue(axis.max)}. Drag or use the arrow keys to brush; Escape clears.`,
    });
    group.append(
      svgElement('line', { class: 'pc-axis-line', x1: x, x2: x, y1: EXTENT.top, y2: EXTENT.bottom }),
      svgElement('text', { class: 'pc-axis-title', x, y: 14, 'text-anchor': 'middle' }, axis.label),
      svgElement('text', { class: 'pc-tick', x: x + 5, y: EXTENT.top + 4 }, formatValue(domain.max)),
      svgElement('text', { class: 'pc-tick', x: x + 5, y: EXTENT.bottom + 4 }, formatValue(domain.min)),
    );
    const brushRect = svgElement('rect', { class: 'pc-brush', x: x - 8, width: 16, y: 0, height: 0 });
    this.brushRects.set(axis.id, brushRect);
    // A wide transparent strip over the axis takes the drags (the 1px line would be hard to hit).
    const overlay = svgElement('rect', {
      class: 'pc-axis-overlay',
      x: x - 12,
      width: 24,
      y: EXTENT.top,
      height: EXTENT.bottom - EXTENT.top,
    });
    group.append(brushRect, overlay);
    this.listen(group, overlay, axis.id, domain);
    return group;
  }

  private listen(group: SVGGElement, overlay: SVGRectElement, axis: string, domain: AxisDomain): void {
    let start: number | undefined;
    const yOf = (event: PointerEvent): number =>
      event.clientY - (overlay.ownerSVGElement?.getBoundingClientRect().top ?? 0);
    overlay.addEventListener('pointerdown', (event) => {
      start = yOf(event);
      overlay.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    overlay.addEventListener('pointermove', (event) => {
      if (start === undefined) return;
      const brush = brushFromDrag(axis, start, yOf(event), domain, EXTENT);
      if (brush) this.setBrush(axis, brush, false);
    });
    overlay.addEventListener('pointerup', (event) => {
      if (start === undefined) return;
      const brush = brushFromDrag(axis, start, yOf(event), domain, EXTENT);
      start = undefined;
      this.setBrush(axis, brush, true);
    });
    group.addEventListener('keydown', (event) => {
      const key = keyOf(event);
      if (!key) return;
      event.preventDefault();
      const current = this.brushes.find((brush) => brush.axis === axis);
      this.setBrush(axis, brushAfterKey(current, axis, domain, key), true);
    });
  }

  private setBrush(axis: string, brush: Brush | undefined, report: boolean): void {
    const others = this.brushes.filter((candidate) => candidate.axis !== axis);
    this.brushes = brush ? [...others, brush] : others;
    this.applyBrushes(report);
  }

  private setBrushes(brushes: Brush[]): void {
    this.brushes = brushes;
    this.applyBrushes();
  }

  private applyBrushes(report = true): void {
    const domains = this.domains();
    for (const [axis, rect] of this.brushRects) {
      const brush = this.brushes.find((candidate) => candidate.axis === axis);
      const domain = domains.get(axis);
      if (!brush || !domain) {
        rect.setAttribute('height', '0');
        continue;
      }
      const top = valueToY(brush.high, domain, EXTENT);
      rect.setAttribute('y', top.toFixed(1));
      rect.setAttribute('height', (valueToY(brush.low, domain, EXTENT) - top).toFixed(1));
    }
    const ids = this.card.axes.map((axis) => axis.id);
    this.card.entries.forEach((entry, index) =>
      this.lines[index]?.classList.toggle('dimmed', !insideBrushes(entry.values, ids, this.brushes)),
    );
    this.clearButton.disabled = this.brushes.length === 0;
    this.element.dataset.brushes = String(this.brushes.length);
    if (report) this.host.didRender();
  }
}
