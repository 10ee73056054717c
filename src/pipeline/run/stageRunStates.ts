import * as vscode from 'vscode';
import type { StageRunRecord, StageRunState } from '../../core/status/stageStatus';
import { DisposableStore } from '../../lifecycle/disposableStore';
import type { SliceKey } from '../../repository/repositorySlice';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { StageRunHistory } from './stageRunHistory';
import { stageRunSliceKey, stageRunSliceName, type StageRunSlice } from './stageRunSlice';

/** What the tree, the DAG and CodeLens read about runs started from DVC Lens; `root` is the folder's fsPath. */
export interface StageRunStates {
  /** The stage's state in the current or latest run (undefined: no run involved it since start-up). */
  stateOf(root: string, stage: string): StageRunState | undefined;
  /** The stage's newest finished run, from the history in workspace storage. */
  lastRun(root: string, stage: string): StageRunRecord | undefined;
  /** The run history of the repository at `root` (loaded once its slice is made). */
  historyOf(root: string): StageRunHistory;
  /** Fires when a state changes or a history was loaded or extended. */
  readonly onDidChange: vscode.Event<void>;
}

/** The workspace-level face of the stage-run slices (stageRunSlice.ts), keyed by the root's fsPath. */
export class StageRunStateStore implements StageRunStates, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly key: SliceKey<StageRunSlice>;

  constructor(
    private readonly repositories: WorkspaceRepositories,
    private readonly storageDir: string,
  ) {
    this.key = stageRunSliceKey(storageDir);
    this.disposables.register(
      repositories.onDidChangeSlice((change) => {
        if (change.name === stageRunSliceName) this.changed.fire();
      }),
    );
  }

  /**
   * The run history of the repository at `root`. A folder the workspace no longer lists (removed during a
   * run) still gets its history file: the run's record is written, and read again if the folder comes back.
   */
  historyOf(root: string): StageRunHistory {
    return this.sliceOf(root)?.history ?? StageRunHistory.forRoot(this.storageDir, root);
  }

  stateOf(root: string, stage: string): StageRunState | undefined {
    return this.sliceOf(root)?.stateOf(stage);
  }

  lastRun(root: string, stage: string): StageRunRecord | undefined {
    return this.sliceOf(root)?.lastRun(stage);
  }

  set(root: string, stage: string, state: StageRunState | undefined): void {
    this.sliceOf(root)?.set(stage, state);
  }

  /** A history was extended (after a run). */
  historyChanged(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private sliceOf(root: string): StageRunSlice | undefined {
    return this.repositories.repositoryAt(vscode.Uri.file(root))?.slice(this.key);
  }
}
