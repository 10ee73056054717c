import * as vscode from 'vscode';
import { aliasBombDvcYaml } from '../unit/hostileInputs/hostileDocuments';
import { waitFor, workspaceRoot } from './suiteHelpers';

/**
 * Writes `bomb/dvc.yaml` with nine levels of nine aliases (387 million values expanded), waits for its
 * diagnostic, runs `check` with them, and removes the folder again whatever happens.
 */
export async function withAliasBomb(
  check: (uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]) => Promise<void> | void,
): Promise<void> {
  const dir = vscode.Uri.joinPath(workspaceRoot(), 'bomb');
  const uri = vscode.Uri.joinPath(dir, 'dvc.yaml');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(aliasBombDvcYaml(9, 9)));
  try {
    const diagnostics = await waitFor('the alias bomb diagnostic', () => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    });
    await check(uri, diagnostics);
  } finally {
    await vscode.workspace.fs.delete(dir, { recursive: true });
  }
}
