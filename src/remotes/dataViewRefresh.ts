import * as vscode from 'vscode';

/** Registered by the Data feature (the Data view); absent until that feature is there, which is fine. */
const refreshDataCommand = 'dvcLens.refreshData';

/** Asks the Data view to reload after a command changed the cache, the workspace's data or a remote. */
export async function refreshDataView(): Promise<void> {
  try {
    await vscode.commands.executeCommand(refreshDataCommand);
  } catch {
    // The Data view is not registered (yet): nothing to refresh.
  }
}
