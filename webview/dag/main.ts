import type {
  DagHostMessage,
  DagSnapshot,
  DagViewState,
  DagWebviewMessage,
} from '../../src/core/protocols/dagProtocol';
import { vscodeApi } from '../shared/vscodeApi';
import { DagView } from './dagView';

function isViewState(value: unknown): value is DagViewState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return typeof state.zoom === 'number' && typeof state.panX === 'number' && typeof state.panY === 'number';
}

function initialSnapshot(): DagSnapshot {
  const text = document.getElementById('initial-snapshot')?.textContent ?? '';
  try {
    return JSON.parse(text) as DagSnapshot;
  } catch {
    return { nodes: [], edges: [], groups: [], problems: [] };
  }
}

performance.mark('dag-start');
const api = vscodeApi<DagWebviewMessage, DagViewState>(isViewState);
const app = document.getElementById('app');
if (app) {
  const view = new DagView(app, api);
  view.show(initialSnapshot());
  window.addEventListener('message', (event: MessageEvent<DagHostMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'snapshot':
        view.show(message.snapshot);
        break;
      case 'focus':
        view.select(message.nodeId, true);
        break;
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  });
  api.postMessage({ type: 'ready' });
}
