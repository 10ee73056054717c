import * as vscode from 'vscode';
import { settingKeys } from '../config/settings';

/** Lets the user pick a `dvc` executable and stores it in `dvcLens.dvcPath` (workspace when one is open). */
export async function selectDvcExecutableCommand(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    openLabel: 'Use this DVC',
    title: 'Choose the dvc executable (for example .venv/bin/dvc)',
  });
  const file = picked?.[0];
  if (!file) return;
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  // The locator listens to this setting and checks the version of what was picked.
  await vscode.workspace.getConfiguration().update(settingKeys.dvcPath, file.fsPath, target);
}
