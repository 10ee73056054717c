import * as vscode from 'vscode';
import type { OutputLog } from '../log/outputLog';
import type { CommandUi } from './commandRuntime';
import { showErrorWithLog } from '../ui/messages';
import { withCancellableProgress } from '../ui/progress';

/** The command runtime's editor calls, made for real: notifications, "Show Log" errors, progress with Cancel. */
export function editorCommandUi(log: OutputLog): CommandUi {
  return {
    // Refusals and notices go to the Output channel too: it keeps what a toast forgets.
    warn: (message) => {
      log.append(message);
      void vscode.window.showWarningMessage(message);
    },
    inform: (message) => {
      log.append(message);
      void vscode.window.showInformationMessage(message);
    },
    // Not awaited: the message stays until dismissed while the view refreshes and the command resolves.
    showErrorWithLog: (message, detail) => {
      const shown = showErrorWithLog(log, message);
      if (detail) log.append(detail);
      void shown;
    },
    showErrorWithAction: async (message, action, detail) => {
      const shown = showErrorWithLog(log, message, action);
      if (detail) log.append(detail);
      return (await shown) === action;
    },
    withProgress: (title, task) => Promise.resolve(withCancellableProgress(title, task)),
  };
}
