/**
 * File contents at a git revision for VS Code's diff editor: `dvclens-rev:/<path>?<root, sha>` documents,
 * served by `git show <sha>:./<path>` through the repository's git. An empty sha is a side where the file does
 * not exist (added or deleted), shown as an empty document. Nothing runs in Restricted Mode.
 */
import * as vscode from 'vscode';
import type { OutputLog } from '../../log/outputLog';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { isTrusted, restrictedModeMessage } from '../../trust/workspaceTrust';

export const revisionScheme = 'dvclens-rev';

interface RevisionQuery {
  readonly root: string;
  readonly sha: string;
}

/** A document of `path` (relative to `root`) at `sha`; `sha: ''` for "no such file on this side". */
export function revisionUri(root: vscode.Uri, sha: string, path: string): vscode.Uri {
  const query: RevisionQuery = { root: root.fsPath, sha };
  return vscode.Uri.from({ scheme: revisionScheme, path: `/${path}`, query: JSON.stringify(query) });
}

function parseQuery(uri: vscode.Uri): RevisionQuery | undefined {
  try {
    const value = JSON.parse(uri.query) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const { root, sha } = value as Record<string, unknown>;
    return typeof root === 'string' && typeof sha === 'string' ? { root, sha } : undefined;
  } catch {
    return undefined;
  }
}

export class RevisionContentProvider implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly repositories: WorkspaceRepositories,
    private readonly log: OutputLog,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const query = parseQuery(uri);
    if (!query || query.sha === '') return '';
    if (!isTrusted()) return restrictedModeMessage;
    // A repository that left the workspace since the diff opened has nothing to show any more.
    const repository = this.repositories.repositoryAt(vscode.Uri.file(query.root));
    if (!repository) return '';
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      // A file the revision does not have reads as empty: the diff editor shows it added or deleted.
      const text = await repository.git.fileAt(query.sha, uri.path.replace(/^\//, ''), controller.signal);
      return text ?? '';
    } catch (error) {
      this.log.error(`Could not read ${uri.path} at ${query.sha}`, error);
      return '';
    } finally {
      subscription.dispose();
    }
  }
}
