import { isPlotSize, isPlotsUiState } from '../../core/protocols/plotsUiState';
import type { ExportFormat, PlotRenderReport, PlotsWebviewMessage } from '../../core/protocols/plotsProtocol';

export { isPlotsUiState } from '../../core/protocols/plotsUiState';
import { isCustomPlotsAction } from '../../core/protocols/customPlotsProtocol';

const formats: readonly ExportFormat[] = ['svg', 'png', 'csv', 'json'];
const statuses: ReadonlyArray<PlotRenderReport['status']> = ['rendered', 'failed', 'notInView', 'image'];
/** A PNG of a plot at twice its size is well under this; refuse what no plot of ours produces. */
const maxExportLength = 64 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length <= 10_000 && value.every((item) => typeof item === 'string');
}

function isNumberList(value: unknown): value is readonly number[] {
  return Array.isArray(value) && value.length <= 100_000 && value.every((item) => typeof item === 'number');
}

function isReport(value: unknown): value is PlotRenderReport {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    statuses.includes(value.status as PlotRenderReport['status']) &&
    (value.error === undefined || typeof value.error === 'string') &&
    typeof value.logScale === 'boolean' &&
    isStringList(value.drawnRevisions) &&
    isStringList(value.loadedImages) &&
    typeof value.renders === 'number' &&
    typeof value.points === 'number' &&
    typeof value.smoothing === 'number' &&
    typeof value.zoomed === 'boolean' &&
    typeof value.fullScreen === 'boolean' &&
    isPlotSize(value.size) &&
    (value.steps === undefined || isNumberList(value.steps)) &&
    (value.step === undefined || typeof value.step === 'number')
  );
}

/** The host's boundary check: a message from the plots webview is trusted only after this. */
export function isPlotsWebviewMessage(value: unknown): value is PlotsWebviewMessage {
  if (!isRecord(value)) return false;
  const type = value.type as PlotsWebviewMessage['type'] | undefined;
  switch (type) {
    case 'ready':
    case 'refresh':
    case 'selectRevisions':
    case 'showLog':
    case 'choosePlots':
    case 'pull':
      return true;
    case 'export':
      return typeof value.id === 'string' && formats.includes(value.format as ExportFormat);
    case 'exported':
      return (
        typeof value.requestId === 'number' &&
        (value.content === undefined ||
          (typeof value.content === 'string' && value.content.length <= maxExportLength)) &&
        (value.error === undefined || typeof value.error === 'string')
      );
    case 'saveState':
      return isPlotsUiState(value.state);
    case 'rendered':
      return (
        Array.isArray(value.reports) &&
        value.reports.length <= 10_000 &&
        value.reports.every(isReport) &&
        (value.shown === undefined ||
          (Array.isArray(value.shown) &&
            value.shown.length <= 10_000 &&
            value.shown.every((id) => typeof id === 'string')))
      );
    case 'customPlots':
      return isCustomPlotsAction(value.action);
    case undefined:
      return false;
    default: {
      const unknownType: never = type;
      void unknownType;
      return false;
    }
  }
}
