import type {
  TableHostMessage,
  TableInitialData,
  TableWebviewMessage,
} from '../../src/core/protocols/experimentsTableProtocol';
import { defaultTableUiState, isTableUiState } from '../../src/core/experimentsTable/tableUiState';
import { vscodeApi } from '../shared/vscodeApi';
import { TableView, type TableViewState } from './tableView';

// The first-paint clock starts before anything else of ours runs (the benchmark reads it).
performance.mark('table-start');

function isViewState(value: unknown): value is TableViewState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return (
    isTableUiState(state.ui) && typeof state.scrollTop === 'number' && typeof state.scrollLeft === 'number'
  );
}

function initialData(): TableInitialData {
  const text = document.getElementById('initial-data')?.textContent ?? '';
  try {
    return JSON.parse(text) as TableInitialData;
  } catch {
    return { snapshot: { columns: [], rows: [], values: [] }, error: 'The table data could not be read.' };
  }
}

/** Marks the first paint: the frame after the one in which the rows went into the DOM. */
function markPainted(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('table-painted');
      performance.measure('table-first-paint', 'table-start', 'table-painted');
    }, 0),
  );
}

const api = vscodeApi<TableWebviewMessage, TableViewState>(isViewState);
const app = document.getElementById('app');
if (app) {
  const initial = initialData();
  performance.mark('table-parsed');
  const saved = api.getState();
  // The webview's own state (kept across hide/show) is the newest; then the host's per-workspace copy.
  const view = new TableView(app, api, saved?.ui ?? initial.uiState ?? defaultTableUiState);
  view.show(
    initial.snapshot,
    initial.error,
    initial.valuesInPage
      ? (column) => document.getElementById(`values-${column}`)?.textContent ?? undefined
      : undefined,
  );
  if (saved) view.restoreScroll(saved.scrollTop, saved.scrollLeft);
  markPainted();
  window.addEventListener('message', (event: MessageEvent<TableHostMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'snapshot':
        view.show(message.snapshot, message.error);
        break;
      default: {
        const unhandled: never = message.type;
        return unhandled;
      }
    }
  });
  api.postMessage({ type: 'ready' });
}
