/**
 * The messages between the DAG panel's host (src/pipeline/dag) and its webview (webview/dag). Types only:
 * both sides import this file; the host checks what arrives with `isDagWebviewMessage`
 * (src/pipeline/dag/dagMessages.ts).
 */
import type { PanelReadyMessage } from './panelMessages';
import type { StageRunState, StageStatusKind } from '../status/stageStatus';

/** One stage as the webview draws it. */
export interface DagNodeView {
  /** Unique in the snapshot: the repository root and the stage's qualified name. */
  readonly id: string;
  /** The repository root URI (as `Uri.toString()`), echoed back in messages about this stage. */
  readonly root: string;
  /** The stage name shown on the node. */
  readonly label: string;
  /** The name DVC prints (`name` or `dir/dvc.yaml:name`), echoed back as `stage` in messages. */
  readonly qualifiedName: string;
  /** The dvc.yaml the stage is in, repository-relative. */
  readonly file: string;
  /** The id of the group (dvc.yaml) the node is drawn in. */
  readonly group: string;
  readonly status: StageStatusKind;
  readonly runState?: StageRunState;
  /** Duration of the last run started from DVC Lens, in milliseconds. */
  readonly lastDurationMs?: number;
  /** A `.dvc` file (data source), not a stage: `file` is the `.dvc` file; it cannot be run. */
  readonly source?: { readonly kind: 'tracked' | 'import' | 'importUrl'; readonly frozen: boolean };
}

/** `to` depends on what `from` writes. */
export interface DagEdgeView {
  readonly from: string;
  readonly to: string;
}

/** One dvc.yaml: a frame around its stages. */
export interface DagGroupView {
  readonly id: string;
  /** The dvc.yaml path, prefixed with the repository folder name when the workspace has several. */
  readonly label: string;
}

/** A problem that keeps the pipeline from running, shown as the panel's error state. */
export interface DagProblemView {
  readonly message: string;
  /** Where: `<dvc.yaml path>:<line>` (1-based). */
  readonly location: string;
}

/** Everything the webview draws; the host sends a new one after every change. */
export interface DagSnapshot {
  readonly nodes: readonly DagNodeView[];
  readonly edges: readonly DagEdgeView[];
  readonly groups: readonly DagGroupView[];
  /** Errors of the pipelines (parse errors, cycles, outputs of two stages); non-empty: the error state. */
  readonly problems: readonly DagProblemView[];
}

/** Host → webview: the whole graph to draw (also embedded in the HTML as the first one). */
export interface SnapshotMessage {
  readonly type: 'snapshot';
  readonly snapshot: DagSnapshot;
}

/** Host → webview: select and centre a node (e.g. "Show in DAG" from the tree). */
export interface FocusMessage {
  readonly type: 'focus';
  readonly nodeId: string;
}

export type DagHostMessage = SnapshotMessage | FocusMessage;

/** Webview → host: the script runs and listens; the host may now post messages. */
export type ReadyMessage = PanelReadyMessage;

/** Webview → host: open the stage's definition in dvc.yaml (Enter or double-click on a node). */
export interface OpenStageMessage {
  readonly type: 'openStage';
  readonly root: string;
  readonly stage: string;
}

/** Webview → host: run the stage with what it needs (`withUpstream`) or with what follows it. */
export interface RunStageMessage {
  readonly type: 'runStage';
  readonly root: string;
  readonly stage: string;
  readonly mode: 'withUpstream' | 'downstream';
}

/** Webview → host: show the log of the stage's last run from DVC Lens. */
export interface ShowLastLogMessage {
  readonly type: 'showLastLog';
  readonly root: string;
  readonly stage: string;
}

export type DagWebviewMessage = ReadyMessage | OpenStageMessage | RunStageMessage | ShowLastLogMessage;

/** What the webview keeps across hide/show with `setState` (UI state only). */
export interface DagViewState {
  readonly zoom: number;
  readonly panX: number;
  readonly panY: number;
  readonly selected?: string;
}
