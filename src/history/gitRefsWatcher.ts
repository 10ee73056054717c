/**
 * Tells when a git ref moves (a commit, a checkout, a fetch, a tag): HEAD, `refs/**` and `packed-refs` under
 * any `.git` folder of the workspace, debounced because one git command writes several of them. They come from
 * the workspace's one watcher (a `.git` folder above a DVC root belongs to no repository, so the workspace-wide
 * subscription); VS Code's default `files.watcherExclude` leaves these files watched (it skips `.git/objects`).
 */
import type * as vscode from 'vscode';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';

const DEFAULT_DELAY_MS = 500;
const GIT_REF = /\/\.git\/(HEAD|packed-refs|refs\/.+)$/;

export function watchGitRefs(
  repositories: Pick<WorkspaceRepositories, 'onWorkspaceFiles'>,
  onMoved: () => void,
  delayMs = DEFAULT_DELAY_MS,
): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscription = repositories.onWorkspaceFiles(
    (event) => GIT_REF.test(event.uri.path),
    () => {
      clearTimeout(timer);
      timer = setTimeout(onMoved, delayMs);
    },
  );
  return {
    dispose: () => {
      clearTimeout(timer);
      subscription.dispose();
    },
  };
}
