/**
 * What clicking a History commit opens: the compare view of the commit against its first parent (params,
 * metrics with their change, data and source files), through the compare feature's own command.
 */
import * as vscode from 'vscode';
import { experimentCommandIds } from '../experiments';

/** A commit and the one it is compared with. */
export interface CommitComparison {
  readonly root: vscode.Uri;
  readonly sha: string;
  /** The first parent; undefined for a root commit. */
  readonly parent: string | undefined;
}

/** Not imported from the experiments feature: its command ids module would pull the feature in at load. */

export async function openCommitComparison(target: CommitComparison): Promise<void> {
  if (!target.parent) {
    void vscode.window.showInformationMessage(
      `DVC Lens: ${target.sha.slice(0, 7)} is the first commit; it has no parent to compare with.`,
    );
    return;
  }
  await vscode.commands.executeCommand(experimentCommandIds.compareRevisions, {
    root: target.root,
    a: target.parent,
    b: target.sha,
  });
}
