/**
 * Tells when a git ref moves (a commit, a checkout, a fetch, a tag): HEAD, `refs/**` and `packed-refs` under
 * any `.git` folder of the workspace, debounced because one git command writes several of them. VS Code's
 * default `files.watcherExclude` leaves these files watched (it skips `.git/objects` only).
 */
import * as vscode from 'vscode';

const DEFAULT_DELAY_MS = 500;

export function watchGitRefs(onMoved: () => void, delayMs = DEFAULT_DELAY_MS): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.git/{HEAD,packed-refs,refs/**}');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const moved = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onMoved, delayMs);
  };
  const subscriptions = [
    watcher,
    watcher.onDidChange(moved),
    watcher.onDidCreate(moved),
    watcher.onDidDelete(moved),
  ];
  return {
    dispose: () => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
