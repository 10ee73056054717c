/**
 * One compare panel: two revisions of one repository, loaded through CompareService when it opens (and on
 * Refresh / Swap), shown as a snapshot the host pushes. The panel owns the load's AbortController: closing
 * it cancels DVC and git.
 */
import * as vscode from 'vscode';
import { isCancellation } from '../../repository/processes';
import type { OutputLog } from '../../log/outputLog';
import { errorText } from '../../ui/messages';
import { withCancellableProgress } from '../../ui/progress';
import { PanelHost, webviewPanelConnection, type PanelMessage } from '../../webviewShell/panelHost';
import { webviewPageAssets, webviewPanelOptions } from '../../webviewShell/webviewAssets';
import { webviewHtml } from '../../webviewShell/webviewHtml';
import { notInCacheLine } from '../../core/experiments/filesNotInCache';
import { remoteCommandIds } from '../../remotes';
import { openFileDiff } from './compareDiffEditor';
import { isCompareWebviewMessage } from './compareMessages';
import type { CompareService, ResolvedRevision } from './compareService';
import type {
  CompareHostMessage,
  CompareInitialData,
  CompareViewState,
  CompareWebviewMessage,
} from '../../core/protocols/compareProtocol';

export interface ComparePanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: OutputLog;
  /** The `dvcLens.experiments.metricDirections` setting, read at each load. */
  readonly directions: () => Readonly<Record<string, unknown>>;
  /** The metrics files of these revisions (`undefined`: the workspace) not in the local cache, as DVC said. */
  readonly notInCache?: (root: vscode.Uri, revisions: ReadonlyArray<string | undefined>) => readonly string[];
}

export class ComparePanel implements vscode.Disposable {
  private readonly host: PanelHost<CompareHostMessage, CompareWebviewMessage>;
  private controller: AbortController | undefined;
  private current: CompareViewState;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: ComparePanelDeps,
    readonly panel: vscode.WebviewPanel,
    readonly root: vscode.Uri,
    private readonly service: CompareService,
    private a: ResolvedRevision,
    private b: ResolvedRevision,
  ) {
    this.current = { kind: 'loading', a, b };
    this.host = new PanelHost<CompareHostMessage, CompareWebviewMessage>({
      connection: webviewPanelConnection(panel),
      isMessage: isCompareWebviewMessage,
      receive: (message) => this.handle(message),
      snapshot: () => ({ type: 'state', state: this.current }),
    });
    this.host.onDidDispose(() => this.controller?.abort());
    const initial: CompareInitialData = { state: this.current };
    panel.webview.html = webviewHtml({
      ...webviewPageAssets(panel.webview, deps.extensionUri, {
        script: 'compare',
        style: 'compare.css',
        codicons: true,
      }),
      title: 'Compare',
      data: [{ id: 'initial-data', json: JSON.stringify(initial) }],
    });
    this.reload();
  }

  /** What the webview shows now (the extension-host suite reads it). */
  get state(): CompareViewState {
    return this.current;
  }

  /** Resolves when the load in progress (if any) has finished. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /**
   * The diff editor of a changed source file, as a click in the page asks for. Only a path the model lists:
   * the webview names a file, the host decides what it may open. Resolves false when it lists no such file.
   */
  async openFile(path: string): Promise<boolean> {
    const change =
      this.current.kind === 'ready' ? this.current.model.files.find((file) => file.path === path) : undefined;
    if (!change) return false;
    await openFileDiff(this.root, this.a, this.b, change);
    return true;
  }

  dispose(): void {
    this.host.dispose();
  }

  reload(): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const { a, b } = this;
    this.panel.title = `Compare ${a.label} ↔ ${b.label}`;
    this.show({ kind: 'loading', a, b });
    this.loading = Promise.resolve(
      withCancellableProgress(`DVC Lens: comparing ${a.label} and ${b.label}`, async (signal) => {
        signal.addEventListener('abort', () => controller.abort());
        try {
          const model = await this.service.compare(a, b, this.deps.directions(), controller.signal);
          if (this.controller === controller) this.show({ kind: 'ready', model, ...this.notInCache(a, b) });
        } catch (error) {
          if (this.controller !== controller) return;
          const message = isCancellation(error) ? 'The comparison was cancelled.' : errorText(error);
          this.deps.log.error(`Compare ${a.label} with ${b.label} failed: ${message}`);
          this.show({ kind: 'error', a, b, message });
        }
      }),
    );
  }

  private notInCache(a: ResolvedRevision, b: ResolvedRevision): { notInCache?: string } {
    const files = this.deps.notInCache?.(this.root, [a.sha, b.sha]) ?? [];
    return files.length > 0 ? { notInCache: notInCacheLine(files) } : {};
  }

  private show(state: CompareViewState): void {
    this.current = state;
    this.host.push();
  }

  private handle(message: PanelMessage<CompareWebviewMessage>): void {
    switch (message.type) {
      case 'openFile':
        void this.openFile(message.path);
        return;
      case 'showLog':
        this.deps.log.show();
        return;
      case 'refresh':
        this.reload();
        return;
      case 'pull':
        void vscode.commands.executeCommand(remoteCommandIds.pull, { root: this.root });
        return;
      case 'swap':
        [this.a, this.b] = [this.b, this.a];
        this.reload();
        return;
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  }
}

/** A new compare panel beside the active editor. */
export function showComparePanel(
  deps: ComparePanelDeps,
  root: vscode.Uri,
  service: CompareService,
  a: ResolvedRevision,
  b: ResolvedRevision,
): ComparePanel {
  const panel = vscode.window.createWebviewPanel(
    'dvcLens.compare',
    `Compare ${a.label} ↔ ${b.label}`,
    vscode.ViewColumn.Active,
    webviewPanelOptions(deps.extensionUri, { enableFindWidget: true }),
  );
  return new ComparePanel(deps, panel, root, service, a, b);
}
