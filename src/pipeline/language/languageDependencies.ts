import type * as vscode from 'vscode';
import type { StageRunRecord, StageStatus } from '../../core/status/stageStatus';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';

/** What the dvc.yaml editor features read from; status and run history are optional until they exist. */
export interface DvcYamlLanguageDependencies {
  readonly disposables: DisposableStore;
  readonly repositories: WorkspaceRepositories;
  /** `root` is the repository root's URI string; `stage` the qualified stage name. */
  readonly statusOf?: (root: string, stage: string) => StageStatus | undefined;
  readonly lastRunOf?: (root: string, stage: string) => StageRunRecord | undefined;
  readonly onDidChangeStatus?: vscode.Event<void>;
}

/** Commands the Run lenses invoke; registered by the run feature. */

/** The argument of `dvcLens.reproStage` and `dvcLens.reproDownstream`. */
export interface ReproStageArguments {
  readonly root: vscode.Uri;
  /** A qualified stage name, or the name of a foreach/matrix group (DVC runs all its generated stages). */
  readonly stage: string;
}
