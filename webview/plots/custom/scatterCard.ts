/** A custom scatter plot: Vega-Lite (through the dashboard's CSP-safe renderer), one point per experiment. */
import { scatterSpec } from '../../../src/core/plots/custom/scatterSpec';
import type { CustomPlotCard, CustomPlotRenderReport } from '../../../src/core/protocols/customPlotsProtocol';
import { htmlElement } from '../../shared/dom';
import { renderSpec, type RenderedPlot } from '../vegaRender';
import {
  cardFrame,
  neutralColour,
  revisionsWithColours,
  type CardFrame,
  type CustomCardHost,
} from './customCardFrame';

export class ScatterCard {
  readonly element: HTMLElement;
  private readonly frame: CardFrame;
  private rendered: RenderedPlot | undefined;
  private last: CustomPlotRenderReport;
  private drawing: Promise<void> = Promise.resolve();

  constructor(
    private card: CustomPlotCard,
    private readonly host: CustomCardHost,
  ) {
    this.frame = cardFrame(card, host);
    this.element = this.frame.element;
    this.last = this.emptyReport('empty');
    this.update(card);
  }

  report(): CustomPlotRenderReport {
    return this.last;
  }

  update(card: CustomPlotCard): void {
    this.card = card;
    this.frame.setNotes(card);
    // One render at a time; the latest data wins.
    this.drawing = this.drawing.then(() => this.draw());
  }

  dispose(): void {
    this.rendered?.finalize();
  }

  private emptyReport(status: CustomPlotRenderReport['status'], error?: string): CustomPlotRenderReport {
    return {
      id: this.card.id,
      kind: 'scatter',
      status,
      ...(error ? { error } : {}),
      axes: 0,
      points: 0,
      lines: 0,
      dimmed: 0,
      brushedAxes: [],
      drawnRevisions: [],
    };
  }

  private async draw(): Promise<void> {
    this.rendered?.finalize();
    this.rendered = undefined;
    const chart = this.frame.chart;
    if (this.card.entries.length === 0) {
      chart.replaceChildren();
      this.last = this.emptyReport('empty');
      this.host.didRender();
      return;
    }
    try {
      this.rendered = await renderSpec(chart, scatterSpec(this.card, neutralColour()));
      const points = Array.from(chart.querySelectorAll('g.mark-symbol path'));
      this.last = {
        ...this.emptyReport('rendered'),
        // Vega draws grid lines as axes of their own, without the `X-axis …`/`Y-axis …` label.
        axes: Array.from(chart.querySelectorAll('g.role-axis')).filter((axis) =>
          /^[XY]-axis/i.test(axis.getAttribute('aria-label') ?? ''),
        ).length,
        points: points.length,
        drawnRevisions: revisionsWithColours(
          this.host.legend,
          points.map((point) => point.getAttribute('fill') ?? ''),
        ),
      };
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      chart.replaceChildren(
        htmlElement('p', { class: 'plot-error' }, `This plot could not be drawn: ${message}`),
      );
      this.last = this.emptyReport('failed', message);
    }
    this.host.didRender();
  }
}
