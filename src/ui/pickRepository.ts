import * as vscode from 'vscode';

/** What a repository quick pick shows: every repository-like object in the extension has these two. */
export interface PickableRepository {
  readonly root: vscode.Uri;
  readonly workspaceFolder: vscode.WorkspaceFolder;
}

/**
 * The one of `candidates` a command acts on: the only one without asking, else the person's pick (labelled
 * by workspace folder, described by the path inside the workspace). Undefined when there is none or the pick
 * was closed; callers decide what to say when there is none, as that differs per command.
 */
export async function pickRepository<T extends PickableRepository>(
  candidates: readonly T[],
  title: string,
): Promise<T | undefined> {
  if (candidates.length <= 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((repository) => ({
      label: repository.workspaceFolder.name,
      description: vscode.workspace.asRelativePath(repository.root, true),
      repository,
    })),
    { title },
  );
  return picked?.repository;
}
