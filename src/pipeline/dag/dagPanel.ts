import * as vscode from 'vscode';
import type { StageRunRecord, StageRunState, StageStatus } from '../../core/status/stageStatus';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { webviewPageAssets, webviewPanelOptions } from '../../webviewShell/webviewAssets';
import { dagHtml } from './dagHtml';
import { isDagWebviewMessage } from './dagMessages';
import { buildDagSnapshot } from './dagSnapshot';
import { handleDagMessage } from './dagActions';
import type { DagHostMessage } from '../../core/protocols/dagProtocol';

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
class DagPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deps: DagViewDeps,
    readonly panel: vscode.WebviewPanel,
    onDisposed: () => void,
  ) {
    const webview = panel.webview;
    webview.html = dagHtml({
      ...webviewPageAssets(webview, deps.extensionUri, { script: 'dag', style: 'dag/dag.css' }),
      snapshot: this.snapshot(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      deps.repositories.onDidChange(() => this.schedulePush()),
      panel.onDidDispose(() => {
        this.dispose();
        onDisposed();
      }),
    );
    if (deps.onDidChangeStatus) this.disposables.push(deps.onDidChangeStatus(() => this.schedulePush()));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
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

  private schedulePush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.post({ type: 'snapshot', snapshot: this.snapshot() });
    }, pushDelayMs);
  }

  private post(message: DagHostMessage): void {
    // Before `ready` the page still shows the embedded snapshot; `ready` sends the latest anyway.
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (!isDagWebviewMessage(message)) return;
    if (message.type === 'ready') {
      this.ready = true;
      this.post({ type: 'snapshot', snapshot: this.snapshot() });
      return;
    }
    void handleDagMessage(message, this.deps.repositories, this.deps.revealInTree);
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
