import * as vscode from 'vscode';
import type { OutputLog } from '../log/outputLog';

/**
 * Shows an error the user can act on, with "Show log" (the Output channel holds the command line, exit code
 * and stderr behind it) and any further actions; resolves to the action picked.
 */
export async function showErrorWithLog(
  log: OutputLog,
  message: string,
  ...actions: string[]
): Promise<string | undefined> {
  log.error(message);
  const picked = await vscode.window.showErrorMessage(message, ...actions, 'Show Log');
  if (picked === 'Show Log') log.show();
  return picked;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
