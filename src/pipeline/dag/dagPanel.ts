import * as vscode from 'vscode';
import type { StageRunRecord, StageRunState, StageStatus } from '../../core/status/stageStatus';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { PanelHost, webviewPanelConnection } from '../../webviewShell/panelHost';
import { webviewPageAssets, webviewPanelOptions } from '../../webviewShell/webviewAssets';
import type { DataSource } from '../../core/dag';
import { readDataSources } from './dagDataSources';
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
  /** `.dvc` files by repository root, read in the background (the first paint has stages only). */
  private dataSources = new Map<string, readonly DataSource[]>();
  private sourcesGeneration = 0;
  /** The hub's file events for `.dvc` files, one subscription per repository root. */
  private readonly watchers = new Map<string, vscode.Disposable>();

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
    const reload = () => void this.loadDataSources();
    const changes: vscode.Disposable[] = [
      deps.repositories.onDidChange(() => {
        this.host.push();
        this.watchDvcFiles(reload);
        reload();
      }),
      {
        dispose: () => {
          for (const watcher of this.watchers.values()) watcher.dispose();
        },
      },
    ];
    this.watchDvcFiles(reload);
    reload();
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
        dataSources: this.dataSources.get(repository.root.toString()) ?? [],
      })),
      this.deps,
    );
  }

  private watchDvcFiles(reload: () => void): void {
    for (const repository of this.deps.repositories.repositories) {
      const root = repository.root.toString();
      if (this.watchers.has(root)) continue;
      this.watchers.set(
        root,
        repository.onFiles((relative) => relative.endsWith('.dvc'), reload),
      );
    }
  }

  private async loadDataSources(): Promise<void> {
    const generation = ++this.sourcesGeneration;
    const repositories = this.deps.repositories.repositories.filter(
      (repository) => repository.isDvcRepository,
    );
    const read = await Promise.all(repositories.map((repository) => readDataSources(repository.root)));
    if (generation !== this.sourcesGeneration) return;
    this.dataSources = new Map(
      repositories.map((repository, index) => [repository.root.toString(), read[index] ?? []]),
    );
    this.host.push();
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
