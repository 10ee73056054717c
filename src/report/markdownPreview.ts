/**
 * Shows generated markdown in VS Code's own Markdown preview. The text is written to a file under the
 * extension's storage (never into the workspace), so the preview has a stable document to render and the
 * person can open it as text too. The plots' images sit in a folder beside it, inside the preview's reach.
 */
import * as vscode from 'vscode';

/** Where the report called `name` is written (its plots go next to it, see plotsFolderFor). */
export function reportFile(storage: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.joinPath(storage, 'reports', `${name.replace(/[^\w.-]+/g, '-')}.md`);
}

export async function showMarkdownReport(file: vscode.Uri, markdown: string): Promise<vscode.Uri> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(markdown));
  await vscode.commands.executeCommand('markdown.showPreview', file);
  return file;
}
