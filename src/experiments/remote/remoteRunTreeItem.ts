/**
 * A remote run as a row of the Experiments view: the experiment's name, then target, job id, state and elapsed
 * time; a codicon with the theme's test colours; menus by state (`dvcLens.remoteRun.<state>`).
 */
import * as vscode from 'vscode';
import {
  remoteRunKey,
  remoteRunSummary,
  shownRunState,
  type RemoteRunEntry,
} from '../../core/execution/remoteRunEntry';
import type { RunState } from '../../core/execution/runState';

/** The node: `entry` travels to the commands as their argument. */
export interface RemoteRunNode {
  readonly kind: 'remoteRun';
  readonly id: string;
  readonly root: string;
  readonly entry: RemoteRunEntry;
}

export function remoteRunNode(root: string, entry: RemoteRunEntry): RemoteRunNode {
  return { kind: 'remoteRun', id: `remote|${remoteRunKey(entry.record)}`, root, entry };
}

/** True when the run belongs under this commit (the record keeps the full sha; rows may too). */
export function isRunOfCommit(entry: RemoteRunEntry, commitRev: string): boolean {
  return (
    entry.record.baseline === commitRev ||
    (commitRev.length >= 7 && entry.record.baseline.startsWith(commitRev))
  );
}

export function remoteRunTreeItem(node: RemoteRunNode, now: number): vscode.TreeItem {
  const { entry } = node;
  const state = shownRunState(entry);
  const item = new vscode.TreeItem(entry.record.experiment);
  item.id = node.id;
  item.description = remoteRunSummary(entry, now);
  item.iconPath = stateIcon(state);
  item.contextValue = `dvcLens.remoteRun.${state}`;
  const lines = [
    `${entry.record.experiment}: a remote run on ${entry.record.target} (${entry.record.id})`,
    `State: ${state}${entry.failedStep ? ` (the ${entry.failedStep} step failed)` : ''}`,
    `Baseline: ${entry.record.baseline.slice(0, 7)}`,
    ...(entry.record.overrides.length > 0 ? [`Params: ${entry.record.overrides.join(', ')}`] : []),
    `Submitted: ${new Date(entry.record.submittedAt).toLocaleString()}`,
    ...(entry.message ? [entry.message] : []),
  ];
  item.tooltip = lines.join('\n');
  return item;
}

function stateIcon(state: RunState): vscode.ThemeIcon {
  switch (state) {
    case 'queued':
      return new vscode.ThemeIcon('clock', new vscode.ThemeColor('testing.iconQueued'));
    case 'running':
      return new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('testing.iconUnset'));
    case 'completing':
      return new vscode.ThemeIcon('cloud-download', new vscode.ThemeColor('testing.iconUnset'));
    case 'succeeded':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'cancelled':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('testing.iconSkipped'));
  }
}
