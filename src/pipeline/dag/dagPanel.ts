import * as vscode from 'vscode';
import type { StageRunRecord, StageRunState, StageStatus } from '../../core/status/stageStatus';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { PanelHost, webviewPanelConnection } from '../../webviewShell/panelHost';
import { webviewPageAssets, webviewPanelOptions } from '../../webviewShell/webviewAssets';
import { dagHtml } from './dagHtml';
import { isDagWebviewMessage } from './dagMessages';
import { buildDagSnapshot } from './dagSnapshot';
import { handleDagMessage } from './dagActions';
import type { DagHostMessage, DagWebviewMessage } from '../../core/protocols/dagProtocol';

export interface DagViewDeps {
  readonly disposables: DisposableStore;
  readonly repositories: WorkspaceRepositories;
  readonly extensionUri: vscode.Uri;
  /** `root` is the repository root URI as `Uri.toString()`; `stage` its qualified name. */
  readonly statusOf?: (root: string, stage: string) => StageStatus | undefined;
  readonly runStateOf?: (root: string, stage: string) => StageRunState | undefined;
  readonly lastRunOf?: (root: string, stage: string) => StageRunRecord | undefined;
  readonly onDidChangeStatus?: vscode.Event<void>;
  /** Selects the stage in the Pipeline view when a node is opened. */
  readonly revealInTree?: (root: string, stage: string) => void;
}

export const showDagCommand = 'dvcLens.showDag';
/** Bursts of changes (a repro rewrites many files and statuses) become one snapshot. */
const pushDelayMs = 150;

/** The one DAG panel: created on first use, revealed afterwards, disposed with the extension. */
class DagPanel {
  private readonly host: PanelHost<DagHostMessage, DagWebviewMessage>;

  constructor(
    private readonly deps: DagViewDeps,
    readonly panel: vscode.WebviewPanel,
    onDisposed: () => void,
  ) {
    this.host = new PanelHost<DagHostMessage, DagWebviewMessage>({
      connection: webviewPanelConnection(panel),
      isMessage: isDagWebviewMessage,
      receive: (message) => void handleDagMessage(message, deps.repositories, deps.revealInTree),
      snapshot: () => ({ type: 'snapshot', snapshot: this.snapshot() }),
      pushDelayMs,
    });
    const webview = panel.webview;
    webview.html = dagHtml({
      ...webviewPageAssets(webview, deps.extensionUri, { script: 'dag', style: 'dag/dag.css' }),
      snapshot: this.snapshot(),
    });
    const changes = [deps.repositories.onDidChange(() => this.host.push())];
    if (deps.onDidChangeStatus) changes.push(deps.onDidChangeStatus(() => this.host.push()));
    this.host.onDidDispose(() => {
      for (const change of changes) change.dispose();
      onDisposed();
    });
  }

  private snapshot() {
    return buildDagSnapshot(
      this.deps.repositories.repositories.map((repository) => ({
        root: repository.root.toString(),
        name: repository.workspaceFolder.name,
        pipelines: repository.pipelines,
      })),
      this.deps,
    );
  }
}

/** Registers `dvcLens.showDag`, which opens the pipeline DAG panel or brings it to the front. */
export function registerDagView(deps: DagViewDeps): void {
  let current: DagPanel | undefined;
  deps.disposables.register({
    dispose: () => {
      current?.panel.dispose();
    },
  });
  deps.disposables.register(
    vscode.commands.registerCommand(showDagCommand, () => {
      if (current) {
        current.panel.reveal();
        return;
      }
      const panel = vscode.window.createWebviewPanel(
        'dvcLens.dag',
        'Pipeline DAG',
        vscode.ViewColumn.Active,
        webviewPanelOptions(deps.extensionUri),
      );
      current = new DagPanel(deps, panel, () => (current = undefined));
    }),
  );
}
