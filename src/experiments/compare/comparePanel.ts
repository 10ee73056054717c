/**
 * One compare panel: two revisions of one repository, loaded through CompareService when it opens (and on
 * Refresh / Swap), shown as a snapshot the host pushes. The panel owns the load's AbortController: closing
 * it cancels DVC and git.
 */
import * as vscode from 'vscode';
import { isCancellation } from '../../cli/processError';
import type { OutputLog } from '../../log/outputLog';
import { errorText } from '../../ui/messages';
import { withCancellableProgress } from '../../ui/progress';
import { webviewPageAssets, webviewPanelOptions } from '../../webviewShell/webviewAssets';
import { webviewHtml } from '../../webviewShell/webviewHtml';
import { openFileDiff } from './compareDiffEditor';
import { isCompareWebviewMessage } from './compareMessages';
import type { CompareService, ResolvedRevision } from './compareService';
import type { CompareHostMessage, CompareInitialData, CompareViewState } from '../../core/protocols/compareProtocol';

export interface ComparePanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: OutputLog;
  /** The `dvcLens.experiments.metricDirections` setting, read at each load. */
  readonly directions: () => Readonly<Record<string, unknown>>;
}

export class ComparePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
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
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
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
    this.controller?.abort();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
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
          if (this.controller === controller) this.show({ kind: 'ready', model });
        } catch (error) {
          if (this.controller !== controller) return;
          const message = isCancellation(error) ? 'The comparison was cancelled.' : errorText(error);
          this.deps.log.error(`Compare ${a.label} with ${b.label} failed: ${message}`);
          this.show({ kind: 'error', a, b, message });
        }
      }),
    );
  }

  private show(state: CompareViewState): void {
    this.current = state;
    this.post({ type: 'state', state });
  }

  private post(message: CompareHostMessage): void {
    // Before `ready` the page shows the embedded state; `ready` sends the latest anyway.
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (!isCompareWebviewMessage(message)) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'state', state: this.current });
        return;
      case 'openFile':
        void this.openFile(message.path);
        return;
      case 'showLog':
        this.deps.log.show();
        return;
      case 'refresh':
        this.reload();
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
