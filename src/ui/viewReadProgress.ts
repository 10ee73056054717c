import * as vscode from 'vscode';
import { SlowReadIndicator } from '../core/reads/slowReadIndicator';

/**
 * The view's own progress bar (`withProgress` at `{ viewId }`) while `busy()` holds for longer than 2 s: checked
 * on every `onDidChange`. A view that reads quickly never flickers; one that waits on DVC says it is working.
 */
export function viewReadProgress(
  viewId: string,
  busy: () => boolean,
  onDidChange: vscode.Event<unknown>,
): vscode.Disposable {
  const indicator = new SlowReadIndicator(() => {
    let done: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (done = resolve));
    void vscode.window.withProgress({ location: { viewId }, title: 'Reading from DVC…' }, () => ended);
    return done;
  });
  const subscription = onDidChange(() => indicator.set(busy()));
  indicator.set(busy());
  return {
    dispose: () => {
      subscription.dispose();
      indicator.dispose();
    },
  };
}
