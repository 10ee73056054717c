/**
 * Live updates: a dashboard refreshes quietly when a file that can feed a plot changes (data series, images,
 * dvc.yaml, dvc.lock) or when DVCLive signals a step (it touches a file under `.dvc/tmp/exps/` after each
 * one). Bursts (a training loop writing every step) collapse into one `dvc plots diff` per quiet period.
 */
import * as vscode from 'vscode';
import { affectsPlots } from '../core/plots/plotSources';

const DEFAULT_QUIET_MS = 400;

export function watchPlotSources(
  root: vscode.Uri,
  onChange: () => void,
  quietMs = DEFAULT_QUIET_MS,
): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (uri: vscode.Uri): void => {
    const relative = uri.path.startsWith(`${root.path}/`) ? uri.path.slice(root.path.length + 1) : undefined;
    if (relative === undefined || !affectsPlots(relative)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, quietMs);
  };
  const subscriptions = [
    watcher,
    watcher.onDidChange(changed),
    watcher.onDidCreate(changed),
    watcher.onDidDelete(changed),
  ];
  return {
    dispose: () => {
      if (timer) clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
