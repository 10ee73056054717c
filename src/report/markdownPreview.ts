/**
 * Shows generated markdown in VS Code's own Markdown preview. The text is written to a file under the
 * extension's storage (never into the workspace), so the preview has a stable document to render and the
 * person can open it as text too.
 */
import * as vscode from 'vscode';

export async function showMarkdownReport(
  storage: vscode.Uri,
  name: string,
  markdown: string,
): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(storage, 'reports');
  await vscode.workspace.fs.createDirectory(folder);
  const file = vscode.Uri.joinPath(folder, `${name.replace(/[^\w.-]+/g, '-')}.md`);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(markdown));
  await vscode.commands.executeCommand('markdown.showPreview', file);
  return file;
}
