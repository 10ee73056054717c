/**
 * `dvc data status` per repository, for the Data view and the decorations. A newer read cancels the older one
 * of the same repository (ours, and the `data-status` slot in the scheduler); a failure keeps the last good
 * status and remembers DVC's sentence. Nothing runs in Restricted Mode or before DVC is located.
 */
import * as vscode from 'vscode';
import { DvcCli } from '../cli/dvcCli';
import { GitCli } from '../cli/gitCli';
import { isCancellation } from '../cli/processError';
import { DataStatusIndex } from '../core/data/dataStatusIndex';
import { dataCheckRemoteSetting } from '../config/dataSettings';
import type { OutputLog } from '../log/outputLog';
import type { RepositorySchedulers } from '../repository/repositorySchedulers';
import type { DvcLocator } from '../setup/dvcLocator';
import { isTrusted } from '../trust/workspaceTrust';
import { DataService } from './dataService';
import { dvcErrorText } from './dvcErrorText';

/** How a read ended: `noDvc` covers Restricted Mode and DVC not (yet) found. */
export type StatusReadOutcome = 'updated' | 'failed' | 'cancelled' | 'noDvc';

interface RepositoryStatus {
  index: DataStatusIndex | undefined;
  error: string | undefined;
  /** The last good status asked the remote too. */
  remoteChecked: boolean;
  current: AbortController | undefined;
}

export class DataStatusReader implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly byRoot = new Map<string, RepositoryStatus>();

  constructor(
    private readonly schedulers: RepositorySchedulers,
    private readonly locator: DvcLocator,
    private readonly log: OutputLog,
  ) {}

  statusOf(root: string): DataStatusIndex | undefined {
    return this.byRoot.get(root)?.index;
  }

  errorOf(root: string): string | undefined {
    return this.byRoot.get(root)?.error;
  }

  isRefreshing(root: string): boolean {
    return this.byRoot.get(root)?.current !== undefined;
  }

  /** Whether the status shown includes what the remote lacks. */
  remoteChecked(root: string): boolean {
    return this.byRoot.get(root)?.remoteChecked ?? false;
  }

  /** A DataService for the repository, when trusted and DVC is located. */
  serviceFor(root: vscode.Uri): DataService | undefined {
    const executable = isTrusted() ? this.locator.executable : undefined;
    if (!executable) return undefined;
    const scheduler = this.schedulers.for(root.fsPath);
    return new DataService(
      new DvcCli(executable, scheduler),
      scheduler,
      new GitCli(root.fsPath, { log: this.log }),
    );
  }

  /** Reads now, cancelling a read in progress. Never rejects. */
  async refresh(
    root: vscode.Uri,
    options: { readonly notInRemote?: boolean } = {},
  ): Promise<StatusReadOutcome> {
    const service = this.serviceFor(root);
    if (!service) return 'noDvc';
    const key = root.toString();
    const state = this.stateOf(key);
    const controller = new AbortController();
    state.current?.abort();
    state.current = controller;
    this.changed.fire();
    const notInRemote = options.notInRemote === true || dataCheckRemoteSetting();
    try {
      const status = await service.status({ notInRemote }, controller.signal);
      if (controller.signal.aborted) return 'cancelled';
      state.index = new DataStatusIndex(status);
      state.error = undefined;
      state.remoteChecked = notInRemote;
      return 'updated';
    } catch (error) {
      if (controller.signal.aborted || isCancellation(error)) return 'cancelled';
      state.error = dvcErrorText(error);
      this.log.error('dvc data status failed', error);
      return 'failed';
    } finally {
      if (state.current === controller) {
        state.current = undefined;
        this.changed.fire();
      }
    }
  }

  forget(root: string): void {
    this.byRoot.get(root)?.current?.abort();
    this.byRoot.delete(root);
  }

  dispose(): void {
    for (const state of this.byRoot.values()) state.current?.abort();
    this.byRoot.clear();
    this.changed.dispose();
  }

  private stateOf(key: string): RepositoryStatus {
    let state = this.byRoot.get(key);
    if (!state) {
      state = { index: undefined, error: undefined, remoteChecked: false, current: undefined };
      this.byRoot.set(key, state);
    }
    return state;
  }
}
