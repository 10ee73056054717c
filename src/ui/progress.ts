import * as vscode from 'vscode';

/**
 * Runs a long operation behind a progress notification with a Cancel button. Cancel aborts the signal the
 * task passes to the process runner, which kills the whole process tree.
 */
export function withCancellableProgress<T>(
  title: string,
  task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await task(controller.signal, (message) => progress.report({ message }));
      } finally {
        subscription.dispose();
      }
    },
  );
}
