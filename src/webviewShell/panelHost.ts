/**
 * The host side of every panel's lifecycle, in one place: the `ready` handshake, posting, debounced snapshot
 * pushes, the runtime check of what the page sends, the page's saved UI state, and disposal. A panel keeps
 * only what is its own: how to build its snapshot and what its messages do.
 *
 * No `vscode` at run time (the import below is types only), so unit tests drive it with a fake webview.
 */
import type * as vscode from 'vscode';

/** What a PanelHost needs of a webview panel; `webviewPanelConnection` adapts a `vscode.WebviewPanel`. */
export interface PanelConnection {
  postMessage(message: unknown): PromiseLike<boolean>;
  onDidReceiveMessage(listener: (message: unknown) => void): { dispose(): unknown };
  /** The person closed the panel (or the code disposed it). */
  onDidDispose(listener: () => void): { dispose(): unknown };
}

export function webviewPanelConnection(panel: vscode.WebviewPanel): PanelConnection {
  return {
    postMessage: (message) => panel.webview.postMessage(message),
    onDidReceiveMessage: (listener) => panel.webview.onDidReceiveMessage(listener),
    onDidDispose: (listener) => panel.onDidDispose(listener),
  };
}

/** Where a page's UI state is kept between sessions: the extension's `workspaceState`, under `key`. */
export interface SavedPanelState<S> {
  readonly memento: {
    get(key: string): unknown;
    update(key: string, value: unknown): PromiseLike<void>;
  };
  readonly key: string;
  /** The check of what the memento holds (an older version may have saved another shape). */
  readonly isState: (value: unknown) => value is S;
}

type Message = { readonly type: string };
type SaveState<W> = Extract<W, { readonly type: 'saveState' }>;
type StateOf<W> = SaveState<W> extends { readonly state: infer S } ? S : never;

/** A panel whose protocol has `saveState` must say where the state goes; one without must not. */
type SavedStateOption<W> = [SaveState<W>] extends [never]
  ? { readonly savedState?: undefined }
  : { readonly savedState: SavedPanelState<StateOf<W>> };

/** The messages the panel handles itself: everything but the handshake and the state PanelHost keeps. */
export type PanelMessage<W> = Exclude<W, { readonly type: 'ready' | 'saveState' }>;

export type PanelHostOptions<H extends Message, W extends Message> = {
  readonly connection: PanelConnection;
  /** The boundary check (a `messageGuard` of messageChecks.ts): anything else the page sends is dropped. */
  readonly isMessage: (value: unknown) => value is W;
  readonly receive: (message: PanelMessage<W>) => void;
  /** The panel's latest data as a message, built when it is sent (so a burst of changes sends one). */
  readonly snapshot: () => H;
  /** Quiet time before a push is sent; 0 (the default) sends at once. */
  readonly pushDelayMs?: number;
  /**
   * What `ready` answers. `always`: the latest snapshot. `ifChanged`: only when a push was asked for since the
   * page's HTML (with its embedded first snapshot) was built; resending a large unchanged snapshot is waste.
   */
  readonly onReady?: 'always' | 'ifChanged';
} & SavedStateOption<W>;

export class PanelHost<H extends Message, W extends Message> {
  private ready = false;
  private disposed = false;
  /** A push was asked for since the page's HTML was built. */
  private changedSinceHtml = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Posts made before the page listens, sent in order after its first snapshot. */
  private queued: H[] = [];
  private readonly subscriptions: { dispose(): unknown }[];
  private readonly disposeListeners: (() => void)[] = [];

  constructor(private readonly options: PanelHostOptions<H, W>) {
    const { connection } = options;
    this.subscriptions = [
      connection.onDidReceiveMessage((message) => this.receive(message)),
      connection.onDidDispose(() => this.dispose()),
    ];
  }

  /** The page has said `ready` (posts go out now rather than wait). */
  get isReady(): boolean {
    return this.ready;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The UI state the page saved last (undefined when none, or malformed). */
  get savedState(): StateOf<W> | undefined {
    const saved = this.options.savedState;
    if (!saved) return undefined;
    const value = saved.memento.get(saved.key);
    return saved.isState(value) ? value : undefined;
  }

  /** Posts now when the page listens, else once it does (after the snapshot `ready` answers with). */
  post(message: H): void {
    if (this.disposed) return;
    if (!this.ready) {
      this.queued.push(message);
      return;
    }
    this.send(message);
  }

  /**
   * The data changed: send a snapshot after `pushDelayMs` of quiet (at once without a delay). Before `ready`
   * nothing is sent: the page shows its embedded data and `ready` sends the latest.
   */
  push(): void {
    if (this.disposed) return;
    this.changedSinceHtml = true;
    if (!this.ready) return;
    const delay = this.options.pushDelayMs ?? 0;
    if (delay <= 0) return this.pushNow();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pushNow();
    }, delay);
  }

  /** Runs `listener` once when the host is disposed (the panel closed or `dispose()` was called). */
  onDidDispose(listener: () => void): void {
    if (this.disposed) listener();
    else this.disposeListeners.push(listener);
  }

  /**
   * A message from the page, checked at this boundary. Panels expose it so the extension-host suite can
   * deliver what the page would send (it cannot click inside a webview).
   */
  receive(value: unknown): void {
    if (this.disposed || !this.options.isMessage(value)) return;
    const message: W = value;
    if (message.type === 'ready') return this.answerReady();
    if (message.type === 'saveState') return this.saveState(message);
    this.options.receive(message as PanelMessage<W>);
  }

  /** Stops pushes and posts, releases the listeners; the panel's own cleanups run (once). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queued = [];
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    for (const listener of this.disposeListeners.splice(0)) listener();
  }

  private answerReady(): void {
    // A page that loads again (hidden and shown, or reloaded) says `ready` again: answer each time.
    this.ready = true;
    if (this.options.onReady !== 'ifChanged' || this.changedSinceHtml) this.pushNow();
    for (const message of this.queued.splice(0)) this.send(message);
  }

  private saveState(message: W): void {
    const saved = this.options.savedState;
    if (!saved || !('state' in message)) return;
    void saved.memento.update(saved.key, message.state);
  }

  private pushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.send(this.options.snapshot());
  }

  private send(message: H): void {
    if (this.disposed) return;
    // A page closing between the check and the post rejects; there is nobody left to tell.
    this.options.connection.postMessage(message).then(undefined, () => undefined);
  }
}
