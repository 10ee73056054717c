/**
 * The History view's workspace-level face of the history slices (historySlice.ts): each repository's loaded
 * pages live in its slice in the repository hub. Keyed by repository root.
 */
import * as vscode from 'vscode';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { SliceKey } from '../repository/repositorySlice';
import type { CommitAndParentRows } from './historyService';
import { historySliceKey, historySliceName, type HistorySlice, type RepositoryHistory } from './historySlice';
import type { HistoryToolDependencies } from './historyTools';

export type { RepositoryHistory } from './historySlice';

export class HistoryStore implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly key: SliceKey<HistorySlice>;

  constructor(private readonly deps: HistoryToolDependencies) {
    this.key = historySliceKey(deps);
    this.disposables.register(
      deps.repositories.onDidChangeSlice((change) => {
        if (change.name === historySliceName) this.changed.fire();
      }),
    );
  }

  /** The loaded history of a repository (empty until `reload` ran). */
  history(root: vscode.Uri): RepositoryHistory {
    return this.existing(root)?.history ?? { root, entries: [], hasMore: false, loading: false, notes: [] };
  }

  /**
   * DVC's rows of a loaded commit and its first parent, when a page already holds them (param blame reuses
   * them instead of asking DVC again); undefined when the commit is not loaded or its metrics are not in yet.
   */
  rowsOf(root: vscode.Uri, sha: string): CommitAndParentRows | undefined {
    return this.existing(root)?.rowsOf(sha);
  }

  /** Drops what was loaded and reads the first page again (a newer reload cancels an older one). */
  async reload(root: vscode.Uri): Promise<void> {
    await this.deps.repositories.repositoryAt(root)?.slice(this.key).reload();
  }

  /** The next 50 commits. */
  async loadMore(root: vscode.Uri): Promise<void> {
    await this.deps.repositories.repositoryAt(root)?.slice(this.key).loadMore();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private existing(root: vscode.Uri): HistorySlice | undefined {
    return this.deps.repositories.repositoryAt(root)?.existingSlice(this.key);
  }
}
