/** The compare page: toolbar (only changed, swap, refresh), then params, metrics, data and source files. */
import type {
  CompareUiState,
  CompareViewState,
  CompareWebviewMessage,
} from '../../src/core/protocols/compareProtocol';
import { htmlElement } from '../shared/dom';
import type { WebviewApi } from '../shared/vscodeApi';
import { changesSection, valuesSection } from './compareTables';

function iconButton(icon: string, label: string, testId: string, onClick: () => void): HTMLButtonElement {
  const button = htmlElement('button', {
    type: 'button',
    class: 'lens-button',
    title: label,
    'aria-label': label,
    'data-testid': testId,
  });
  button.append(htmlElement('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }));
  button.append(document.createTextNode(` ${label}`));
  button.addEventListener('click', onClick);
  return button;
}

export class CompareView {
  private state: CompareViewState | undefined;
  private readonly toolbar = htmlElement('div', {
    class: 'toolbar',
    role: 'toolbar',
    'aria-label': 'Compare',
  });
  private readonly title = htmlElement('h1', { class: 'compare-title', 'data-testid': 'compare-title' });
  private readonly onlyChanged: HTMLButtonElement;
  private readonly content = htmlElement('main', {
    class: 'compare-content',
    'data-testid': 'compare-content',
  });

  constructor(
    root: HTMLElement,
    private readonly api: WebviewApi<CompareWebviewMessage, CompareUiState>,
    private ui: CompareUiState,
  ) {
    this.onlyChanged = htmlElement(
      'button',
      { type: 'button', class: 'lens-button toggle', 'data-testid': 'compare-only-changed' },
      'Only changed',
    );
    this.onlyChanged.addEventListener('click', () => {
      this.ui = { ...this.ui, onlyChanged: !this.ui.onlyChanged };
      this.api.setState(this.ui);
      this.render();
    });
    this.toolbar.append(
      this.title,
      this.onlyChanged,
      iconButton('arrow-swap', 'Swap', 'compare-swap', () => this.api.postMessage({ type: 'swap' })),
      iconButton('refresh', 'Refresh', 'compare-refresh', () => this.api.postMessage({ type: 'refresh' })),
    );
    root.append(this.toolbar, this.content);
  }

  show(state: CompareViewState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const state = this.state;
    this.onlyChanged.setAttribute('aria-pressed', String(this.ui.onlyChanged));
    this.onlyChanged.classList.toggle('pressed', this.ui.onlyChanged);
    this.content.replaceChildren();
    if (!state) return;
    const sides = state.kind === 'ready' ? state.model : state;
    this.title.textContent = `${sides.a.label} ↔ ${sides.b.label}`;
    this.content.setAttribute('aria-busy', String(state.kind === 'loading'));
    if (state.kind === 'loading') {
      this.content.append(
        htmlElement('p', { class: 'empty', role: 'status', 'data-testid': 'compare-loading' }, 'Comparing…'),
      );
      return;
    }
    if (state.kind === 'error') {
      const problem = htmlElement('div', {
        class: 'problems',
        role: 'alert',
        'data-testid': 'compare-error',
      });
      problem.append(htmlElement('p', { class: 'message' }, state.message));
      problem.append(
        iconButton('output', 'Show log', 'compare-show-log', () => this.api.postMessage({ type: 'showLog' })),
      );
      this.content.append(problem);
      return;
    }
    const { model } = state;
    if (state.notInCache !== undefined) {
      const notice = htmlElement('div', {
        class: 'problems not-in-cache',
        role: 'status',
        'data-testid': 'compare-not-in-cache',
      });
      notice.append(htmlElement('p', { class: 'message' }, state.notInCache));
      notice.append(
        iconButton('cloud-download', 'Pull', 'compare-pull', () => this.api.postMessage({ type: 'pull' })),
      );
      this.content.append(notice);
    }
    const labels = { a: model.a.label, b: model.b.label };
    const filter = (rows: typeof model.params) =>
      this.ui.onlyChanged ? rows.filter((row) => row.changed) : rows;
    this.content.append(
      valuesSection('Metrics', 'compare-metrics', filter(model.metrics), model.metrics.length, labels),
      valuesSection('Params', 'compare-params', filter(model.params), model.params.length, labels),
      changesSection('Data', 'compare-data', model.data),
      changesSection('Source files', 'compare-files', model.files, (path) =>
        this.api.postMessage({ type: 'openFile', path }),
      ),
    );
  }
}
