import * as vscode from 'vscode';

/** Asks where to save the table's CSV and writes it; a cancelled dialog does nothing. */
export async function saveCsv(csv: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Experiments Table',
    saveLabel: 'Export CSV',
    filters: { CSV: ['csv'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'experiments.csv') } : {}),
  });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
    const open = await vscode.window.showInformationMessage(
      `DVC Lens: exported the experiments table to ${vscode.workspace.asRelativePath(target)}.`,
      'Open',
    );
    if (open) await vscode.window.showTextDocument(target);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `DVC Lens: could not write ${target.fsPath}: ${error instanceof Error ? error.message : String(error)}. Pick another folder and export again.`,
    );
  }
}
