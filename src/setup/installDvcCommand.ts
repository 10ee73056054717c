import * as vscode from 'vscode';
import { pythonPathSetting } from '../config/settings';
import type { OutputLog } from '../log/outputLog';
import { errorText, showErrorWithLog } from '../ui/messages';
import { withCancellableProgress } from '../ui/progress';

/** The process-layer operation the command drives: create `<folder>/.venv` and pip-install DVC into it. */
export type InstallDvc = (
  folder: string,
  python: string,
  signal: AbortSignal,
  onOutput: (line: string) => void,
) => Promise<string>;

/**
 * "Install DVC into a Workspace Virtual Environment": `python -m venv .venv` and `pip install dvc`, with
 * progress, Cancel (kills pip and its children) and every pip line in the log. The locator then finds
 * `.venv/bin/dvc` by itself.
 */
export async function installDvcCommand(
  install: InstallDvc,
  log: OutputLog,
  onInstalled: () => void,
): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder =
    folders.length === 1
      ? folders[0]
      : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder to create .venv in' });
  if (!folder) {
    if (folders.length === 0)
      void vscode.window.showWarningMessage(
        'DVC Lens: open a folder first; DVC is installed into its .venv.',
      );
    return;
  }
  const python = pythonPathSetting() || 'python3';
  const confirmed = await vscode.window.showInformationMessage(
    `Install DVC with pip into ${folder.uri.fsPath}/.venv using ${python}?`,
    { modal: true, detail: 'This downloads DVC and its dependencies from the Python package index.' },
    'Install',
  );
  if (confirmed !== 'Install') return;
  try {
    const dvcPath = await withCancellableProgress('DVC Lens: installing DVC into .venv', (signal, report) =>
      install(folder.uri.fsPath, python, signal, (line) => {
        log.append(`pip: ${line}`);
        report(line.slice(0, 80));
      }),
    );
    log.append(`DVC installed at ${dvcPath}`);
    onInstalled();
    void vscode.window.showInformationMessage(`DVC Lens: DVC installed in ${folder.name}/.venv.`);
  } catch (error) {
    await showErrorWithLog(log, `DVC Lens: installing DVC failed: ${errorText(error)}`);
  }
}
