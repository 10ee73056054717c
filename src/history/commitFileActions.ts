/**
 * The hover's actions on a blamed commit: the diff of the params file in that commit (VS Code's diff editor
 * between `<sha>^` and `<sha>`, both sides served by the compare feature's `dvclens-rev:` documents, which
 * read git only in trusted workspaces) and copying the SHA. Arguments arrive as JSON from command links.
 */
import * as vscode from 'vscode';
import { revisionUri } from '../experiments';
import { stringField } from '../remotes';

/** `{ root, sha, parent?, path }`: `root` a Uri's string, `path` relative to it; no parent: a root commit. */
export async function openCommitFileDiff(argument: unknown): Promise<void> {
  const rootText = stringField(argument, 'root');
  const sha = stringField(argument, 'sha');
  const path = stringField(argument, 'path');
  if (!rootText || !sha || !path) return;
  const root = vscode.Uri.parse(rootText);
  // A root commit has no parent: the left side is empty, the file shows as added.
  const parent = stringField(argument, 'parent') ?? '';
  const title = `${path} (${sha.slice(0, 7)}^ ↔ ${sha.slice(0, 7)})`;
  await vscode.commands.executeCommand(
    'vscode.diff',
    revisionUri(root, parent, path),
    revisionUri(root, sha, path),
    title,
  );
}

/** `{ sha }`: the full SHA onto the clipboard; a status-bar note says so (never an awaited message). */
export async function copyCommitSha(argument: unknown): Promise<void> {
  const sha = stringField(argument, 'sha');
  if (!sha) return;
  await vscode.env.clipboard.writeText(sha);
  vscode.window.setStatusBarMessage(`DVC Lens: copied ${sha.slice(0, 7)}`, 3000);
}
