import type {
  PlotsHostMessage,
  PlotsInitialData,
  PlotsUiState,
  PlotsWebviewMessage,
} from '../../src/core/protocols/plotsProtocol';
import { isPlotsUiState } from '../../src/core/protocols/plotsUiState';
import { vscodeApi } from '../shared/vscodeApi';
import { DashboardView } from './dashboardView';

performance.mark('plots-start');

function initialData(): PlotsInitialData {
  try {
    return JSON.parse(document.getElementById('initial-data')?.textContent ?? '') as PlotsInitialData;
  } catch {
    return {
      snapshot: {
        revisions: [],
        plots: [],
        loading: false,
        error: 'The plots could not be read.',
        maxRevisions: 0,
      },
    };
  }
}

const api = vscodeApi<PlotsWebviewMessage, PlotsUiState>(isPlotsUiState);
const app = document.getElementById('app');
if (app) {
  const initial = initialData();
  const state = api.getState() ?? initial.uiState ?? { collapsed: [], logScale: [] };
  const view = new DashboardView(
    app,
    (message) => api.postMessage(message),
    state,
    (next) => {
      api.setState(next);
      api.postMessage({ type: 'saveState', state: next });
    },
  );
  view.show(initial.snapshot);
  window.addEventListener('message', (event: MessageEvent<PlotsHostMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'snapshot':
        view.show(message.snapshot);
        return;
      case 'setLogScale':
        view.change({ kind: 'logScale', id: message.id, on: message.on });
        return;
      case 'applyUiChange':
        view.change(message.change);
        return;
      case 'exportRequest':
        view.exportPlot(message.id, message.format).then(
          (content) => api.postMessage({ type: 'exported', requestId: message.requestId, content }),
          (error: unknown) =>
            api.postMessage({
              type: 'exported',
              requestId: message.requestId,
              error: error instanceof Error ? error.message : String(error),
            }),
        );
        return;
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  });
  api.postMessage({ type: 'ready' });
}
