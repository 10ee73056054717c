import * as vscode from 'vscode';
import type { StageStatus } from '../../core/status/stageStatus';
import { DisposableStore } from '../../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import type { DvcLocator } from '../../setup';
import { stageStatusSlice, type StageStatusSlice } from './stageStatusSlice';

/**
 * The workspace-level face of the stage status slices (stageStatusSlice.ts): `dvc status` per DVC repository
 * for the tree, the DAG, CodeLens and hovers. Keys are repository root URI strings.
 */
export class StageStatuses implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly repositories: WorkspaceRepositories,
    locator: DvcLocator,
  ) {
    this.disposables.register(
      repositories.onDidChangeSlice((change) => {
        if (change.name === stageStatusSlice.name) this.changed.fire();
      }),
    );
    this.disposables.register(repositories.onDidChange(() => this.sync()));
    this.disposables.register(locator.onDidChange(() => this.refreshAll()));
  }

  statusOf(root: string, stage: string): StageStatus | undefined {
    return this.sliceAt(root)?.statusOf(stage);
  }

  isRefreshing(root: string): boolean {
    return this.sliceAt(root)?.isRefreshing ?? false;
  }

  lastError(root: string): string | undefined {
    return this.sliceAt(root)?.lastError;
  }

  stageByStageNote(root: string): string | undefined {
    return this.sliceAt(root)?.stageByStageNote;
  }

  /** Asks DVC again for every repository (after a run, when DVC was found, on request). */
  refreshAll(): void {
    for (const slice of this.slices()) slice.scheduleRefresh({ askDvc: true });
  }

  refresh(root: string): Promise<unknown> {
    return this.sliceAt(root)?.refresh() ?? Promise.resolve();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  /** Slices that exist: a repository gets one when the workspace first lists it (see sync). */
  private slices(): StageStatusSlice[] {
    return this.repositories.repositories.flatMap((repository) =>
      repository.isDvcRepository ? (repository.existingSlice(stageStatusSlice) ?? []) : [],
    );
  }

  private sliceAt(root: string): StageStatusSlice | undefined {
    const repository = this.repositories.repositoryAt(root);
    return repository?.isDvcRepository ? repository.existingSlice(stageStatusSlice) : undefined;
  }

  /**
   * Every DVC repository gets its slice; a repository whose pipelines were re-read gets a refresh (from the
   * files when only params changed: a re-read after a params edit must not cost a `dvc status`).
   */
  private sync(): void {
    for (const repository of this.repositories.repositories)
      if (repository.isDvcRepository) repository.slice(stageStatusSlice).scheduleRefresh();
  }
}
