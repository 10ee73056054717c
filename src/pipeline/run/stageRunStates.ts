import * as vscode from 'vscode';
import type { StageRunRecord, StageRunState } from '../../core/status/stageStatus';
import { StageRunHistory } from './stageRunHistory';

/** What the tree, the DAG and CodeLens read about runs started from DVC Lens; `root` is the folder's fsPath. */
export interface StageRunStates {
  /** The stage's state in the current or latest run (undefined: no run involved it since start-up). */
  stateOf(root: string, stage: string): StageRunState | undefined;
  /** The stage's newest finished run, from the history in workspace storage. */
  lastRun(root: string, stage: string): StageRunRecord | undefined;
  /** Fires when a state changes or a history was loaded or extended. */
  readonly onDidChange: vscode.Event<void>;
}

/** Live states per repository and the run histories, one per repository, loaded on first use. */
export class StageRunStateStore implements StageRunStates, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly states = new Map<string, Map<string, StageRunState>>();
  private readonly histories = new Map<string, StageRunHistory>();

  constructor(private readonly storageDir: string) {}

  historyOf(root: string): StageRunHistory {
    let history = this.histories.get(root);
    if (!history) {
      history = StageRunHistory.forRoot(this.storageDir, root);
      this.histories.set(root, history);
      void history.load().then(() => this.changed.fire());
    }
    return history;
  }

  stateOf(root: string, stage: string): StageRunState | undefined {
    return this.states.get(root)?.get(stage);
  }

  lastRun(root: string, stage: string): StageRunRecord | undefined {
    return this.historyOf(root).lastRun(stage);
  }

  set(root: string, stage: string, state: StageRunState | undefined): void {
    let byStage = this.states.get(root);
    if (!byStage) {
      byStage = new Map();
      this.states.set(root, byStage);
    }
    if (byStage.get(stage) === state) return;
    if (state === undefined) byStage.delete(stage);
    else byStage.set(stage, state);
    this.changed.fire();
  }

  /** A history was extended (after a run). */
  historyChanged(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
