/**
 * One plots dashboard panel for one repository: owns the revisions shown and the last plots model, runs
 * `dvc plots diff` through PlotsService (a newer refresh cancels an older one), and pushes snapshots to the
 * page. The page keeps only UI state (collapsed sections, log scales), persisted per workspace.
 */
import * as vscode from 'vscode';
import { isCancellation } from '../../repository/processes';
import type { PlotsModel } from '../../core/plots/plotModel';
import { remoteCommandIds } from '../../remotes';
import { errorText } from '../../ui/messages';
import { PanelHost, webviewPanelConnection, type PanelMessage } from '../../webviewShell/panelHost';
import { webviewPageAssets } from '../../webviewShell/webviewAssets';
import { withCancellableProgress } from '../../ui/progress';
import type { CustomPlotsHost } from '../custom/customPlotsHost';
import type { PlotsService } from '../plotsService';
import { choosePlots } from './choosePlots';
import { imageVersions } from './imageVersions';
import { exportedData, exportTarget, writeExport } from './plotExport';
import { plotsHtml } from './plotsHtml';
import { isPlotsUiState, isPlotsWebviewMessage } from './plotsMessages';
import { plotsSnapshot } from './plotsSnapshot';
import { SeriesFileUpdates } from './seriesFileUpdates';
import type {
  ExportFormat,
  PlotRenderReport,
  PlotsHostMessage,
  PlotsSnapshot,
  PlotsUiChange,
  PlotsUiState,
  PlotsWebviewMessage,
} from '../../core/protocols/plotsProtocol';

export interface PlotsDashboardDeps {
  readonly extensionUri: vscode.Uri;
  readonly workspaceState: vscode.Memento;
  readonly root: vscode.Uri;
  readonly title: string;
  /** The service for this repository; undefined without DVC or in Restricted Mode. */
  readonly service: () => PlotsService | undefined;
  readonly imagesFolder: vscode.Uri;
  readonly maxRevisions: () => number;
  /** Asks the person for revisions (the dashboard's quick pick); undefined: cancelled. */
  readonly pickRevisions: (current: readonly string[]) => Promise<readonly string[] | undefined>;
  readonly log: (line: string) => void;
  /** The "Custom" section's data and actions (src/plots/custom). */
  readonly custom?: CustomPlotsHost;
}

const EXPORT_TIMEOUT_MS = 30_000;

