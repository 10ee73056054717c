/**
 * One repository's runs started from DVC Lens, as a slice of the repository hub: the live state of each stage
 * in the current or latest run, and the run history in workspace storage (loaded when the slice is made).
 */
import * as vscode from 'vscode';
import type { StageRunRecord, StageRunState } from '../../core/status/stageStatus';
import { defineSlice, type RepositorySlice, type SliceKey } from '../../repository/repositorySlice';
import { StageRunHistory } from './stageRunHistory';

/** The slice's name. */
export const stageRunSliceName = 'stageRuns';

/** The stage-run slice key; the face makes it once with the workspace storage folder. */
export function stageRunSliceKey(storageDir: string): SliceKey<StageRunSlice> {
  return defineSlice(
    stageRunSliceName,
    (repository) => new StageRunSlice(storageDir, repository.root.fsPath),
  );
}

export class StageRunSlice implements RepositorySlice {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Live states by stage name. */
  private readonly states = new Map<string, StageRunState>();
  readonly history: StageRunHistory;

  constructor(storageDir: string, root: string) {
    this.history = StageRunHistory.forRoot(storageDir, root);
    void this.history.load().then(() => this.changed.fire());
  }

  stateOf(stage: string): StageRunState | undefined {
    return this.states.get(stage);
  }

  lastRun(stage: string): StageRunRecord | undefined {
    return this.history.lastRun(stage);
  }

  set(stage: string, state: StageRunState | undefined): void {
    if (this.states.get(stage) === state) return;
    if (state === undefined) this.states.delete(stage);
    else this.states.set(stage, state);
    this.changed.fire();
  }

  /** The history was extended (after a run). */
  historyChanged(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
