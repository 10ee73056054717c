import * as vscode from 'vscode';

/**
 * Restricted Mode, in one place: DVC Lens reads files there but runs nothing, because `dvc repro` runs the
 * pipeline's commands and even `dvc --version` would run an executable found in the workspace's venv.
 */
export function isTrusted(): boolean {
  return vscode.workspace.isTrusted;
}

export { restrictedModeMessage } from './restrictedModeMessage';

/** Runs `start` now when the workspace is trusted, or once trust is granted later. */
export function whenTrusted(start: () => void): vscode.Disposable {
  if (vscode.workspace.isTrusted) {
    start();
    return new vscode.Disposable(() => undefined);
  }
  return vscode.workspace.onDidGrantWorkspaceTrust(start);
}