export class PlotsDashboard implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private model: PlotsModel | undefined;
  private error: string | undefined;
  private loading = false;
  private readonly host: PanelHost<PlotsHostMessage, PlotsWebviewMessage>;
  private controller: AbortController | undefined;
  private generation = 0;
  /** A file changed while a refresh ran: one more refresh follows it. */
  private liveAgain = false;
  /** Content versions of the image files of the last model, so an unchanged image is not reloaded. */
  private imageVersions: ReadonlyMap<string, string> = new Map();
  private requestIds = 0;
  private readonly seriesFiles: SeriesFileUpdates;
  private readonly pendingExports = new Map<number, (content: string | undefined, error?: string) => void>();
  private reports = new Map<string, PlotRenderReport>();
  private shown: readonly string[] = [];
  private readonly rendered = new vscode.EventEmitter<void>();
  /** Fires after the page reported what it drew (tests wait on it). */
  readonly onDidRender = this.rendered.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(
    private readonly deps: PlotsDashboardDeps,
    private selected: readonly string[],
  ) {
    this.seriesFiles = new SeriesFileUpdates(deps.root);
    this.panel = vscode.window.createWebviewPanel('dvcLens.plots', deps.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [
        vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview'),
        vscode.Uri.joinPath(deps.extensionUri, 'media'),
        deps.imagesFolder,
      ],
    });
    this.host = new PanelHost<PlotsHostMessage, PlotsWebviewMessage>({
      connection: webviewPanelConnection(this.panel),
      isMessage: isPlotsWebviewMessage,
      receive: (message) => this.handle(message),
      snapshot: () => ({ type: 'snapshot', snapshot: this.snapshot() }),
      savedState: {
        memento: deps.workspaceState,
        key: `dvcLens.plots.uiState:${deps.root.toString()}`,
        isState: isPlotsUiState,
      },
    });
    const webview = this.panel.webview;
    webview.html = plotsHtml({
      ...webviewPageAssets(webview, deps.extensionUri, {
        script: 'plots',
        style: 'plots.css',
        codicons: true,
      }),
      initial: { snapshot: this.snapshot(), ...(this.uiState ? { uiState: this.uiState } : {}) },
    });
    const customChanges = deps.custom?.onDidChange(() => this.push());
    this.host.onDidDispose(() => {
      customChanges?.dispose();
      this.controller?.abort();
      for (const resolve of this.pendingExports.values()) resolve(undefined, 'The dashboard was closed.');
      this.pendingExports.clear();
      this.disposed.fire();
      this.disposed.dispose();
      this.rendered.dispose();
    });
  }

  /** The revisions shown, workspace first. */
  get revisions(): readonly string[] {
    return this.selected;
  }

  /** The last good plots model (undefined before the first answer). */
  get plots(): PlotsModel | undefined {
    return this.model;
  }

  get lastError(): string | undefined {
    return this.error;
  }

  get isLoading(): boolean {
    return this.loading;
  }

  /** What the page reported it drew, per plot id, from its last render. */
  get renderReports(): ReadonlyMap<string, PlotRenderReport> {
    return this.reports;
  }

  /** The plot ids the page shows, in its order (hidden ones left out), from its last render. */
  get shownPlots(): readonly string[] {
    return this.shown;
  }

  get uiState(): PlotsUiState | undefined {
    return this.host.savedState;
  }

  /** Shows other revisions (already normalized: workspace first, at most the setting's count). */
  async setRevisions(revisions: readonly string[], withProgress = true): Promise<void> {
    this.selected = revisions;
    await this.refresh(withProgress);
  }

  /**
   * A plot source changed (a training step, an edited file): refresh quietly. A refresh in flight is never
   * cancelled for this (a run writing steps faster than DVC answers would then show none): one more refresh
   * follows it and reads what changed meanwhile.
   */
  async refreshLive(): Promise<void> {
    if (this.controller) {
      this.liveAgain = true;
      return;
    }
    await this.refresh(false);
  }

  /** How many charts grew from a series file before DVC answered (the live fast path; tests read it). */
  get seriesFileUpdates(): number {
    return this.seriesFiles.count;
  }

  /** A CSV/TSV file of the workspace changed: its chart takes the file's rows now, DVC's diff follows. */
  async updateFromFile(relative: string): Promise<void> {
    const model = this.model;
    if (!model || !this.selected.includes('workspace')) return;
    const updated = await this.seriesFiles.update(model, relative);
    if (!updated || !this.model) return;
    // DVC may have answered while the file was read: then the file's rows go into that answer.
    this.model = this.model === model ? updated : this.seriesFiles.withRead(this.model, relative);
    this.push();
  }

  /**
   * Runs `dvc plots diff` for the revisions shown. `withProgress`: behind a cancellable notification (what
   * a person asked for); file changes refresh quietly. Never rejects.
   */
  async refresh(withProgress = true): Promise<void> {
    // A refresh that ends after the panel closed may have queued a live one: a closed dashboard reads nothing
    // more (it would hold the repository's plots slot that a reopened dashboard waits for).
    if (this.host.isDisposed) return;
    const service = this.deps.service();
    if (!service) {
      this.error = 'DVC is not available (not found, or the workspace is not trusted).';
      this.push();
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loading = true;
    this.push();
    const revisions = this.selected;
    const run = async (signal: AbortSignal): Promise<void> => {
      const combined = AbortSignal.any([signal, controller.signal]);
      const startedAt = Date.now();
      try {
        const answer = await service.diff(revisions, combined);
        const model = revisions.includes('workspace')
          ? await this.seriesFiles.withBrokenFilesShown(answer)
          : answer;
        const versions = await imageVersions(model);
        if (this.controller !== controller) return;
        this.model = this.seriesFiles.newerThan(model, startedAt);
        this.imageVersions = versions;
        this.error = undefined;
        this.generation += 1;
      } catch (error: unknown) {
        if (isCancellation(error) || combined.aborted) return;
        this.error = errorText(error);
        this.deps.log(`Plots: dvc plots diff failed: ${this.error}`);
      } finally {
        if (this.controller === controller) {
          this.controller = undefined;
          this.loading = false;
          this.push();
          if (this.liveAgain) {
            this.liveAgain = false;
            void this.refreshLive();
          }
        }
      }
    };
    if (withProgress) await withCancellableProgress('DVC Lens: Loading plots', run);
    else await run(controller.signal);
  }

  /** Posts a log-scale change as if the person clicked the plot's toggle (tests). */
  setLogScale(id: string, on: boolean): void {
    this.post({ type: 'setLogScale', id, on });
  }

  /** Posts a change of smoothing, zoom, full screen or size as if the person used the control (tests). */
  applyUiChange(change: PlotsUiChange): void {
    this.post({ type: 'applyUiChange', change });
  }

  /** Exports one plot to `path` (tests, scripts) or to the file a save dialog asks for. True when written. */
  async exportPlot(id: string, format: ExportFormat, path?: string): Promise<boolean> {
    const plot = this.model?.plots.find((candidate) => candidate.id === id);
    if (!plot) throw new Error(`No plot '${id}' in this dashboard.`);
    const content =
      format === 'csv' || format === 'json'
        ? exportedData(plot, format)
        : await this.requestRendered(id, format);
    if (content === undefined) throw new Error(`Plot '${id}' cannot be exported as ${format.toUpperCase()}.`);
    const target = await exportTarget(this.deps.root, id, format, path);
    if (!target) return false;
    await writeExport(target, format, content);
    this.deps.log(`Plots: exported ${id} as ${format.toUpperCase()} to ${target.fsPath}`);
    return true;
  }

  dispose(): void {
    this.host.dispose();
  }

  private requestRendered(id: string, format: 'svg' | 'png'): Promise<string> {
    const requestId = ++this.requestIds;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(undefined, 'The page did not answer.'), EXPORT_TIMEOUT_MS);
      const finish = (content: string | undefined, error?: string): void => {
        clearTimeout(timer);
        this.pendingExports.delete(requestId);
        if (content === undefined) reject(new Error(`Export of '${id}' failed: ${error ?? 'no content'}`));
        else resolve(content);
      };
      this.pendingExports.set(requestId, finish);
      if (!this.host.isReady) return finish(undefined, 'The page is not loaded yet.');
      this.post({ type: 'exportRequest', requestId, id, format });
    });
  }

  private snapshot(): PlotsSnapshot {
    const webview = this.panel?.webview;
    const generation = this.generation;
    const versions = this.imageVersions;
    const snapshot = plotsSnapshot({
      model: this.model,
      revisions: this.selected,
      loading: this.loading,
      ...(this.error ? { error: this.error } : {}),
      maxRevisions: this.deps.maxRevisions(),
      // The same file name is rewritten by each refresh: a query naming its content makes the page load it
      // again when (and only when) the image changed.
      imageUri: (path) =>
        `${webview?.asWebviewUri(vscode.Uri.file(path)).toString() ?? ''}?v=${versions.get(path) ?? generation}`,
    });
    // Custom plots take the legend's colours, so a revision looks the same in every section.
    const custom = this.deps.custom?.section(snapshot.revisions);
    return custom ? { ...snapshot, custom } : snapshot;
  }

  private push(): void {
    this.host.push();
  }

  private post(message: PlotsHostMessage): void {
    this.host.post(message);
  }

  private handle(message: PanelMessage<PlotsWebviewMessage>): void {
    switch (message.type) {
      case 'refresh':
        void this.refresh();
        return;
      case 'selectRevisions':
        void this.pick();
        return;
      case 'showLog':
        void vscode.commands.executeCommand('dvcLens.showLog');
        return;
      case 'pull':
        // The Pull command refreshes the data state; the plots watcher sees the pulled files and redraws.
        void vscode.commands.executeCommand(remoteCommandIds.pull, { root: this.deps.root });
        return;
      case 'export':
        void this.exportPlot(message.id, message.format).catch((error: unknown) =>
          this.deps.log(`Plots: ${errorText(error)}`),
        );
        return;
      case 'exported':
        this.pendingExports.get(message.requestId)?.(message.content, message.error);
        return;
      case 'choosePlots':
        void this.choosePlots();
        return;
      case 'rendered':
        this.reports = new Map(message.reports.map((report) => [report.id, report]));
        if (message.shown) this.shown = message.shown;
        this.rendered.fire();
        return;
      case 'customPlots':
        this.deps.custom?.receive(message.action);
        return;
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  }

  /** Choose Plots (the page's button): the quick pick, then the page hides what was unticked. */
  async choosePlots(): Promise<void> {
    const plots = this.model?.plots ?? [];
    const hidden = await choosePlots(plots, this.uiState?.hidden ?? []);
    if (hidden) this.applyUiChange({ kind: 'hiddenPlots', hidden });
  }

  private async pick(): Promise<void> {
    const picked = await this.deps.pickRevisions(this.selected);
    if (picked) await this.setRevisions(picked);
  }
}
