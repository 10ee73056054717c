import type {
  CompareHostMessage,
  CompareInitialData,
  CompareUiState,
  CompareWebviewMessage,
} from '../../src/core/protocols/compareProtocol';
import { vscodeApi } from '../shared/vscodeApi';
import { CompareView } from './compareView';

function isUiState(value: unknown): value is CompareUiState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).onlyChanged === 'boolean'
  );
}

function initialData(): CompareInitialData | undefined {
  try {
    return JSON.parse(document.getElementById('initial-data')?.textContent ?? '') as CompareInitialData;
  } catch {
    return undefined;
  }
}

const api = vscodeApi<CompareWebviewMessage, CompareUiState>(isUiState);
const app = document.getElementById('app');
if (app) {
  // "Only changed" is on until the person turns it off; the choice survives hiding the panel.
  const view = new CompareView(app, api, api.getState() ?? { onlyChanged: true });
  const initial = initialData();
  if (initial) view.show(initial.state);
  window.addEventListener('message', (event: MessageEvent<CompareHostMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'state':
        view.show(message.state);
        return;
      default: {
        const unknownType: never = message.type;
        void unknownType;
      }
    }
  });
  api.postMessage({ type: 'ready' });
}
