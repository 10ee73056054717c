import * as vscode from 'vscode';
import type { FileChange } from '../../core/compare/compareChanges';
import type { ResolvedRevision } from './compareService';
import { revisionUri } from './revisionContent';

/** One side of a file's diff: the workspace file itself, its content at a commit, or empty (absent there). */
function sideUri(root: vscode.Uri, revision: ResolvedRevision, path: string, exists: boolean): vscode.Uri {
  if (!exists) return revisionUri(root, '', path);
  if (revision.sha === undefined) return vscode.Uri.joinPath(root, ...path.split('/'));
  return revisionUri(root, revision.sha, path);
}

/** Opens VS Code's diff editor for a changed file: A on the left, B on the right. */
export async function openFileDiff(
  root: vscode.Uri,
  a: ResolvedRevision,
  b: ResolvedRevision,
  change: FileChange,
): Promise<void> {
  const left = sideUri(root, a, change.oldPath ?? change.path, change.change !== 'added');
  const right = sideUri(root, b, change.path, change.change !== 'deleted');
  const name = change.path.split('/').pop() ?? change.path;
  await vscode.commands.executeCommand('vscode.diff', left, right, `${name} (${a.label} ↔ ${b.label})`, {
    preview: true,
  });
}
