/**
 * The custom plots' part of the plots dashboard's protocol (plotsProtocol.ts carries it: the
 * snapshot's `custom` and the page's `customPlots` message). Types and the host's boundary check.
 */
import type { CustomPlotCard } from '../plots/custom/customPlotData';

export type { CustomPlotCard } from '../plots/custom/customPlotData';

/** The dashboard's "Custom" section, sent in every snapshot. */
export interface CustomPlotsSection {
  readonly cards: readonly CustomPlotCard[];
}

/** What the page drew for one custom plot (read by tests through the host). */
export interface CustomPlotRenderReport {
  readonly id: string;
  readonly kind: CustomPlotCard['kind'];
  /** `empty`: nothing to draw (the card shows why). */
  readonly status: 'rendered' | 'failed' | 'empty';
  readonly error?: string;
  /** Axes drawn (2 for a scatter, one per column for parallel coordinates; 0 when nothing is drawn). */
  readonly axes: number;
  /** Scatter: the points drawn in the SVG. */
  readonly points: number;
  /** Parallel coordinates: the polylines drawn, and how many of them are dimmed by brushes. */
  readonly lines: number;
  readonly dimmed: number;
  /** Axes (column ids) with a brush. */
  readonly brushedAxes: readonly string[];
  /** Legend revisions whose colour is on a drawn point or line. */
  readonly drawnRevisions: readonly string[];
}

/** Webview → host, inside `{ type: 'customPlots', action }`. */
export type CustomPlotsAction =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly id: string }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'rendered'; readonly reports: readonly CustomPlotRenderReport[] };

const statuses: ReadonlyArray<CustomPlotRenderReport['status']> = ['rendered', 'failed', 'empty'];
const MAX_ITEMS = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length <= MAX_ITEMS && value.every((item) => typeof item === 'string');
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isReport(value: unknown): value is CustomPlotRenderReport {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    (value.kind === 'scatter' || value.kind === 'parallel') &&
    statuses.includes(value.status as CustomPlotRenderReport['status']) &&
    (value.error === undefined || typeof value.error === 'string') &&
    isCount(value.axes) &&
    isCount(value.points) &&
    isCount(value.lines) &&
    isCount(value.dimmed) &&
    isStrings(value.brushedAxes) &&
    isStrings(value.drawnRevisions)
  );
}

/** The host's check of a `customPlots` message's action. */
export function isCustomPlotsAction(value: unknown): value is CustomPlotsAction {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'add':
      return true;
    case 'edit':
    case 'remove':
      return typeof value.id === 'string';
    case 'rendered':
      return (
        Array.isArray(value.reports) && value.reports.length <= MAX_ITEMS && value.reports.every(isReport)
      );
    default:
      return false;
  }
}
