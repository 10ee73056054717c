import * as vscode from 'vscode';
import type { StageRunRecord, StageRunState, StageStatus } from '../core/status/stageStatus';
import type { StageRunStates } from './run/stageRunStates';
import type { StageDecorationSource } from './stageDecorations';
import type { StageStatuses } from './status/stageStatuses';

/**
 * Everything known about stages beyond their definition (DVC's status, live run states, run history),
 * behind one interface keyed by the repository's URI string, so that the tree, the DAG, CodeLens and hovers
 * all read the same answers and repaint on the same event.
 */
export class StageInsights implements StageDecorationSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly statuses: StageStatuses,
    private readonly runs: StageRunStates,
  ) {
    this.subscriptions = [
      statuses.onDidChange(() => this.changed.fire()),
      runs.onDidChange(() => this.changed.fire()),
    ];
  }

  statusOf(root: string, stage: string): StageStatus | undefined {
    return this.statuses.statusOf(root, stage);
  }

  /**
   * Queued, running and failed are news; a finished success is not: after it, `dvc status` is the truth
   * (a later change makes the stage "changed" again, which a lingering "succeeded" would hide).
   */
  runStateOf(root: string, stage: string): StageRunState | undefined {
    const state = this.runs.stateOf(vscode.Uri.parse(root).fsPath, stage);
    return state === 'succeeded' || state === 'skipped' ? undefined : state;
  }

  lastRunOf(root: string, stage: string): StageRunRecord | undefined {
    return this.runs.lastRun(vscode.Uri.parse(root).fsPath, stage);
  }

  isRefreshing(root: string): boolean {
    return this.statuses.isRefreshing(root);
  }

  statusErrorOf(root: string): string | undefined {
    return this.statuses.lastError(root);
  }

  /** Why the status was read stage by stage (the whole-project read failed), in one line. */
  statusNoteOf(root: string): string | undefined {
    return this.statuses.stageByStageNote(root);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
