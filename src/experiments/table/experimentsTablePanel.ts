import * as vscode from 'vscode';
import { LastGoodSnapshot } from '../../core/experimentsTable/lastGoodSnapshot';
import { isTableUiState } from '../../core/experimentsTable/tableUiState';
import type {
  TableActionKind,
  TableHostMessage,
  TableSnapshot,
  TableUiState,
  TableWebviewMessage,
} from '../../core/protocols/experimentsTableProtocol';
import { saveCsv } from './tableCsvExport';
import { PanelHost, webviewPanelConnection, type PanelMessage } from '../../webviewShell/panelHost';
import { webviewPageAssets, webviewPanelOptions } from '../../webviewShell/webviewAssets';
import { tableHtml } from './tableHtml';
import { isTableWebviewMessage } from './tableMessages';

/**
 * Where the table's data comes from; the experiments model's adapter implements it. `snapshot()` returns
 * undefined (and `error` says why) when the last refresh failed: the panel then keeps showing the last good
 * data under the error instead of a blank page.
 */
export interface ExperimentsTableSource {
  snapshot(): TableSnapshot | undefined;
  readonly onDidChange: vscode.Event<void>;
  /** Why the last refresh failed (e.g. `dvc exp show` exited with an error); undefined when it did not. */
  readonly error?: string | undefined;
  /** Keeps UI state apart per repository in a multi-root workspace; defaults to one state per workspace. */
  readonly stateKey?: string;
  /** The panel's title, e.g. `Experiments: my-repo`. */
  readonly title?: string;
}

/** An action the user asked for in the table, on rows by their snapshot ids. */
export interface TableActionRequest {
  readonly action: TableActionKind;
  readonly rowIds: readonly string[];
  readonly source: ExperimentsTableSource;
}

export interface ExperimentsTablePanelDeps {
  readonly extensionUri: vscode.Uri;
  /** Where UI state persists: the extension context's `workspaceState`. */
  readonly workspaceState: vscode.Memento;
  readonly onAction: (request: TableActionRequest) => void;
}

/** Bursts of changes (a running experiment rewrites metrics often) become one snapshot. */
const pushDelayMs = 150;

export function tableStateKey(source: ExperimentsTableSource): string {
  return `dvcLens.experimentsTable.uiState${source.stateKey ? `:${source.stateKey}` : ''}`;
}

/** One experiments table panel: a view of its source, plus the UI state it keeps per workspace. */
export class ExperimentsTablePanel implements vscode.Disposable {
  private readonly host: PanelHost<TableHostMessage, TableWebviewMessage>;
  private readonly lastGood = new LastGoodSnapshot();
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;

  constructor(
    private readonly deps: ExperimentsTablePanelDeps,
    readonly panel: vscode.WebviewPanel,
    readonly source: ExperimentsTableSource,
  ) {
    this.host = new PanelHost<TableHostMessage, TableWebviewMessage>({
      connection: webviewPanelConnection(panel),
      isMessage: isTableWebviewMessage,
      receive: (message) => this.handle(message),
      snapshot: () => ({ type: 'snapshot', ...this.current() }),
      pushDelayMs,
      // The embedded snapshot is what the page shows; sending 10,000 rows again unchanged is waste.
      onReady: 'ifChanged',
      savedState: { memento: deps.workspaceState, key: tableStateKey(source), isState: isTableUiState },
    });
    const webview = panel.webview;
    const current = this.current();
    const uiState = this.uiState;
    webview.html = tableHtml({
      ...webviewPageAssets(webview, deps.extensionUri, {
        script: 'experiments',
        style: 'experimentsTable.css',
        codicons: true,
      }),
      initial: {
        snapshot: current.snapshot,
        ...(current.error ? { error: current.error } : {}),
        ...(uiState ? { uiState } : {}),
      },
    });
    const changes = source.onDidChange(() => this.host.push());
    this.host.onDidDispose(() => {
      changes.dispose();
      this.onDidDisposeEmitter.fire();
      this.onDidDisposeEmitter.dispose();
    });
  }

  /** The UI state saved for this workspace (and source), if any and well-formed. */
  get uiState(): TableUiState | undefined {
    return this.host.savedState;
  }

  dispose(): void {
    this.host.dispose();
  }

  /**
   * A message from the page, checked at the boundary. Public so the extension-host suite can deliver what
   * the page would send (it cannot click inside the webview).
   */
  receive(message: unknown): void {
    this.host.receive(message);
  }

  /** The data to show: the source's snapshot, or on error the last good one with the error. */
  private current(): { snapshot: TableSnapshot; error?: string } {
    return this.lastGood.next(() => this.source.snapshot(), this.source.error);
  }

  private handle(message: PanelMessage<TableWebviewMessage>): void {
    switch (message.type) {
      case 'action':
        this.deps.onAction({ action: message.action, rowIds: message.rowIds, source: this.source });
        return;
      case 'exportCsv':
        void saveCsv(message.csv);
        return;
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  }
}

/** Opens a table panel on a source (the caller keeps it to reveal it later). */
export function showExperimentsTable(
  deps: ExperimentsTablePanelDeps,
  source: ExperimentsTableSource,
): ExperimentsTablePanel {
  const panel = vscode.window.createWebviewPanel(
    'dvcLens.experimentsTable',
    source.title ?? 'Experiments',
    vscode.ViewColumn.Active,
    // The webview keeps its UI state with setState; a hidden table is rebuilt from it when shown.
    webviewPanelOptions(deps.extensionUri, { enableFindWidget: true }),
  );
  return new ExperimentsTablePanel(deps, panel, source);
}
